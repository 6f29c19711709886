// Writing user files safely: a new file appears whole or not at all, and never replaces one
// unless opmodel generated it (then it is replaced atomically, by a rename in the same folder).
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readOpenFile } from './fd.js';

/** Why a file was not written. */
export type WriteRefusal = 'exists' | 'outside' | 'link-in-path';

/**
 * Creates `path` with `content` unless something is already there. The content goes to a
 * temporary file first and is hard-linked into place, which fails atomically if the name exists.
 */
export function writeNewFile(root: string, path: string, content: string): WriteRefusal | undefined {
  const target = resolve(path);
  const placement = checkPlacement(root, target);
  if (placement) return placement;
  if (exists(target)) return 'exists';
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${process.pid}.${Date.now()}.opmodel.tmp`);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  } finally {
    unlinkSync(temp);
  }
  return undefined;
}

/** Why a generated file was not replaced: it is not a regular file, or opmodel did not write it. */
export type ReplaceRefusal = Exclude<WriteRefusal, 'exists'> | 'not-a-file' | 'not-generated';

/** What is at a path opmodel may regenerate: nothing yet, a regular file's text, or a reason to leave it alone. */
export type ExistingFile = { state: 'missing' } | { state: 'file'; text: string } | { state: 'refused'; reason: ReplaceRefusal };

/** Largest file read back to compare or replace (GitHub ignores a CODEOWNERS file over 3 MB). */
const maxExistingBytes = 16 * 1024 * 1024;

/** Reads a file opmodel may regenerate, without following a link or leaving the root. */
export function readExistingFile(root: string, path: string): ExistingFile {
  const target = resolve(path);
  const placement = checkPlacement(root, target);
  if (placement) return { state: 'refused', reason: placement };
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return { state: 'missing' };
  }
  if (stat.isSymbolicLink()) return { state: 'refused', reason: 'link-in-path' };
  if (!stat.isFile() || stat.size > maxExistingBytes) return { state: 'refused', reason: 'not-a-file' };
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { state: 'refused', reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'link-in-path' : 'not-a-file' };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > maxExistingBytes) return { state: 'refused', reason: 'not-a-file' };
    return { state: 'file', text: readOpenFile(fd, opened.size).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `path` with `content`: creates it when missing, or replaces it when it is a regular
 * file that `generated` recognises as opmodel's own output. The new content goes to a temporary
 * file in the same folder and is renamed over the old one, so the file is never half-written.
 */
export function replaceGeneratedFile(root: string, path: string, content: string, generated: (current: string) => boolean): ReplaceRefusal | undefined {
  const target = resolve(path);
  const existing = readExistingFile(root, target);
  if (existing.state === 'refused') return existing.reason;
  if (existing.state === 'missing') {
    const refusal = writeNewFile(root, target, content);
    // Created by someone else in the meantime: leave it, as for any file opmodel did not write.
    return refusal === 'exists' ? 'not-generated' : refusal;
  }
  if (!generated(existing.text)) return 'not-generated';
  const temp = join(dirname(target), `.${process.pid}.${Date.now()}.opmodel.tmp`);
  writeFileSync(temp, content, { flag: 'wx', mode: lstatSync(target).mode & 0o777 });
  try {
    renameSync(temp, target);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  return undefined;
}

/** Refuses a target outside the root, or below a folder that is a symbolic link. */
function checkPlacement(root: string, target: string): 'outside' | 'link-in-path' | undefined {
  const rel = relative(resolve(root), target);
  if (rel.startsWith('..') || rel === '' || rel.split(sep).includes('..') || isAbsolute(rel)) return 'outside';
  if (linkInPath(resolve(root), rel)) return 'link-in-path';
  return undefined;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** True when a folder on the way from root to rel is a symbolic link (writing there could escape). */
function linkInPath(root: string, rel: string): boolean {
  let current = root;
  for (const part of rel.split(sep).slice(0, -1)) {
    current = join(current, part);
    try {
      if (lstatSync(current).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}
