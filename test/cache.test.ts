// `lint --cache` and the worker pool must never change what lint reports. Checked on every rule
// fixture (so every rule reads cached entities, which keep only what cross-file rules read) and
// on a generated benchmark model: unchanged, prose edited, a reference changed, a reference
// target deleted, and one worker against several.
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lint } from '../dist/lint.js';
import { lintWithCache } from '../dist/lint-cache.js';
import { openCache } from '../dist/model/cache/cache.js';
// @ts-expect-error: the benchmark generator is plain JavaScript
import { writeCorpus } from '../bench/generate.mjs';
import { fixturesDir, prepare } from './fixture-repo.js';
import { cleanTemp, copyOfExample, tempDir, testToday } from './helpers.js';

afterAll(cleanTemp);

const options = { today: testToday, keepBodies: false };

async function uncached(root: string) {
  return (await lint(root, options)).result.diagnostics;
}

async function cached(root: string) {
  const cache = openCache(root);
  const { result, use } = await lintWithCache(root, cache, options);
  cache.save();
  return { diagnostics: result.diagnostics, use };
}

function firstMarkdown(dir: string): string {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const inner = firstMarkdown(path);
      if (inner) return inner;
    } else if (name.endsWith('.md')) return path;
  }
  return '';
}

const cases = readdirSync(fixturesDir)
  .filter((rule) => statSync(join(fixturesDir, rule)).isDirectory())
  .flatMap((rule) => readdirSync(join(fixturesDir, rule)).filter((name) => statSync(join(fixturesDir, rule, name)).isDirectory()).map((name) => `${rule}/${name}`));

// The first case of each rule also checks an edit of prose only (only that file is read again).
const firstOfRule = new Set(cases.filter((name, i) => i === 0 || cases[i - 1]!.split('/')[0] !== name.split('/')[0]));

describe.concurrent('lint --cache reports what lint reports', () => {
  it.each(cases)('fixture %s', async (name) => {
    const { root } = prepare(join(fixturesDir, name));
    const first = await cached(root);
    expect(first.use).toBe('full');
    const bets = join(root, 'model', 'bets');
    const edited = (statSync(bets, { throwIfNoEntry: false }) ? firstMarkdown(bets) : '') || firstMarkdown(join(root, 'model'));

    // A link: what cross-file rules see changed, so every rule runs again, on the cached views
    // of every other file.
    appendFileSync(edited, `\nSee [this page](${basename(edited)}).\n`);
    const linked = await cached(root);
    expect(linked.use).toBe('full');
    expect(linked.diagnostics).toEqual(await uncached(root));
    if (!firstOfRule.has(name)) return;

    // Prose only: only the edited file is read and checked again.
    appendFileSync(edited, '\nWe reviewed this at the quarterly review and kept it as it is.\n');
    const prose = await cached(root);
    expect(prose.use).toBe('incremental');
    expect(prose.diagnostics).toEqual(await uncached(root));
    expect(await cached(root)).toEqual({ diagnostics: prose.diagnostics, use: 'unchanged' });
  });
});

