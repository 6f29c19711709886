// opmodel.config.yaml: rule severities and options, ignore globs, overrides, custom kinds and
// site settings. Every setting has a default; an invalid file is a ConfigError naming the key.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { limits } from './limits.js';
import { closest } from './util/did-you-mean.js';
import { yamlMessage } from './util/yaml-message.js';
import type { Ajv as AjvInstance, ErrorObject } from 'ajv';

/** What the config needs to know of a rule: its id and the JSON Schema of each option. */
export interface KnownRule {
  id: string;
  optionsSchema?: Record<string, Record<string, unknown>>;
}

export type RuleSetting = 'off' | 'warning' | 'error';

/** One custom kind declared in the config. */
export interface CustomKind {
  name: string;
  folder: string;
  /** Repository-relative schema path. */
  schema: string;
  /** The parsed JSON Schema. */
  schemaJson: Record<string, unknown>;
}

export interface Override {
  files: string[];
  rules: Record<string, RuleEntry>;
}

export interface RuleEntry {
  severity?: RuleSetting;
  options?: Record<string, unknown>;
}

export interface SiteSettings {
  title?: string;
  base?: string;
  repo?: string;
  /** The branch "edit this page" links open; default the repository's default branch. */
  branch?: string;
}

/** The resolved configuration. */
export interface Config {
  /** Repository-relative model folder. */
  model: string;
  ignore: string[];
  maxFileBytes: number;
  rules: Record<string, RuleEntry>;
  overrides: Override[];
  kinds: CustomKind[];
  site: SiteSettings;
  /** The config file's path relative to the root, when there is one. */
  file?: string;
}

/** A config problem: the CLI prints it and exits 2. */
export class ConfigError extends Error {}

export const configFileName = 'opmodel.config.yaml';
const topKeys = ['model', 'ignore', 'max_file_size', 'rules', 'overrides', 'kinds', 'site'];

