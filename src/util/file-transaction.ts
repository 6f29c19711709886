// Changing several user files all or nothing: every file is checked against the text it was
// planned from, each is replaced through a temporary file and a rename, and when one step fails
// the steps already done are undone, so the files end as they began.
import { accessSync, constants, lstatSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { readExistingFile, writeNewFile } from './write.js';

/** One file change: `before` null creates the file, `after` null removes it. */
export interface FileChange {
  /** Absolute path. */
  path: string;
  before: string | null;
  after: string | null;
}

/** Why the changes were not made, with the file (relative to the root) it happened at. */
export interface TransactionFailure {
  file: string;
  reason: string;
  /** Files that could not be put back after a failure midway (normally none). */
  notRestored: string[];
}

/** Makes every change or none; returns undefined on success. */
export function applyAllOrNothing(root: string, changes: readonly FileChange[]): TransactionFailure | undefined {
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  for (const change of changes) {
    const found = readExistingFile(root, change.path);
    const now = found.state === 'file' ? found.text : found.state === 'missing' ? null : undefined;
    if (now === undefined) return { file: rel(change.path), reason: 'it is a link, or not a regular file inside the repository', notRestored: [] };
    if (now !== change.before) {
      return { file: rel(change.path), reason: change.before === null ? 'it exists now' : 'it changed on disk after rename read it; run rename again', notRestored: [] };
    }
  }
  const undo: { path: string; step: () => void }[] = [];
  for (const change of changes) {
    try {
      if (change.before === null) {
        const refusal = writeNewFile(root, change.path, change.after ?? '');
        if (refusal) throw new Error(refusal === 'exists' ? 'it exists now' : 'it is outside the repository or behind a link');
        undo.push({ path: change.path, step: () => unlinkSync(change.path) });
      } else {
        // A read-only file is the user's way of saying "leave this alone".
        accessSync(change.path, constants.W_OK);
        const mode = lstatSync(change.path).mode & 0o777;
        if (change.after === null) unlinkSync(change.path);
        else replace(change.path, change.after, mode);
        const before = change.before;
        undo.push({ path: change.path, step: () => replace(change.path, before, mode) });
      }
    } catch (error) {
      const notRestored: string[] = [];
      for (const done of undo.reverse()) {
        try {
          done.step();
        } catch {
          notRestored.push(rel(done.path));
        }
      }
      return { file: rel(change.path), reason: describe(error), notRestored };
    }
  }
  return undefined;
}

/** Replaces (or recreates) a file through a temporary file in its folder, so it is never half-written. */
function replace(path: string, content: string, mode: number): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.opmodel.tmp`);
  writeFileSync(temp, content, { flag: 'wx', mode });
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'it or its folder is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return (error as Error).message.split('\n')[0]!;
}
