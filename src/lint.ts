// The lint engine: config → loaded model → per-file rules, then cross-file rules → findings with
// severity, sorted. This is the library API the CLI and the handbook build call.
import picomatch from 'picomatch';
import type { Finding, LintResult, RawFinding, Severity } from './types.js';
import { loadConfig, type Config, type RuleEntry } from './config.js';
import { loadModel, prewarmWorker, type LoadedModel, type ModelListing } from './model/read/load.js';
import { runKey, type LintCache } from './model/cache/cache.js';
import { version } from './version.js';
import { builtinKindNames, ofKind } from './model/domain/kinds.js';
import { relationsOf, type RelationField } from './model/domain/relations.js';
import { createValidators, type Validators } from './model/domain/validate.js';
import type { Entity, FileResult } from './model/domain/entity.js';
import { rules } from './rules/index.js';
import type { OptionValue, Rule, RuleContext } from './rules/rule.js';
import { todayString } from './util/today.js';

export interface LintOptions {
  /** Only report findings in these repository-relative files (rules still see the whole model). */
  onlyFiles?: Set<string>;
  /** Reuse per-file work from an earlier run. */
  cache?: LintCache;
  /** The model folder's listing, when the caller has walked it already. */
  listing?: ModelListing;
  /** Today's date (YYYY-MM-DD) for date rules; defaults to the local date or OPMODEL_TODAY. */
  today?: string;
  /** Keep body text on the entities (default true; `opmodel lint` needs none of it). */
  keepBodies?: boolean;
}

export interface LintOutcome {
  result: LintResult;
  model: LoadedModel;
  config: Config;
  /** Reference fields of the built-in and custom kinds, for the handbook's backlinks. */
  relations: readonly RelationField[];
  /** The findings before severities, as `lint --cache` keeps them. */
  raw: RawFindings;
}

/** Lints the model in a repository. Throws ConfigError for an unusable config. */
export async function lint(root: string, options: LintOptions = {}): Promise<LintOutcome> {
  return lintWithConfig(root, repositoryConfig(root), options);
}

/**
 * The repository's config, checked against the rules and kinds, for a run that reads the model
 * next: a worker starts loading its code meanwhile (unused, it never holds the process).
 * Throws ConfigError for an unusable config.
 */
export function repositoryConfig(root: string): Config {
  prewarmWorker();
  return loadConfig(root, rules, builtinKindNames);
}

/** The config and the loaded model, no rule run: for commands that read the model (who, assess, codeowners, review, new check-in). */
export async function loadRepository(root: string): Promise<{ config: Config; model: LoadedModel }> {
  const config = repositoryConfig(root);
  const model = await loadModel(root, config, undefined, false);
  return { config, model };
}

export type { RawFinding };

/** What a lint found, before severities: per file (loader and per-file rules), and across files. */
export interface RawFindings {
  byFile: Map<string, RawFinding[]>;
  cross: RawFinding[];
}

/** Everything the rules are given besides the entities to look at. */
export interface RuleInput {
  model: LoadedModel;
  byId: Map<string, Entity>;
  relations: readonly RelationField[];
  config: Config;
  validators: Validators;
  today: string;
}

/** The context that per-file findings depend on besides the file: config, date, version. */
export function ruleContextKey(config: Config, today: string, keepBodies: boolean): string {
  return runKey([version, JSON.stringify(config), today, String(keepBodies)]);
}

/**
 * Lints with a config already loaded: files → entities (the loader, reusing cached reads) →
 * per-file findings (as each batch of files arrives; cached per file) → cross-file findings.
 * The cache attaches at those two seams only.
 */
export async function lintWithConfig(root: string, config: Config, options: LintOptions = {}): Promise<LintOutcome> {
  const validators = await createValidators(config.kinds);
  const relations = relationsOf(config);
  const today = options.today ?? todayString();
  const keepBodies = options.keepBodies ?? true;
  const cache = options.cache;
  const ruleContext = cache ? ruleContextKey(config, today, keepBodies) : '';
  cache?.useContext(ruleContext, relations);
  const severityOf = severityResolver(config);
  const byFile = new Map<string, RawFinding[]>();
  const add = (finding: RawFinding) => addByFile(byFile, finding);
  // Per-file rules run on each batch of files as the workers deliver it; a file reused from the
  // cache brings the findings they made on it, under the same context (config, date, version).
  const onRead = (results: FileResult[], reused: boolean) => {
    const unchecked: FileResult[] = [];
    for (const result of results) {
      const stored = reused ? cache?.ruleFindings(result.file, ruleContext) : undefined;
      if (stored) stored.forEach(add);
      else unchecked.push(result);
    }
    const own = checkFiles(unchecked, { root, config, validators, relations, today }, severityOf);
    for (const result of unchecked) {
      const found = own.get(result.file) ?? [];
      found.forEach(add);
      if (cache && result.entity && !result.entity.broken) cache.storeRuleFindings(result.file, ruleContext, found);
    }
  };
  const model = await loadModel(root, config, cache, keepBodies, options.listing, onRead);
  for (const f of model.files) f.findings.forEach(add);
  const byId = new Map<string, Entity>();
  for (const entity of model.entities) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  const entities = model.entities.filter((e) => !e.broken);
  const cross = runRules({ model, byId, relations, config, validators, today }, entities, 'model', severityOf);
  const raw = { byFile, cross };
  const result = finalResult(root, model.files.length, raw, config, options.onlyFiles);
  return { result, model, config, relations, raw };
}

