// `opmodel dev`'s engine: the Astro dev server on the handbook data, re-publishing a changed model.
// Astro's dev middleware stands down inside Vitest, so the server runs in a child process here.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startDevServer, type DevServer } from '../../src/site/build.js';
import { fixtureRepo, loadRepo, today, writeFiles } from './helpers.js';

let server: DevServer | undefined;
const root = fixtureRepo();
const growth = 'model/teams/growth.md';
const growthText = readFileSync(join(root, growth), 'utf8');
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Waits until a page answers with `status` (the server reloads the data a moment after an update). */
async function statusOf(url: string, status: number): Promise<{ status: number; text: string }> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url).catch(() => null);
    const text = response ? await response.text() : '';
    if (response?.status === status || attempt > 60) return { status: response?.status ?? 0, text };
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Fetches a page, retrying while the server starts. */
async function page(url: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      if (attempt > 60) throw new Error(`${url}: ${response.status}`);
    } catch (error) {
      if (attempt > 60) throw error;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

test('serves the handbook and shows a changed model without a restart', async () => {
  process.env.OPMODEL_ASTRO_CHILD = '1';
  server = await startDevServer({ root, model: await loadRepo(root), config: {}, base: '/hb/', port: 4455, today });
  expect(server.url).toBe('http://127.0.0.1:4455/hb/');
  expect(await page(`${server.url}teams/growth/`)).toContain('>Growth</h1>');
  writeFiles(root, { [growth]: growthText.replace('title: Growth\n', 'title: Growth squad\n') });
  await server.update(await loadRepo(root));
  expect(await page(`${server.url}teams/growth/`)).toContain('>Growth squad</h1>');
}, 60_000);

test('a model file that breaks loses its page, and pages that referred to it show its id as text', async () => {
  expect(server).toBeDefined();
  // A YAML error: the loader keeps the entity only to reserve its id, marked broken.
  writeFiles(root, { [growth]: growthText.replace('title: Growth\n', 'title: [Growth\n') });
  const model = await loadRepo(root);
  expect(model.entities.find((entity) => entity.id === 'growth')!.broken).toBe(true);
  await server!.update(model);
  const gone = await statusOf(`${server!.url}teams/growth/`, 404);
  expect(gone.status).toBe(404);
  expect(gone.text).not.toContain('TypeError');
  // Its bet still has a page; the owner is the id, as text.
  const bet = await statusOf(`${server!.url}bets/self-serve-onboarding/`, 200);
  expect(bet.status).toBe(200);
  expect(bet.text).toContain('<span class="missing" title="Not in the model">growth</span>');
  for (const path of ['', 'teams/', 'bets/', 'cadences/', 'decision-rights/', 'decision-rights/product/', 'roles/cpo/', 'metrics/activation-rate/']) {
    expect((await statusOf(`${server!.url}${path}`, 200)).status, path).toBe(200);
  }
  // Fixed again, and a new file: both have pages without a restart.
  writeFiles(root, { [growth]: growthText, 'model/metrics/churn.md': '---\ntitle: Monthly churn\ntype: health\n---\n' });
  await server!.update(await loadRepo(root));
  expect((await statusOf(`${server!.url}teams/growth/`, 200)).text).toContain('>Growth</h1>');
  expect((await statusOf(`${server!.url}metrics/churn/`, 200)).text).toContain('>Monthly churn</h1>');
}, 60_000);
