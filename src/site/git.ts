// What git knows about the model folder: when each file last changed, which files each commit
// touched, and how a `status:` line changed (a bet going from active to won). Three git processes
// per build (and one for the default branch), argument arrays only; no git or no repository means "unknown".
import { execFileSync } from 'node:child_process';

/** One commit that touched the model folder. */
export interface GitCommit {
  hash: string;
  /** Committer date, strict ISO 8601. */
  date: string;
  author: string;
  subject: string;
  /** Files touched, relative to the repository root (the opmodel DIR). */
  changes: GitChange[];
}

export interface GitChange {
  status: 'added' | 'changed' | 'removed';
  file: string;
  /** When the commit changed the file's frontmatter `status:` (a bet's or guardrail's): from what to what. */
  statusChange?: { from: string; to: string };
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
    '--format=%x1e%H%x1f%cI%x1f%an%x1f%s', '--', modelDir || '.',
  ]);
  // A repository without commits yet has a work tree but no history.
  if (log === null) return { state: 'ok', prefix, lastUpdated: new Map(), commits: [], defaultBranch };

  const commits = parseLog(log);
  // Only the commits that touch a `status:` line, and only those lines (-U0): small even for a long history.
  const statuses = git(root, [
    '-c', 'core.quotePath=false', 'log', '--no-renames', '--no-ext-diff', '--no-color', '-p', '-U0', '--relative',
    '-G', '^status:', '--format=%x1e%H', '--', modelDir || '.',
  ]);
  if (statuses !== null) addStatusChanges(commits, parseStatusChanges(statuses));
  const lastUpdated = new Map<string, string>();
  for (const commit of commits) {
    for (const change of commit.changes) if (!lastUpdated.has(change.file)) lastUpdated.set(change.file, commit.date);
  }
  return { state: 'ok', prefix, lastUpdated, commits, defaultBranch };
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

/** Commit hash → file → its `status:` before and after, from `git log -p -U0 --format=%x1e%H` output. */
export function parseStatusChanges(output: string): Map<string, Map<string, { from: string | null; to: string | null }>> {
  const result = new Map<string, Map<string, { from: string | null; to: string | null }>>();
  for (const chunk of output.split('\x1e').slice(1)) {
    const lines = chunk.split('\n');
    const hash = lines[0]!.trim();
    const files = new Map<string, { from: string | null; to: string | null }>();
    let file: string | null = null;
    let oldLine = 0;
    let newLine = 0;
    let oldLeft = 0; // lines of the current hunk still to come: inside a hunk, `--- x` is content
    let newLeft = 0;
    for (const text of lines.slice(1)) {
      if (oldLeft > 0 || newLeft > 0) {
        const sign = text[0];
        if (sign === '-') oldLeft--;
        else if (sign === '+') newLeft--;
        else if (sign === ' ') {
          oldLeft--;
          newLeft--;
        } else continue; // `\ No newline at end of file`
        // Frontmatter is at the top: a `status:` line far down is body text.
        const line = sign === '-' ? oldLine++ : newLine++;
        if (sign === ' ') oldLine++;
        const value = /^([-+])status:[ \t]*["']?([\w-]+)["']?[ \t]*(#.*)?$/.exec(text);
        if (!file || !value || line > 200) continue;
        const entry = files.get(file) ?? { from: null, to: null };
        if (value[1] === '-') entry.from = value[2]!;
        else entry.to = value[2]!;
        files.set(file, entry);
        continue;
      }
      if (text.startsWith('diff --git ')) file = null;
      else if (text.startsWith('--- a/')) file = text.slice(6).replace(/\t$/, '');
      else if (text.startsWith('+++ b/')) file = text.slice(6).replace(/\t$/, '');
      else {
        const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(text);
        if (hunk) {
          oldLine = Number(hunk[1]);
          oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
          newLine = Number(hunk[3]);
          newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
        }
      }
    }
    if (hash && files.size) result.set(hash, files);
  }
  return result;
}

function addStatusChanges(commits: GitCommit[], statuses: Map<string, Map<string, { from: string | null; to: string | null }>>): void {
  for (const commit of commits) {
    const files = statuses.get(commit.hash);
    if (!files) continue;
    for (const change of commit.changes) {
      const status = files.get(change.file);
      if (change.status === 'changed' && status?.from && status.to && status.from !== status.to) change.statusChange = { from: status.from, to: status.to };
    }
  }
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
