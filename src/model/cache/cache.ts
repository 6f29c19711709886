// `lint --cache`: what a run learned, kept in `.opmodel-cache/` for the next run.
//
// - Per file (lint-v2-files.json): the read result, found again by the file's stamp (size,
//   times, inode); a file whose stamp changed is re-read, and if its content hash is the one
//   stored, not parsed again. The entity is kept as cross-file rules see it (lint-view.ts), with
//   the findings of the per-file rules (schema, kind, stale…), valid while the config, the date
//   and opmodel's version are the same, and a digest of that view.
// - Per run (lint-v2-run.json, small): every file's stamp, view digest and own findings, the
//   findings of the cross-file rules, and what they depended on besides the files (every path
//   in the model folder, link targets outside it). When no stamp changed, that is the answer.
//   When a few files changed but none of their views did (prose edited, not references, ids,
//   statuses or links), the cross-file findings still hold: only those files are read and
//   checked. Otherwise every rule runs again on all entities (lint-cache.ts).
//
// So a cached run reports exactly what an uncached run reports (test/cache.test.ts). A damaged
// or foreign cache is ignored, never fatal; it is written through a temp file and a rename,
// never through a link.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFinding } from '../../types.js';
import type { FileResult } from '../domain/entity.js';
import type { ReadTask } from '../read/read.js';
import type { ReuseCache } from '../read/load.js';
import type { RelationField } from '../domain/relations.js';
import { lintView } from './lint-view.js';
import { version } from '../../version.js';

/** The cache folder, relative to the repository root. */
export const cacheDir = '.opmodel-cache';
const filesName = 'lint-v2-files.json';
const runName = 'lint-v2-run.json';

interface FileEntry {
  stamp: string;
  hash?: string;
  /** Digest of the result as cross-file rules see it. */
  digest: string;
  result: FileResult;
  /** Findings of the per-file rules, and the run context they were made in. */
  rules?: { context: string; findings: RawFinding[] };
}

interface StoredFiles {
  version: string;
  entries: Record<string, FileEntry>;
}

/** What the last run found, and what it depended on. */
export interface StoredRun {
  version: string;
  /** The rule context (config, date, version) of the run. */
  context: string;
  /** A hash of every path under the model folder and the walk's own findings. */
  listKey: string;
  /** Link targets outside the model folder the run looked up, and whether each existed. */
  outside: [string, boolean][];
  /** Per read file: its stamp, its view digest and its own findings (loader and per-file rules). */
  files: Record<string, { stamp: string; digest: string; findings: RawFinding[] }>;
  /** Findings of the cross-file rules. */
  cross: RawFinding[];
}

/** A cache that can be saved after a run. */
export interface LintCache extends ReuseCache {
  /**
   * The run context (config, date, version) and reference fields. Cached entities keep only
   * what cross-file rules read (lint-view.ts), so they are reused only under the context their
   * per-file rule findings were made in; call this before loading.
   */
  useContext(context: string, relations: readonly RelationField[]): void;
  /** The stamp of a file as the cache sees it (undefined when it cannot be stat'ed). */
  stampOf(task: ReadTask): string | undefined;
  /** The last run, if there is one. */
  lastRun(): StoredRun | undefined;
  storeRun(run: StoredRun): void;
  /** The view digest of a file's result stored or reused in this run. */
  digestOf(file: string): string | undefined;
  /** Per-file rule findings stored for a file under this context. */
  ruleFindings(file: string, context: string): RawFinding[] | undefined;
  storeRuleFindings(file: string, context: string, findings: RawFinding[]): void;
  save(): void;
}

