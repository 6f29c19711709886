// Where satteri (a native module) cannot load — no binary for the platform, or the bundled
// GitHub Action running without node_modules — lint reads bodies with remark + GFM instead, and
// must report exactly the same findings. Checked through lint on every fixture of the rules that
// read bodies, and through the parsing worker's bundle copied to a folder without node_modules.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../dist/lint.js';
import { cleanTemp, exampleModel, repoRoot, tempDir, testToday } from './helpers.js';
import { fixturesDir, prepare } from './fixture-repo.js';

afterAll(cleanTemp);

const bodyRules = ['link', 'unsafe-html', 'decision-matrix', 'context-table', 'decision-duplicate'];
const cases = bodyRules.flatMap((rule) => readdirSync(join(fixturesDir, rule)).map((name) => join(rule, name)));

/** Runs `fn` with OPMODEL_MARKDOWN set (workers copy the environment when they start). */
async function withParser<T>(parser: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.OPMODEL_MARKDOWN;
  if (parser === undefined) delete process.env.OPMODEL_MARKDOWN;
  else process.env.OPMODEL_MARKDOWN = parser;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.OPMODEL_MARKDOWN;
    else process.env.OPMODEL_MARKDOWN = before;
  }
}

/** Starts a worker on `url`, sends it one request and resolves with its reply. */
function askWorker(url: URL, data: unknown, env: NodeJS.ProcessEnv = process.env): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { execArgv: [], env });
    worker.once('message', (reply) => {
      void worker.terminate();
      // A batch of read files travels as JSON text when JSON carries it exactly (wire.ts).
      resolve(typeof reply === 'string' && url.pathname.includes('worker.bundle') ? JSON.parse(reply) : reply);
    });
    worker.once('error', reject);
    worker.postMessage(data);
  });
}

describe('the remark fallback', () => {
  it('is what OPMODEL_MARKDOWN=remark selects in a worker', async () => {
    const probe = `import { parentPort } from 'node:worker_threads';
      const { loadMarkdown } = await import(${JSON.stringify(new URL('../dist/model/read/markdown.js', import.meta.url).href)});
      parentPort.once('message', async () => parentPort.postMessage(await loadMarkdown()));`;
    const asData = `data:text/javascript,${encodeURIComponent(probe)}`;
    expect(await askWorker(new URL(asData), null, { ...process.env, OPMODEL_MARKDOWN: 'remark' })).toBe('remark');
    expect(await askWorker(new URL(asData), null, { ...process.env, OPMODEL_MARKDOWN: '' })).toBe('satteri');
  });

  it(`gives the findings satteri gives, on the example model and the ${cases.length} fixtures of the rules that read bodies`, async () => {
    expect(cases.length).toBeGreaterThan(30);
    const findings = async (root: string) => (await lint(root, { today: testToday })).result.diagnostics;
    const roots = [exampleModel.replace(/\/model$/, ''), ...cases.map((c) => prepare(join(fixturesDir, c)).root)];
    for (const root of roots) {
      const bySatteri = await withParser(undefined, () => findings(root));
      const byRemark = await withParser('remark', () => findings(root));
      expect(byRemark, root).toEqual(bySatteri);
    }
  });

  it('is loaded by a worker when satteri’s tree of a body cannot be used, and that body is read in full', async () => {
    const dir = tempDir('opmodel-fallback-');
    const file = join(dir, 'growth-decisions.md');
    // satteri keeps the `|` of a bare web address in one cell, making a table; GFM (and remark)
    // split the line there into four cells, against two in the delimiter row: no table.
    writeFileSync(file, '---\ntitle: Growth decisions\n---\n\nSee [the bets](../bets/x.md).\n\nwww.larder.example/a|b| Decision | cpo |\n|---|---|\n| Ship | D |\n');
    const request = { tasks: [{ index: 0, task: { abs: file, file: 'model/decision-rights/growth-decisions.md', tableKinds: ['decision-rights'], maxBytes: 1024 * 1024, keepBody: false } }] };
    const [reply] = (await askWorker(new URL('../dist/model/read/worker.bundle.js', import.meta.url), request)) as { result: { findings: unknown[]; entity: { links: unknown; tables: unknown[] } } }[];
    expect(reply!.result.findings).toEqual([]);
    expect(JSON.stringify(reply!.result.entity.links)).toContain('../bets/x.md');
    expect(reply!.result.entity.tables).toEqual([]);
  });

  it('runs in the parsing worker bundle copied where there is no node_modules (as in the bundled Action)', async () => {
    const alone = tempDir('opmodel-bundle-');
    copyFileSync(join(repoRoot, 'dist/model/read/worker.bundle.js'), join(alone, 'worker.bundle.mjs'));
    expect(() => createRequire(join(alone, 'worker.bundle.mjs')).resolve('satteri')).toThrow();
    const files = [
      'test/fixtures/unsafe-html/entity-written-javascript-link/roles/web-producer.md',
      'test/fixtures/decision-matrix/valid-nbsp-cell/decision-rights/growth-decisions.md',
      'test/fixtures/context-table/table-inside-block-quote/context/growth-context.md',
      'model/decision-rights/product-decisions.md',
    ];
    const request = {
      tasks: files.map((file, index) => ({
        index,
        task: { abs: join(repoRoot, file), file, tableKinds: ['decision-rights', 'context-table'], maxBytes: 1024 * 1024, keepBody: false },
      })),
    };
    const withSatteri = await askWorker(new URL('../dist/model/read/worker.bundle.js', import.meta.url), request);
    const withoutNodeModules = await askWorker(new URL(`file://${join(alone, 'worker.bundle.mjs')}`), request);
    expect(withoutNodeModules).toEqual(withSatteri);
    expect(JSON.stringify(withSatteri)).toContain('javascript:openPreview()');
  });
});