/**
 * The per-file rules on freshly read files alone (they need no other file), by file. Broken
 * entities are not checked: the reader's findings already say what is wrong with them.
 */
export function checkFiles(
  results: FileResult[],
  input: { root: string; config: Config; validators: Validators; relations: readonly RelationField[]; today: string },
  severities = severityResolver(input.config),
): Map<string, RawFinding[]> {
  const entities = results.flatMap((r) => (r.entity && !r.entity.broken ? [r.entity] : []));
  if (entities.length === 0) return new Map();
  const { root, config } = input;
  const model: LoadedModel = { root, modelDir: config.model, entities, files: results, paths: new Set(), modelDirFound: true };
  const byId = new Map(entities.map((e) => [e.id, e]));
  return groupByFile(runRules({ ...input, model, byId }, entities, 'file', severities));
}

/** Runs the rules of one scope (`file`: each file on its own; `model`: across files) on the entities. */
export function runRules(input: RuleInput, entities: Entity[], scope: 'file' | 'model', severityOf = severityResolver(input.config)): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.check || !severityOf.maybeOn(rule)) continue;
    if ((rule.scope === 'file') !== (scope === 'file')) continue;
    const context: RuleContext = {
      ...input,
      entities,
      ofKind: (kind) => ofKind(entities, kind),
      options: { ...rule.defaultOptions, ...(input.config.rules[rule.id]?.options as Record<string, OptionValue> | undefined) },
      report(descriptor) {
        const template = rule.messages[descriptor.messageId] ?? descriptor.messageId;
        const finding: RawFinding = {
          file: descriptor.file,
          line: descriptor.position.line,
          column: descriptor.position.column,
          ...(descriptor.end ? { endLine: descriptor.end.line, endColumn: descriptor.end.column } : {}),
          rule: rule.id,
          messageId: descriptor.messageId,
          message: withSuggestions(fill(template, descriptor.data ?? {}), descriptor.expected),
        };
        if (descriptor.expected?.length) finding.expected = descriptor.expected;
        if (descriptor.related?.length) {
          finding.related = descriptor.related.map((r) => ({ file: r.file, line: r.position.line, column: r.position.column, message: r.message }));
        }
        out.push(finding);
      },
    };
    const started = timing ? performance.now() : 0;
    rule.check(context);
    if (timing) timing.set(rule.id, (timing.get(rule.id) ?? 0) + performance.now() - started);
  }
  if (timing && scope === 'model') reportTiming(timing);
  return out;
}

function groupByFile(findings: RawFinding[]): Map<string, RawFinding[]> {
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of findings) addByFile(byFile, finding);
  return byFile;
}

/** `OPMODEL_TIMING=1`: time per rule, printed to stderr (like ESLint's TIMING). */
const timing = process.env.OPMODEL_TIMING ? new Map<string, number>() : undefined;

function reportTiming(times: Map<string, number>): void {
  const rows = [...times].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  process.stderr.write(`Rule                 Time (ms)\n${rows.map(([id, ms]) => `${id.padEnd(20)} ${ms.toFixed(1).padStart(9)}`).join('\n')}\n${'total'.padEnd(20)} ${total.toFixed(1).padStart(9)}\n`);
  times.clear();
}

/** Adds a finding to the list of its file. */
export function addByFile(byFile: Map<string, RawFinding[]>, finding: RawFinding): void {
  const list = byFile.get(finding.file);
  if (list) list.push(finding);
  else byFile.set(finding.file, [finding]);
}

/** Severities, overrides and order applied to what the rules found. */
export function finalResult(root: string, files: number, raw: RawFindings, config: Config, onlyFiles?: Set<string>): LintResult {
  const severityOf = severityResolver(config);
  const diagnostics: Finding[] = [];
  const take = (finding: RawFinding) => {
    if (onlyFiles && !onlyFiles.has(finding.file)) return;
    const severity = severityOf.at(finding.rule, finding.file);
    if (severity !== 'off') diagnostics.push({ ...finding, severity });
  };
  for (const [, list] of raw.byFile) list.forEach(take);
  raw.cross.forEach(take);
  diagnostics.sort(compareFindings);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { root, files, errors, warnings: diagnostics.length - errors, diagnostics };
}

/** Orders findings by file, line, column, then rule and message (stable across runs). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

function severityResolver(config: Config) {
  const byRule = new Map(rules.map((r) => [r.id, r]));
  const overrides = config.overrides.map((o) => ({ match: picomatch(o.files, { dot: true }), rules: o.rules }));
  const base = (id: string): Severity | 'off' => config.rules[id]?.severity ?? byRule.get(id)?.defaultSeverity ?? 'error';
  return {
    /** Whether a rule could report anywhere (globally on, or on in some override). */
    maybeOn(rule: Rule): boolean {
      return base(rule.id) !== 'off' || overrides.some((o) => (o.rules[rule.id] as RuleEntry | undefined)?.severity !== undefined && o.rules[rule.id]!.severity !== 'off');
    },
    at(id: string, file: string): Severity | 'off' {
      let severity = base(id);
      for (const o of overrides) {
        const entry = o.rules[id];
        if (entry?.severity && o.match(file)) severity = entry.severity;
      }
      return severity;
    },
  };
}

export { relationsOf };

/** A message with its suggestions: `…; did you mean 'growth-squad'?`, the one way they are worded. */
export function withSuggestions(message: string, expected: readonly string[] | undefined): string {
  if (!expected?.length) return message;
  return `${message}; did you mean ${expected.map((e) => `'${e}'`).join(' or ')}?`;
}

function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));
}