/** Loads `opmodel.config.yaml` from the repository root, or the defaults when there is none. */
export function loadConfig(root: string, knownRules: readonly KnownRule[], builtinKinds: readonly string[]): Config {
  const config: Config = { model: 'model', ignore: [], maxFileBytes: limits.maxFileBytes, rules: {}, overrides: [], kinds: [], site: {} };
  const path = join(root, configFileName);
  if (!existsSync(path) && !isSymlink(path)) return config;
  config.file = configFileName;
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${configFileName}: \`${key}\` ${message}`);
  };
  if (isSymlink(path) || !lstatSync(path).isFile()) fail('(file)', 'must be a regular file, not a link or folder.');
  if (lstatSync(path).size > 256 * 1024) fail('(file)', 'is larger than 256 KB.');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'), { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 10 });
  } catch (error) {
    const { code, linePos } = error as { code?: string; linePos?: { line: number }[] };
    const where = linePos?.[0] ? ` line ${linePos[0].line}:` : '';
    throw new ConfigError(`${configFileName}:${where} ${yamlMessage(code ?? '', (error as Error).message)}`);
  }
  if (raw === null || raw === undefined) return config;
  if (!isPlainObject(raw)) fail('(file)', 'must be a mapping of settings such as `model: model`.');
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!topKeys.includes(key)) fail(key, `is not a setting${hint(key, topKeys)} Settings: ${topKeys.join(', ')}.`);
  }
  if (data.model !== undefined) {
    if (typeof data.model !== 'string' || data.model.trim() === '') fail('model', 'must be a folder name such as `model`.');
    config.model = insideRoot(root, data.model as string, 'model', fail);
  }
  if (data.ignore !== undefined) config.ignore = stringList(data.ignore, 'ignore', fail);
  if (data.max_file_size !== undefined) {
    const size = data.max_file_size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1024 || size > 64 * 1024 * 1024) {
      fail('max_file_size', 'must be a number of bytes between 1024 and 67108864.');
    }
    config.maxFileBytes = size as number;
  }
  if (data.rules !== undefined) config.rules = ruleTable(data.rules, 'rules', knownRules, fail);
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) fail('overrides', 'must be a list of `{ files: [...], rules: {...} }`.');
    config.overrides = (data.overrides as unknown[]).map((entry, index) => {
      const key = `overrides[${index}]`;
      if (!isPlainObject(entry)) fail(key, 'must be `{ files: [...], rules: {...} }`.');
      const o = entry as Record<string, unknown>;
      for (const k of Object.keys(o)) if (k !== 'files' && k !== 'rules') fail(`${key}.${k}`, 'is not a setting; use `files` and `rules`.');
      return { files: stringList(o.files, `${key}.files`, fail), rules: ruleTable(o.rules ?? {}, `${key}.rules`, knownRules, fail) };
    });
  }
  if (data.kinds !== undefined) {
    if (!isPlainObject(data.kinds)) fail('kinds', 'must map kind names to `{ folder, schema }`.');
    for (const [name, value] of Object.entries(data.kinds as Record<string, unknown>)) {
      const key = `kinds.${name}`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) fail(key, 'must be a lower-case name such as `okr`.');
      if (builtinKinds.includes(name)) fail(key, 'is a built-in kind; choose another name.');
      if (!isPlainObject(value)) fail(key, 'must be `{ folder: okrs, schema: schemas/custom/okr.schema.json }`.');
      const v = value as Record<string, unknown>;
      for (const k of Object.keys(v)) if (k !== 'folder' && k !== 'schema') fail(`${key}.${k}`, 'is not a setting; use `folder` and `schema`.');
      if (typeof v.folder !== 'string' || !/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(v.folder)) fail(`${key}.folder`, 'must be a folder name inside the model folder.');
      if (typeof v.schema !== 'string') fail(`${key}.schema`, 'must be the path of a JSON Schema file.');
      const schemaPath = insideRoot(root, v.schema as string, `${key}.schema`, fail);
      config.kinds.push({ name, folder: v.folder as string, schema: schemaPath, schemaJson: readSchema(root, schemaPath, `${key}.schema`, fail) });
    }
  }
  if (data.site !== undefined) {
    if (!isPlainObject(data.site)) fail('site', 'must be a mapping with `title`, `base`, `repo` and `branch`.');
    const site = data.site as Record<string, unknown>;
    for (const [k, v] of Object.entries(site)) {
      if (!['title', 'base', 'repo', 'branch'].includes(k)) fail(`site.${k}`, `is not a setting${hint(k, ['title', 'base', 'repo', 'branch'])}`);
      if (typeof v !== 'string') fail(`site.${k}`, 'must be text.');
    }
    if (typeof site.base === 'string' && !/^\/([A-Za-z0-9._~-]+\/)*$/.test(site.base)) fail('site.base', 'must be a path such as `/handbook/` (start and end with `/`).');
    if (typeof site.repo === 'string' && !/^https:\/\/[^\s"'<>]+$/.test(site.repo)) fail('site.repo', 'must be an https:// URL.');
    if (typeof site.branch === 'string' && !/^[A-Za-z0-9._/-]+$/.test(site.branch)) fail('site.branch', 'must be a branch name such as `main`.');
    config.site = site as SiteSettings;
  }
  return config;
}

function ruleTable(value: unknown, key: string, knownRules: readonly KnownRule[], fail: (k: string, m: string) => never): Record<string, RuleEntry> {
  if (!isPlainObject(value)) fail(key, 'must map rule ids to a severity, e.g. `stale: off`.');
  const table: Record<string, RuleEntry> = {};
  const ids = knownRules.map((r) => r.id);
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const k = `${key}.${id}`;
    const rule = knownRules.find((r) => r.id === id);
    if (!rule) fail(k, `is not a rule${hint(id, ids)}`);
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    const parsed = parseSeverity(severity);
    if (!parsed) fail(k, 'must be `off`, `warning` or `error` (or `[error, { max: 3 }]`).');
    if (options !== undefined && !isPlainObject(options)) fail(k, 'options must be a mapping, e.g. `[error, { max: 3 }]`.');
    if (Array.isArray(setting) && setting.length > 2) fail(k, 'takes `[severity, { options }]`.');
    if (options !== undefined) checkOptions(rule!, options as Record<string, unknown>, k, fail);
    table[id] = options === undefined ? { severity: parsed } : { severity: parsed, options: options as Record<string, unknown> };
  }
  return table;
}

/** One ajv per process, loaded only when a config sets rule options. */
let optionsAjv: AjvInstance | undefined;
const compiledOptions = new Map<string, ReturnType<AjvInstance['compile']>>();