describe('the benchmark model', () => {
  const root = tempDir('opmodel-cache-bench-');
  mkdirSync(root, { recursive: true });
  writeCorpus(root, { entities: 1000, seed: 5 });
  const model = join(root, 'model');
  const restore: [string, string][] = [];
  const edit = (path: string, change: (text: string) => string) => {
    const text = readFileSync(path, 'utf8');
    restore.push([path, text]);
    writeFileSync(path, change(text));
  };
  afterEach(() => {
    for (const [path, text] of restore.splice(0).reverse()) writeFileSync(path, text);
  });

  it('reports the same with one worker as with four', async () => {
    const before = process.env.OPMODEL_WORKERS;
    try {
      process.env.OPMODEL_WORKERS = '1';
      const one = await uncached(root);
      process.env.OPMODEL_WORKERS = '4';
      const four = await uncached(root);
      expect(four).toEqual(one);
      expect(one.length).toBeGreaterThan(5); // the generator plants findings
    } finally {
      if (before === undefined) delete process.env.OPMODEL_WORKERS;
      else process.env.OPMODEL_WORKERS = before;
    }
  });

  it('reports the same cached, unchanged, with prose edited, with a reference changed and with a reference target deleted', async () => {
    rmSync(join(root, '.opmodel-cache'), { recursive: true, force: true });
    const truth = await uncached(root);
    expect((await cached(root)).diagnostics).toEqual(truth);
    expect(await cached(root)).toEqual({ diagnostics: truth, use: 'unchanged' });

    const bets = join(model, 'bets');
    const bet = firstMarkdown(bets);
    edit(bet, (text) => `${text}\nUpdated after the checkpoint review: the first cohort moved the indicator by 4 points.\n`);
    const prose = await cached(root);
    expect(prose.use).toBe('incremental');
    expect(prose.diagnostics).toEqual(await uncached(root));

    // A reference to a role that does not exist: a new finding in the edited file.
    edit(bet, (text) => text.replace(/^owner: .*$/m, 'owner: nobody-by-this-name'));
    const ref = await cached(root);
    expect(ref.use).toBe('full');
    const afterRef = await uncached(root);
    expect(ref.diagnostics).toEqual(afterRef);
    expect(afterRef.some((d) => d.rule === 'ref' && d.message.includes('nobody-by-this-name'))).toBe(true);

    // Delete a role others point at: the unchanged, cached files that name it must be reported.
    const roleText = readFileSync(bet, 'utf8');
    const signer = /signed_off_by:\n\s+- (\S+)/.exec(roleText)?.[1] ?? 'cpo';
    const rolePath = join(model, 'roles', `${signer}.md`);
    edit(rolePath, (text) => text);
    rmSync(rolePath);
    const deleted = await cached(root);
    const afterDelete = await uncached(root);
    expect(deleted.diagnostics).toEqual(afterDelete);
    expect(afterDelete.filter((d) => d.rule === 'ref' && d.message.includes(`'${signer}'`)).length).toBeGreaterThan(0);
  });
});

describe('lint --cache with odd files and a damaged cache', () => {
  it('keeps reporting a pipe named .md, and notices a model folder appearing', async () => {
    const root = copyOfExample();
    await cached(root);
    execFileSync('mkfifo', [join(root, 'model', 'bets', 'pipe.md')]);
    for (let run = 0; run < 2; run++) expect((await cached(root)).diagnostics).toEqual(await uncached(root));

    const bare = tempDir('opmodel-cache-bare-');
    mkdirSync(bare, { recursive: true });
    expect((await cached(bare)).diagnostics).toEqual(await uncached(bare));
    mkdirSync(join(bare, 'model'));
    writeFileSync(join(bare, 'model', '.gitkeep'), '');
    const appeared = await cached(bare);
    expect(appeared.diagnostics).toEqual(await uncached(bare));
    expect(appeared.diagnostics.map((d) => d.message).join()).toContain('root');
  });

  // Each damage is applied to a fresh copy of a primed cache. Damage to the run record is met
  // on the next run as it is; damage to the per-file store after a new file changes the list
  // of paths, so that the store is read too.
  const damages: [string, 'run' | 'files', (run: any, files: any) => void][] = [
    ['a null cross-file finding', 'run', (run) => run.cross.push(null)],
    ['a number as a cross-file finding', 'run', (run) => run.cross.push(1)],
    ['outside targets that are not pairs', 'run', (run) => (run.outside = [null])],
    ['findings that are not a list', 'run', (run) => ((Object.values(run.files)[0] as any).findings = { length: 1 })],
    ['a null stored result', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].result = null)],
    ['an entity that is a string', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].result.entity = 'x')],
    ['links that are null', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].result.entity.links = null)],
    ['data that is null', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].result.entity.data = null)],
    ['a stamp that is a number', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].stamp = 5)],
    ['per-file findings that are null', 'files', (_run, files) => (files.entries['model/bets/tip-pooling.md'].rules.findings = null)],
  ];
  it.each(damages)('survives %s (%s) and reports what lint reports', async (_name, where, damage) => {
    const root = copyOfExample();
    await cached(root);
    expect((await cached(root)).use).toBe('unchanged');
    const dir = join(root, '.opmodel-cache');
    const run = JSON.parse(readFileSync(join(dir, 'lint-v2-run.json'), 'utf8'));
    const files = JSON.parse(readFileSync(join(dir, 'lint-v2-files.json'), 'utf8'));
    damage(run, files);
    writeFileSync(join(dir, 'lint-v2-run.json'), JSON.stringify(run));
    writeFileSync(join(dir, 'lint-v2-files.json'), JSON.stringify(files));
    if (where === 'files') writeFileSync(join(root, 'model', 'notes.txt'), 'a new file changes the list of paths\n');
    const truth = await uncached(root);
    expect((await cached(root)).diagnostics).toEqual(truth);
    expect((await cached(root)).diagnostics).toEqual(truth);
  });
});
