// The lint engine: config → loaded model → every rule → findings with severity, sorted.
// This is the library API the CLI and the handbook build call.
import picomatch from 'picomatch';
import type { Diagnostic, LintResult, Severity } from './types.js';
import { loadConfig, type Config, type RuleEntry } from './config.js';
import { loadModel, prewarmWorker, type LoadedModel, type ReuseCache } from './model/load.js';
import { builtinKindNames } from './model/kinds.js';
import { relationFields, type RelationField } from './model/relations.js';
import { createValidators } from './model/validate.js';
import type { Entity } from './model/entity.js';
import { rules, ruleIds } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { todayString } from './util/today.js';

export interface LintOptions {
  /** Only report findings in these repository-relative files (rules still see the whole model). */
  onlyFiles?: Set<string>;
  /** Reuse per-file work from an earlier run. */
  cache?: ReuseCache;
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
}

/** Lints the model in a repository. Throws ConfigError for an unusable config. */
export async function lint(root: string, options: LintOptions = {}): Promise<LintOutcome> {
  prewarmWorker();
  const config = loadConfig(root, ruleIds, builtinKindNames);
  return lintWithConfig(root, config, options);
}

/** Lints with a config already loaded. */
export async function lintWithConfig(root: string, config: Config, options: LintOptions = {}): Promise<LintOutcome> {
  const validators = await createValidators(config.kinds);
  const relations = [...relationFields, ...customRelations(config)];
  const model = await loadModel(root, config, options.cache, options.keepBodies ?? true);
  const byId = new Map<string, Entity>();
  for (const entity of model.entities) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  const entities = model.entities.filter((e) => !e.broken);
  const today = options.today ?? todayString();
  const severityOf = severityResolver(config);

  const raw: Omit<Diagnostic, 'severity'>[] = [];
  for (const f of model.files) raw.push(...f.findings);
  for (const rule of rules) {
    if (!rule.check || !severityOf.maybeOn(rule)) continue;
    const context: RuleContext = {
      model,
      entities,
      byId,
      relations,
      config,
      validators,
      options: { ...rule.defaultOptions, ...(config.rules[rule.id]?.options ?? {}) },
      today,
      report(descriptor) {
        const finding: Omit<Diagnostic, 'severity'> = {
          file: descriptor.file,
          line: descriptor.position.line,
          column: descriptor.position.column,
          rule: rule.id,
          message: fill(rule.messages[descriptor.messageId] ?? descriptor.messageId, descriptor.data ?? {}),
        };
        if (descriptor.related?.length) {
          finding.related = descriptor.related.map((r) => ({ file: r.file, line: r.position.line, column: r.position.column, message: r.message }));
        }
        raw.push(finding);
      },
    };
    rule.check(context);
  }

  const diagnostics: Diagnostic[] = [];
  for (const finding of raw) {
    if (options.onlyFiles && !options.onlyFiles.has(finding.file)) continue;
    const severity = severityOf.at(finding.rule, finding.file);
    if (severity === 'off') continue;
    diagnostics.push({ ...finding, severity });
  }
  diagnostics.sort(compareDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const result: LintResult = { root, files: model.files.length, errors, warnings: diagnostics.length - errors, diagnostics };
  return { result, model, config, relations };
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

/** Reference fields declared in custom kinds' schemas with `x-ref`. */
export function customRelations(config: Config): RelationField[] {
  const fields: RelationField[] = [];
  for (const kind of config.kinds) {
    const visit = (schema: unknown, path: string[]) => {
      if (!schema || typeof schema !== 'object' || path.length > 6) return;
      const s = schema as Record<string, unknown>;
      const targets = s['x-ref'];
      if (typeof targets === 'string' || Array.isArray(targets)) {
        const list = (Array.isArray(targets) ? targets : [targets]).map(String);
        const label = path.filter((p) => p !== '*').join('.');
        fields.push({ kind: kind.name, path, targets: list, label, reverse: `${label} of ${kind.name}` });
      }
      if (s.properties && typeof s.properties === 'object') {
        for (const [key, value] of Object.entries(s.properties as Record<string, unknown>)) visit(value, [...path, key]);
      }
      if (s.items && typeof s.items === 'object') visit(s.items, [...path, '*']);
    };
    visit(kind.schemaJson, []);
  }
  return fields;
}

function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));
}