/** Checks a rule's options against its schema: an unknown or ill-typed option is a ConfigError naming it. */
function checkOptions(rule: KnownRule, options: Record<string, unknown>, key: string, fail: (k: string, m: string) => never): void {
  const names = Object.keys(rule.optionsSchema ?? {});
  if (names.length === 0) {
    if (Object.keys(options).length > 0) fail(key, `takes no options: write \`${rule.id}: error\` (or \`warning\`, \`off\`).`);
    return;
  }
  let validate = compiledOptions.get(rule.id);
  if (!validate) {
    if (!optionsAjv) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      optionsAjv = new Ajv({ allErrors: true, strict: true });
    }
    validate = optionsAjv.compile({ type: 'object', properties: rule.optionsSchema, additionalProperties: false });
    compiledOptions.set(rule.id, validate);
  }
  if (validate(options)) return;
  fail(key, describeOptionError(rule.id, validate.errors![0]!, options, names));
}

const typeWords: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false' };

/** An ajv error on a rule's options, in words that name the rule and the option. */
function describeOptionError(id: string, error: ErrorObject, options: Record<string, unknown>, names: string[]): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const extra = String(params.additionalProperty);
    return `has no option \`${extra}\`${hint(extra, names)} The options of rule ${id} are: ${names.join(', ')}.`;
  }
  const option = error.instancePath.slice(1).split('/')[0] ?? '';
  const value = options[option];
  const shown = typeof value === 'string' ? `text "${value}"` : Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value === 'object' ? 'a set of fields' : `${typeof value} ${String(value)}`;
  if (error.keyword === 'type') {
    const expected = String(params.type).split(',').map((t) => typeWords[t] ?? t).join(' or ');
    return `option \`${option}\` must be ${expected}, not ${shown}.`;
  }
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(error.keyword)) {
    const limit = String(params.limit);
    const bound: Record<string, string> = { '>=': `${limit} or more`, '<=': `${limit} or less`, '>': `more than ${limit}`, '<': `less than ${limit}` };
    return `option \`${option}\` must be ${bound[String(params.comparison)] ?? limit}, not ${shown}.`;
  }
  return `option \`${option}\` ${error.message ?? 'is not valid'}, not ${shown}.`;
}

function parseSeverity(value: unknown): RuleSetting | undefined {
  if (value === 'off' || value === 0) return 'off';
  if (value === 'warning' || value === 'warn' || value === 1) return 'warning';
  if (value === 'error' || value === 2) return 'error';
  return undefined;
}

function stringList(value: unknown, key: string, fail: (k: string, m: string) => never): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(key, 'must be a list of text such as `["model/archive/**"]`.');
  return value as string[];
}

function insideRoot(root: string, path: string, key: string, fail: (k: string, m: string) => never): string {
  const clean = normalize(path).replace(/[\\/]+$/, '');
  const rel = relative(root, join(root, clean));
  if (isAbsolute(path) || rel.startsWith('..') || rel === '') fail(key, 'must be a path inside the repository.');
  return rel.split(sep).join('/');
}

function readSchema(root: string, path: string, key: string, fail: (k: string, m: string) => never): Record<string, unknown> {
  const abs = join(root, path);
  if (isSymlink(abs)) fail(key, 'must not be a symbolic link.');
  if (!existsSync(abs) || !lstatSync(abs).isFile()) fail(key, `names \`${path}\`, which does not exist.`);
  if (lstatSync(abs).size > 1024 * 1024) fail(key, 'names a schema larger than 1 MB.');
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (error) {
    fail(key, `names \`${path}\`, which is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(schema)) fail(key, 'must name a JSON Schema object.');
  const remote = findRemoteRef(schema);
  if (remote) fail(key, `uses a remote \`$ref\` (${remote}); opmodel fetches nothing: inline the definition.`);
  return schema as Record<string, unknown>;
}

function findRemoteRef(node: unknown, depth = 0): string | undefined {
  if (depth > 64) throw new ConfigError(`${configFileName}: a custom kind's schema nests deeper than 64 levels; flatten it.`);
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findRemoteRef(item, depth + 1);
      if (found) return found;
    }
  } else if (isPlainObject(node)) {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if ((k === '$ref' || k === '$dynamicRef' || k === '$recursiveRef') && typeof v === 'string' && !v.startsWith('#')) return v;
      if (k === '$id' && typeof v === 'string' && /^[a-z]+:/i.test(v) && !v.startsWith('urn:')) return v;
      const found = findRemoteRef(v, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function hint(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best ? `; did you mean \`${best}\`?` : '.';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
