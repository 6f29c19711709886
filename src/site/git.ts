// What git knows about the model folder: when each file last changed, which files each commit
// touched, and, for the commits the changelog shows, what each did to its entities (a bet going from
// active to won, a decider who moves), read through the same revision loader and diff as `opmodel diff`.
// Argument arrays only; no git or no repository means "unknown".
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { loadConfig } from '../config.js';
import { diffModels } from '../model/domain/diff.js';
import type { Entity } from '../model/domain/entity.js';
import { builtinKindNames } from '../model/domain/kinds.js';
import { loadFilesAt } from '../model/read/revision.js';
import { rules } from '../rules/index.js';

/** One commit that touched the model folder. */
export interface GitCommit {
  hash: string;
  /** Committer date, strict ISO 8601. */
  date: string;
  author: string;
  subject: string;
  /** False for a commit without a parent (the first one): everything in it is added. */
  hasParent: boolean;
  /** Files touched, relative to the repository root (the opmodel DIR). */
  changes: GitChange[];
}

export interface GitChange {
  status: 'added' | 'changed' | 'removed';
  file: string;
  /** When the commit changed the file's frontmatter `status:` (a bet's or guardrail's): from what to what. */
  statusChange?: { from: string; to: string };
  /** Decisions of a decision-rights file whose decider the commit changed. */
  deciderChanges?: { decision: string; from: string | null; to: string | null }[];
}

/** The model folder's history. */
export interface GitHistory {
  state: 'ok' | 'shallow' | 'unavailable';
  /** Path of the opmodel DIR inside the git work tree, `` or with a trailing slash. */
  prefix: string;
  /** File → date of the last commit touching it (only when state is `ok`). */
  lastUpdated: Map<string, string>;
  /** Newest first (only when state is `ok`). */
  commits: GitCommit[];
  /** The repository's default branch (origin's HEAD), when git knows it. */
  defaultBranch?: string;
}

const unavailable = (): GitHistory => ({ state: 'unavailable', prefix: '', lastUpdated: new Map(), commits: [] });

/** The default branch of the repository's origin (`refs/remotes/origin/HEAD`), or undefined. */
function originBranch(root: string): string | undefined {
  const ref = git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  const branch = ref?.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : '';
  return branch !== '' ? branch : undefined;
}

/** The commit HEAD points at, or null (no git, no commits): what `opmodel dev` checks before reading the history again. */
export function headCommit(root: string): string | null {
  return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
}

/** Reads the history of `modelDir` (relative to root). Never throws. */
export function readGitHistory(root: string, modelDir: string): GitHistory {
  const info = git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix']);
  if (info === null) return unavailable();
  const [inside, shallow, prefix = ''] = info.split('\n');
  if (inside !== 'true') return unavailable();
  // A shallow clone's oldest commit seems to add every file: its dates would mislead.
  const defaultBranch = originBranch(root);
  if (shallow === 'true') return { state: 'shallow', prefix, lastUpdated: new Map(), commits: [], defaultBranch };

  const log = git(root, [
    'log', '--no-renames', '--no-ext-diff', '--name-status', '-z', '--relative',
    '--format=%x1e%H%x1f%cI%x1f%an%x1f%P%x1f%s', '--', modelDir || '.',
  ]);
  // A repository without commits yet has a work tree but no history.
  if (log === null) return { state: 'ok', prefix, lastUpdated: new Map(), commits: [], defaultBranch };

  const commits = parseLog(log);
  const lastUpdated = new Map<string, string>();
  for (const commit of commits) {
    for (const change of commit.changes) if (!lastUpdated.has(change.file)) lastUpdated.set(change.file, commit.date);
  }
  return { state: 'ok', prefix, lastUpdated, commits, defaultBranch };
}

/** Parses `git log --name-status -z --format=%x1e%H%x1f%cI%x1f%an%x1f%P%x1f%s` output. */
export function parseLog(output: string): GitCommit[] {
  const commits: GitCommit[] = [];
  const tokens = output.split('\0');
  let current: GitCommit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('\x1e')) {
      const [hash = '', date = '', author = '', parents = '', subject = ''] = token.slice(1).split('\x1f');
      current = { hash, date, author, subject, hasParent: parents.trim() !== '', changes: [] };
      commits.push(current);
      continue;
    }
    const status = token.replace(/^\n/, '');
    if (!current || status === '') continue;
    const file = tokens[++i];
    if (file === undefined) break;
    const letter = status[0];
    const kind = letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'changed';
    current.changes.push({ status: kind, file });
  }
  return commits;
}

/** Whether a changed file is a model entity's (a `.md` file other than a README or a `_` draft). */
export function isEntityFile(file: string): boolean {
  const name = posix.basename(file);
  return name.endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('_');
}

/**
 * The history with, for its newest `limit` commits that change entities, what each did to them: the
 * files it touched loaded at its parent and at itself, and compared as `opmodel diff` compares.
 */
export async function readModelHistory(root: string, modelDir: string, limit = 50): Promise<GitHistory> {
  const history = readGitHistory(root, modelDir);
  if (history.state !== 'ok') return history;
  let config;
  try {
    config = loadConfig(root, rules, builtinKindNames);
  } catch {
    return history; // lint has said what is wrong with the config
  }
  // The commits the changelog shows, and the files each changed (an added or removed file has no before or after to compare).
  const shown = history.commits.filter((commit) => commit.changes.some((change) => isEntityFile(change.file))).slice(0, limit);
  const compared = shown
    .map((commit) => ({ commit, files: commit.changes.filter((change) => change.status === 'changed' && isEntityFile(change.file)).map((change) => change.file) }))
    .filter(({ commit, files }) => commit.hasParent && files.length > 0);
  let models: Entity[][];
  try {
    models = await loadFilesAt(root, config, compared.flatMap(({ commit, files }) => [{ rev: `${commit.hash}^`, files }, { rev: commit.hash, files }]));
  } catch {
    return history; // git could not give the files: the changelog lists commits without entity changes
  }
  compared.forEach(({ commit }, i) => {
    const diff = diffModels(models[2 * i]!, models[2 * i + 1]!);
    for (const change of commit.changes) {
      const status = diff.changed.find((entity) => entity.file === change.file)?.fields.find((field) => field.field === 'status');
      if (status && typeof status.before === 'string' && typeof status.after === 'string') change.statusChange = { from: status.before, to: status.after };
      const moves = diff.decisions.filter((d) => d.file === change.file && d.changes.some((c) => c.field === 'decides'));
      if (moves.length > 0) change.deciderChanges = moves.map((d) => ({ decision: d.decision, from: d.before?.decides ?? null, to: d.after?.decides ?? null }));
    }
  });
  return history;
}

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    }).replace(/\n$/, '');
  } catch {
    return null;
  }
}
