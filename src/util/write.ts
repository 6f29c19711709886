// Writing user files safely: a new file appears whole or not at all, and never replaces one.
import { linkSync, lstatSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Why a file was not written. */
export type WriteRefusal = 'exists' | 'outside' | 'link-in-path';

/**
 * Creates `path` with `content` unless something is already there. The content goes to a
 * temporary file first and is hard-linked into place, which fails atomically if the name exists.
 */
export function writeNewFile(root: string, path: string, content: string): WriteRefusal | undefined {
  const target = resolve(path);
  const rel = relative(resolve(root), target);
  if (rel.startsWith('..') || rel === '' || rel.split(sep).includes('..')) return 'outside';
  if (linkInPath(resolve(root), rel)) return 'link-in-path';
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
