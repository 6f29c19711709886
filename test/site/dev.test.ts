// `opmodel dev`'s engine: the Astro dev server on the handbook data, re-publishing a changed model.
// Astro's dev middleware stands down inside Vitest, so the server runs in a child process here.
import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { startDevServer, type DevServer } from '../../src/site/build.js';
import { fixtureRepo, loadFixture, today } from './helpers.js';

let server: DevServer | undefined;
const root = fixtureRepo();
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

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
  const model = loadFixture(root);
  server = await startDevServer({ root, model, config: {}, base: '/hb/', port: 4455, today });
  expect(server.url).toBe('http://127.0.0.1:4455/hb/');
  expect(await page(`${server.url}teams/growth/`)).toContain('<h1>Growth</h1>');
  model.entities.find((entity) => entity.id === 'growth')!.data.title = 'Growth squad';
  await server.update(model);
  expect(await page(`${server.url}teams/growth/`)).toContain('<h1>Growth squad</h1>');
}, 60_000);