/** Opens (or starts) the lint cache of a repository. */
export function openCache(root: string): LintCache {
  const dir = join(root, cacheDir);
  const filesPath = join(dir, filesName);
  const runPath = join(dir, runName);
  const run = readJson<StoredRun>(runPath, isStoredRun);
  // The big per-file store is read only when a run needs it (not when nothing changed).
  let stored: Record<string, FileEntry> | undefined;
  const entries = (): Record<string, FileEntry> => {
    if (!stored) {
      const files = readJson<StoredFiles>(filesPath, (f) => !!f.entries && typeof f.entries === 'object');
      stored = Object.assign(Object.create(null), files?.entries ?? {}) as Record<string, FileEntry>;
    }
    return stored;
  };
  const next: Record<string, FileEntry> = Object.create(null) as Record<string, FileEntry>;
  const stamps = new Map<string, string | undefined>();
  let filesChanged = false;
  let runChanged: StoredRun | undefined;
  let context = '';
  let relations: readonly RelationField[] = [];
  // Entries are checked field by field before use: a damaged entry is read afresh, never trusted.
  const usable = (entry: FileEntry | undefined): entry is FileEntry => isFileEntry(entry) && entry.rules?.context === context;

  const stampOf = (task: ReadTask): string | undefined => {
    if (stamps.has(task.file)) return stamps.get(task.file);
    const stat = safeLstat(task.abs);
    const stamp =
      stat && stat.isFile()
        ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${task.maxBytes}:${task.folderKind ?? ''}:${task.tableKinds.join(',')}:${task.keepBody ? 'body' : ''}`
        : undefined;
    stamps.set(task.file, stamp);
    return stamp;
  };
  /** The task's shape without the file's stat: a hash match is only reused under the same shape. */
  const shapeOf = (stamp: string) => stamp.split(':').slice(4).join(':');

  return {
    stampOf,
    useContext(runContext, fields) {
      context = runContext;
      relations = fields;
    },
    lastRun: () => run,
    storeRun(stored) {
      runChanged = stored;
    },
    digestOf: (file) => next[file]?.digest,
    lookup(task) {
      const stamp = stampOf(task);
      const entry = stamp ? entries()[task.file] : undefined;
      if (!usable(entry) || entry.stamp !== stamp) return undefined;
      next[task.file] = entry;
      return freshCopy(entry.result);
    },
    knownHash(task) {
      const stamp = stampOf(task);
      const entry = entries()[task.file];
      return stamp && usable(entry) && entry.hash && shapeOf(entry.stamp) === shapeOf(stamp) ? entry.hash : undefined;
    },
    reuseByHash(task) {
      const stamp = stampOf(task);
      const entry = entries()[task.file];
      if (!stamp || !usable(entry)) return undefined;
      next[task.file] = { ...entry, stamp };
      filesChanged = true;
      return freshCopy(entry.result);
    },
    store(task, result) {
      const stamp = stampOf(task);
      if (stamp) {
        const cached = forCache(result, relations);
        const entry: FileEntry = { stamp, digest: digestOfCached(cached), result: cached };
        if (result.entity?.hash) entry.hash = result.entity.hash;
        next[task.file] = entry;
      }
      filesChanged = true;
    },
    ruleFindings(file, runContext) {
      const rules = next[file]?.rules;
      return rules && rules.context === runContext ? rules.findings : undefined;
    },
    storeRuleFindings(file, runContext, findings) {
      const entry = next[file];
      if (!entry) return;
      next[file] = { ...entry, rules: { context: runContext, findings } };
      filesChanged = true;
    },
    save() {
      // Files gone since the last run also change the store (when it was read at all).
      if (stored && Object.keys(stored).length !== Object.keys(next).length) filesChanged = true;
      if (!filesChanged && !runChanged) return;
      try {
        const dirStat = safeLstat(dir);
        if (dirStat && !dirStat.isDirectory()) return; // never write through a link or over a file
        if (!dirStat) mkdirSync(dir, { recursive: true });
        if (filesChanged) writeAtomically(filesPath, JSON.stringify({ version, entries: next } satisfies StoredFiles));
        if (runChanged) writeAtomically(runPath, JSON.stringify(runChanged));
      } catch {
        // a cache that cannot be written only costs speed next time
      }
    },
  };
}

// Shape checks for what is read back from disk (a cache file may be damaged or hand-edited).
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
const isRelated = (v: unknown): v is Json => isObject(v) && isString(v.file) && isNumber(v.line) && isNumber(v.column) && isString(v.message);
const isFinding = (v: unknown): v is RawFinding =>
  isObject(v) && isString(v.file) && isNumber(v.line) && isNumber(v.column) && isString(v.rule) && isString(v.message) && (v.related === undefined || isArrayOf(v.related, isRelated));
const isLink = (v: unknown): v is Json =>
  isObject(v) && isString(v.url) && isString(v.text) && isString(v.type) && isNumber(v.line) && isNumber(v.column) && (v.target === undefined || v.target === null || isString(v.target));
const isCell = (v: unknown): v is Json => isObject(v) && isString(v.text) && isNumber(v.line) && isNumber(v.column) && isArrayOf(v.links, isLink);
const isRow = (v: unknown): v is Json[] => isArrayOf(v, isCell);
const isTable = (v: unknown): v is Json => isObject(v) && isNumber(v.line) && isNumber(v.column) && isRow(v.header) && isArrayOf(v.rows, isRow);
const isHtml = (v: unknown): v is Json => isObject(v) && isString(v.what) && isNumber(v.line) && isNumber(v.column);
const isPositionList = (v: unknown): boolean =>
  Array.isArray(v) && v.length % 3 === 0 && v.every((x, i) => (i % 3 === 0 ? isString(x) : isNumber(x)));
const isCachedEntity = (v: unknown): boolean =>
  isObject(v) &&
  isString(v.kind) &&
  isString(v.id) &&
  isString(v.file) &&
  isObject(v.data) &&
  isString(v.body) &&
  isNumber(v.bodyLine) &&
  isString(v.hash) &&
  isArrayOf(v.links, isLink) &&
  isArrayOf(v.tables, isTable) &&
  isArrayOf(v.unsafeHtml, isHtml) &&
  isPositionList(v.positions) &&
  (v.broken === undefined || typeof v.broken === 'boolean') &&
  (v.bodyUnparsed === undefined || typeof v.bodyUnparsed === 'boolean');
function isFileEntry(v: unknown): v is FileEntry {
  if (!isObject(v) || !isString(v.stamp) || !isString(v.digest) || (v.hash !== undefined && !isString(v.hash))) return false;
  const result = v.result;
  if (!isObject(result) || !isString(result.file) || !isArrayOf(result.findings, isFinding)) return false;
  if (result.entity !== undefined && !isCachedEntity(result.entity)) return false;
  return v.rules === undefined || (isObject(v.rules) && isString(v.rules.context) && isArrayOf(v.rules.findings, isFinding));
}
function isStoredRun(v: StoredRun): boolean {
  const r = v as unknown as Json;
  if (!isString(r.context) || !isString(r.listKey) || !isArrayOf(r.cross, isFinding)) return false;
  if (!Array.isArray(r.outside) || !r.outside.every((o) => Array.isArray(o) && o.length === 2 && isString(o[0]) && typeof o[1] === 'boolean')) return false;
  return isObject(r.files) && Object.values(r.files).every((f) => isObject(f) && isString(f.stamp) && isString(f.digest) && isArrayOf(f.findings, isFinding));
}

/** A result as the cache keeps it: the entity's lint view. */
function forCache(result: FileResult, relations: readonly RelationField[]): FileResult {
  return result.entity ? { ...result, entity: lintView(result.entity, relations) } : result;
}

/** The digest of what cross-file rules can see of a cached result (not its content hash or own findings). */
function digestOfCached(cached: FileResult): string {
  if (!cached.entity) return 'none';
  const { hash: _hash, ...seen } = cached.entity;
  return createHash('sha1').update(JSON.stringify(seen)).digest('hex');
}

/** The view digest of a freshly read result, as the cache would store it. */
export function viewDigest(result: FileResult, relations: readonly RelationField[]): string {
  return digestOfCached(forCache(result, relations));
}

/** A hash over the given parts. */
export function runKey(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Entries are handed out as fresh objects, so a run can never change what the cache holds. */
function freshCopy(result: FileResult): FileResult {
  if (!result.entity) return { ...result, findings: [...result.findings] };
  return { ...result, findings: [...result.findings], entity: { ...result.entity } };
}

function readJson<T extends { version: string }>(path: string, valid: (value: T) => boolean): T | undefined {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return undefined;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as T;
    return parsed && parsed.version === version && valid(parsed) ? parsed : undefined;
  } catch {
    return undefined; // no cache yet, or unreadable: start afresh
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { flag: 'wx' });
  renameSync(temp, path);
}

function safeLstat(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
