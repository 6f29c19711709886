// Shared set-up for the site tests: a copy of the fixture model in a fresh git repository with a
// small history, and a built handbook from it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { buildSite, type BuildSiteOptions } from '../../src/site/build.js';
import { lint } from '../../dist/lint.js';
import type { HandbookModel as LoadedModel } from '../../src/site/handbook.js';

export const fixtureDir = fileURLToPath(new URL('./fixture/', import.meta.url));

/** The day the fixture is judged on: after ledger-performance's review_by, before no-silent-data-loss's. */
export const today = '2026-07-20';

function git(cwd: string, ...args: string[]): string {
  const at = args.indexOf('--date');
  const date = at === -1 ? undefined : args[at + 1];
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Reyes', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Reyes', GIT_COMMITTER_EMAIL: 'dana@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/** Copies the fixture into a temp git repository with three commits; returns its root. */
export function fixtureRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'opmodel-fixture-'));
  cpSync(fixtureDir, root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'commit.gpgsign', 'false');
  // First commit: everything but the killed bet, plus a metric that is later removed.
  const killed = join(root, 'model/bets/ai-categorisation.md');
  const killedText = readFileSync(killed, 'utf8');
  unlinkSync(killed);
  writeFileSync(join(root, 'model/metrics/nps.md'), '---\ntitle: Net promoter score\ntype: health\n---\n');
  git(root, 'add', '-A');
  git(root, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Operating Model v1', '--date', '2026-04-01T09:00:00Z');
  // Second: the killed bet arrives and the strategy changes.
  writeFileSync(killed, killedText);
  writeFileSync(join(root, 'model/operating-model.md'), readFileSync(join(root, 'model/operating-model.md'), 'utf8') + '\nWe review this page every quarter.\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Add the AI categorisation bet', '--date', '2026-05-02T09:00:00Z');
  // Third: a metric nobody uses goes.
  unlinkSync(join(root, 'model/metrics/nps.md'));
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Remove NPS', '--date', '2026-06-03T09:00:00Z');
  return root;
}

/** Every file under dir, relative, with `/`. */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Builds the handbook of `model` into a temp folder under `base` (with `kinds` for a registry of one's own); returns the folder. */
export async function buildInto(model: LoadedModel, base: string, repo = 'https://github.com/acme/operating-model', kinds?: Pick<BuildSiteOptions, 'kinds' | 'relations'>): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'opmodel-out-'));
  await buildSite({ root: model.root, model, config: { site: { repo } }, outDir, base, today, ...kinds });
  return outDir;
}

/** The model in `root` as `opmodel build` reads it: opmodel's own loader, through lint. */
export async function loadRepo(root: string): Promise<LoadedModel> {
  return (await lint(root, { today })).model;
}

/** Writes model files (repository-relative path → text) into `root`, making their folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

/** A fresh folder holding only these model files (no git), read by opmodel's own loader; remove `root` after. */
export async function modelOf(files: Record<string, string>): Promise<LoadedModel> {
  const root = mkdtempSync(join(tmpdir(), 'opmodel-model-'));
  writeFiles(root, files);
  return loadRepo(root);
}

export { rmSync };
