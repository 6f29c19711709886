// The lint engine: config → loaded model → every rule → findings with severity, sorted.
// This is the library API the CLI and the handbook build call.
import picomatch from 'picomatch';
import type { Diagnostic, LintResult, Severity } from './types.js';
import { loadConfig, type Config, type RuleEntry } from './config.js';
import { loadModel, prewarmWorker, type LoadedModel, type ModelListing } from './model/load.js';
import { runKey, type LintCache } from './model/cache.js';
import { version } from './version.js';
import { builtinKindNames, ofKind } from './model/kinds.js';
import { referencesOf, relationsOf, type RelationField } from './model/relations.js';
import { createValidators, type Validators } from './model/validate.js';
import type { Entity, FileResult } from './model/entity.js';
import { decisionMatrices } from './model/decision-rights.js';
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
  prewarmWorker();
  const config = loadConfig(root, rules, builtinKindNames);
  return lintWithConfig(root, config, options);
}

/** The config and the loaded model, no rule run: for commands that read the model (who, assess, codeowners). */
export async function loadRepository(root: string): Promise<{ config: Config; model: LoadedModel }> {
  prewarmWorker();
  const config = loadConfig(root, rules, builtinKindNames);
  const model = await loadModel(root, config, undefined, false);
  return { config, model };
}

/** A finding before its severity is known. */
export type RawFinding = Omit<Diagnostic, 'severity'>;

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

/** Lints with a config already loaded. */
export async function lintWithConfig(root: string, config: Config, options: LintOptions = {}): Promise<LintOutcome> {
  const validators = await createValidators(config.kinds);
  const relations = relationsOf(config);
  const today = options.today ?? todayString();
  const keepBodies = options.keepBodies ?? true;
  const cache = options.cache;
  const ruleContext = cache ? ruleContextKey(config, today, keepBodies) : '';
  cache?.useContext(ruleContext, relations);
  // While workers read, the main thread checks each batch that arrives: per-file rules, and the
  // per-entity work cross-file rules will ask for (references, decision matrices), memoised.
  const severityOf = severityResolver(config);
  const early = new Map<string, RawFinding[]>();
  const checked = new Set<string>();
  const onRead = (results: FileResult[]) => {
    const own = checkFiles(results, { root, config, validators, relations, today }, severityOf);
    for (const entity of own.entities) {
      referencesOf(entity, relations);
      if (entity.kind === 'decision-rights') decisionMatrices(entity);
      checked.add(entity.file);
    }
    for (const [file, list] of own.byFile) early.set(file, list);
  };
  const model = await loadModel(root, config, cache, keepBodies, options.listing, onRead);
  const byId = new Map<string, Entity>();
  for (const entity of model.entities) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  const entities = model.entities.filter((e) => !e.broken);

  const byFile = new Map<string, RawFinding[]>();
  const add = (finding: RawFinding) => addByFile(byFile, finding);
  for (const f of model.files) f.findings.forEach(add);
  // Per-file rules (scope 'file') need not run again on a cached file: their findings are cached
  // with it, under a context of everything else they depend on (config, date, version).
  const perFileCached = new Set<string>();
  if (cache) {
    for (const file of model.reused) {
      const stored = cache.ruleFindings(file, ruleContext);
      if (!stored) continue;
      stored.forEach(add);
      perFileCached.add(file);
    }
  }
  const perFileEntities = perFileCached.size > 0 ? entities.filter((e) => !perFileCached.has(e.file)) : entities;
  const found = runRules({ model, byId, relations, config, validators, today }, entities, perFileEntities.filter((e) => !checked.has(e.file)), false, severityOf);
  for (const [file, list] of early) found.byFile.set(file, list);
  for (const [, list] of found.byFile) list.forEach(add);
  if (cache) for (const entity of perFileEntities) cache.storeRuleFindings(entity.file, ruleContext, found.byFile.get(entity.file) ?? []);
  const raw = { byFile, cross: found.cross };
  const result = finalResult(root, model.files.length, raw, config, options.onlyFiles);
  return { result, model, config, relations, raw };
}

/**
 * Runs the per-file rules on freshly read files alone (they need no other file): on each batch
 * as workers deliver it, and on the changed files of an incremental `lint --cache`.
 */
export function checkFiles(
  results: FileResult[],
  input: { root: string; config: Config; validators: Validators; relations: readonly RelationField[]; today: string },
  severities = severityResolver(input.config),
): { entities: Entity[]; byFile: Map<string, RawFinding[]> } {
  const entities = results.flatMap((r) => (r.entity && !r.entity.broken ? [r.entity] : []));
  const { root, config } = input;
  const model: LoadedModel = { root, modelDir: config.model, entities, files: results, paths: new Set(), modelDirFound: true, reused: new Set(), outside: [] };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const { byFile } = runRules({ ...input, model, byId }, entities, entities, true, severities);
  return { entities, byFile };
}

/**
 * Runs the rules: per-file rules on `perFileEntities`, cross-file rules (unless `perFileOnly`)
 * on `entities`. Per-file findings come back by file; they always sit in the entity's own file.
 */
export function runRules(input: RuleInput, entities: Entity[], perFileEntities: Entity[], perFileOnly: boolean, severityOf = severityResolver(input.config)): RawFindings {
  const out: RawFindings = { byFile: new Map(), cross: [] };
  for (const rule of rules) {
    if (!rule.check || !severityOf.maybeOn(rule)) continue;
    const perFile = rule.scope === 'file';
    if (perFileOnly && !perFile) continue;
    const ruleEntities = perFile ? perFileEntities : entities;
    const context: RuleContext = {
      ...input,
      entities: ruleEntities,
      ofKind: (kind) => ofKind(ruleEntities, kind),
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
        if (perFile) addByFile(out.byFile, finding);
        else out.cross.push(finding);
      },
    };
    const started = timing ? performance.now() : 0;
    rule.check(context);
    if (timing) timing.set(rule.id, (timing.get(rule.id) ?? 0) + performance.now() - started);
  }
  if (timing && !perFileOnly) reportTiming(timing);
  return out;
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
  const diagnostics: Diagnostic[] = [];
  const take = (finding: RawFinding) => {
    if (onlyFiles && !onlyFiles.has(finding.file)) return;
    const severity = severityOf.at(finding.rule, finding.file);
    if (severity !== 'off') diagnostics.push({ ...finding, severity });
  };
  for (const [, list] of raw.byFile) list.forEach(take);
  raw.cross.forEach(take);
  diagnostics.sort(compareDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { root, files, errors, warnings: diagnostics.length - errors, diagnostics };
}

/** Orders findings by file, line, column, then rule and message (stable across runs). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
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
