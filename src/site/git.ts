// What git knows about the model folder: when each file last changed and which files each commit
// touched. Two git processes per build, argument arrays only; no git or no repository means "unknown".
import { execFileSync } from 'node:child_process';

/** One commit that touched the model folder. */
export interface GitCommit {
  hash: string;
  /** Committer date, strict ISO 8601. */
  date: string;
  author: string;
  subject: string;
  /** Files touched, relative to the repository root (the opmodel DIR). */
  changes: { status: 'added' | 'changed' | 'removed'; file: string }[];
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
}

const unavailable = (): GitHistory => ({ state: 'unavailable', prefix: '', lastUpdated: new Map(), commits: [] });

/** Reads the history of `modelDir` (relative to root). Never throws. */
export function readGitHistory(root: string, modelDir: string): GitHistory {
  const info = git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix']);
  if (info === null) return unavailable();
  const [inside, shallow, prefix = ''] = info.split('\n');
  if (inside !== 'true') return unavailable();
  // A shallow clone's oldest commit seems to add every file: its dates would mislead.
  if (shallow === 'true') return { state: 'shallow', prefix, lastUpdated: new Map(), commits: [] };

  const log = git(root, [
    'log', '--no-renames', '--no-ext-diff', '--name-status', '-z', '--relative',
    '--format=%x1e%H%x1f%cI%x1f%an%x1f%s', '--', modelDir || '.',
  ]);
  // A repository without commits yet has a work tree but no history.
  if (log === null) return { state: 'ok', prefix, lastUpdated: new Map(), commits: [] };

  const commits = parseLog(log);
  const lastUpdated = new Map<string, string>();
  for (const commit of commits) {
    for (const change of commit.changes) if (!lastUpdated.has(change.file)) lastUpdated.set(change.file, commit.date);
  }
  return { state: 'ok', prefix, lastUpdated, commits };
}

/** Parses `git log --name-status -z --format=%x1e%H%x1f%cI%x1f%an%x1f%s` output. */
export function parseLog(output: string): GitCommit[] {
  const commits: GitCommit[] = [];
  const tokens = output.split('\0');
  let current: GitCommit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('\x1e')) {
      const [hash = '', date = '', author = '', subject = ''] = token.slice(1).split('\x1f');
      current = { hash, date, author, subject, changes: [] };
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
