// `lint --cache`: per-file read results reused while a file's size, times and inode are
// unchanged. Cross-file rules always run again on the cached entities, so findings are the same.
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from './entity.js';
import type { ReadTask } from './read.js';
import type { ReuseCache } from './load.js';
import { version } from '../version.js';

/** The cache folder, relative to the repository root. */
export const cacheDir = '.opmodel-cache';
const cacheFile = 'lint-v1.json';

interface Stored {
  version: string;
  entries: Record<string, { stamp: string; result: FileResult }>;
}

/** A cache that can be saved after a run. */
export interface LintCache extends ReuseCache {
  save(): void;
}

/** Opens (or starts) the lint cache of a repository. A damaged cache is ignored, never fatal. */
export function openCache(root: string): LintCache {
  const dir = join(root, cacheDir);
  const path = join(dir, cacheFile);
  let stored: Stored = { version, entries: Object.create(null) as Stored['entries'] };
  try {
    const stat = lstatSync(path);
    if (stat.isFile()) {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Stored;
      if (parsed && parsed.version === version && parsed.entries && typeof parsed.entries === 'object') {
        stored = { version, entries: Object.assign(Object.create(null), parsed.entries) as Stored['entries'] };
      }
    }
  } catch {
    // no cache yet, or unreadable: start afresh
  }
  const next: Stored['entries'] = Object.create(null) as Stored['entries'];
  let reused = 0;
  let changed = false;
  return {
    lookup(task) {
      const stamp = stampOf(task);
      const entry = stamp ? stored.entries[task.file] : undefined;
      if (!entry || entry.stamp !== stamp) return undefined;
      next[task.file] = entry;
      reused++;
      return entry.result;
    },
    store(task, result) {
      const stamp = stampOf(task);
      if (stamp) next[task.file] = { stamp, result };
      changed = true;
    },
    save() {
      // Nothing read afresh and nothing gone: the cache on disk is already right.
      if (!changed && reused === Object.keys(stored.entries).length) return;
      try {
        const dirStat = safeLstat(dir);
        if (dirStat && !dirStat.isDirectory()) return; // never write through a link or over a file
        if (!dirStat) mkdirSync(dir, { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify({ version, entries: next }), { flag: 'wx' });
        renameSync(temp, path);
      } catch {
        // a cache that cannot be written only costs speed next time
      }
    },
  };
}

function stampOf(task: ReadTask): string | undefined {
  const stat = safeLstat(task.abs);
  if (!stat || !stat.isFile()) return undefined;
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${task.maxBytes}:${task.folderKind ?? ''}:${task.tableKinds.join(',')}:${task.keepBody ? 'body' : ''}`;
}

function safeLstat(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
