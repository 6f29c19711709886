// Reading a repository at a git revision: verify a revision, and unpack folders as they were.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';
import { makeTemp } from './temp.js';

/** Runs git in `root` and returns its standard output. */
export function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Throws a UsageError unless `rev` names a commit in the repository at `root`. */
export function verifyRevision(root: string, rev: string): void {
  if (rev.startsWith('-')) throw new UsageError(`'${rev}' is not a git revision.`);
  try {
    git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    throw new UsageError(`${root} is not in a git repository.`, 'Comparing with a revision needs the model in a git repository.');
  }
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new UsageError(`'${rev}' is not a git revision in ${root}.`, 'Use a branch, tag or commit; in CI, fetch enough history first (fetch-depth: 0).');
  }
}

/**
 * Unpacks `paths` (relative to root) as they were at `rev` into a new temporary folder and
 * returns the folder that stands for `root` in it. Paths missing at that revision are skipped.
 */
export function checkoutAt(root: string, rev: string, paths: string[]): { temp: string; root: string } {
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const temp = makeTemp('opmodel-rev-');
  const present = git(root, ['ls-tree', '--name-only', rev, '--', ...paths.map((p) => `${prefix}${p}`)])
    .split('\n')
    .filter(Boolean);
  if (present.length > 0) {
    const archive = spawnSync('git', ['archive', '--format=tar', rev, '--', ...present], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
    if (archive.status !== 0) throw new Error(`git archive failed for ${rev}`);
    const untar = spawnSync('tar', ['-x', '--no-same-owner', '--no-same-permissions', '-C', temp], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`could not unpack ${rev}`);
  }
  return { temp, root: join(temp, prefix) };
}
