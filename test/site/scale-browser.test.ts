// The handbook at size, in a real browser (Chromium, /usr/bin/chromium): every page of a generated
// 1,000-entity model within the page bound, the decision finder usable within a second, reflow at 320
// px; the example model's portfolio on one printed A4 and Letter page; and axe-core finding no WCAG 2.1
// AA violation on any page type at 1280 and 390 px, light and dark.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { writeCorpus } from '../../bench/generate.mjs';
import { serveStatic } from './static-server.js';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** The bound on one HTML page (SPEC §6: no page grows without bound with the model). */
const pageBound = 250 * 1024;

let work: string;
let example: string;
let large: string;
let exampleServer: Awaited<ReturnType<typeof serveStatic>>;
let largeServer: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

/** Builds the handbook of the model at `root` with `opmodel build` (the generated model plants lint errors). */
function build(root: string, out: string, base: string): void {
  execFileSync(join(repoRoot, 'node_modules/.bin/node'), [join(repoRoot, 'bin/opmodel.js'), 'build', root, '--out', out, '--base', base, '--allow-errors'], {
    env: { ...process.env, OPMODEL_TODAY: '2026-11-01' },
    stdio: 'ignore',
  });
}

/** Every HTML file under dir, relative. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).map((file) => file.split('\\').join('/'));
}

/** The number of pages in a PDF (its page objects). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe.skipIf(!existsSync(executablePath) && !process.env.CI)('the handbook at size, in a browser', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'opmodel-scale-browser-'));
    example = join(work, 'example-site');
    large = join(work, 'large-site');
    writeCorpus(join(work, 'large'), { entities: 1000, seed: 1 });
    build(repoRoot, example, '/handbook/');
    build(join(work, 'large'), large, '/');
    exampleServer = await serveStatic(example, '/handbook/');
    largeServer = await serveStatic(large, '/');
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await exampleServer?.close();
    await largeServer?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('at 1,000 entities every HTML page stays within 250 KB, and long sections are split by unit', () => {
    const over = htmlFiles(large)
      .map((file) => ({ file, size: statSync(join(large, file)).size }))
      .filter((page) => page.size > pageBound)
      .map((page) => `${page.file}: ${(page.size / 1024).toFixed(0)} KB`);
    expect(over).toEqual([]);
    // The roles index links units instead of listing 360 roles; a unit's page lists them.
    const roles = readFileSync(join(large, 'roles/index.html'), 'utf8');
    expect(roles).toContain('By unit');
    expect(roles.match(/href="\/roles\/unit\//g)?.length).toBeGreaterThan(5);
    expect(existsSync(join(large, 'bets/quarter/2026-q4/index.html'))).toBe(true);
  });

  test('the decision finder is usable within a second of load at 1,000 entities, and finds a row by its words', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(`${largeServer.url}decision-rights/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => !document.querySelector('[data-filter-status]')?.textContent?.startsWith('Loading'));
    const ready = Date.now() - started;
    expect(ready).toBeLessThan(1000);
    const decision = await page.locator('[data-decision-results] tbody th').first().textContent();
    await page.locator('#decision-query').fill(decision!);
    expect(await page.locator('[data-decision-results] tbody th').first().textContent()).toBe(decision);
    await page.close();
  });

  test('search tells identical titles apart by their unit, and each page names its unit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${largeServer.url}search/?q=${encodeURIComponent('you build it')}`);
    const labels = page.locator('[data-search-page-results] .search-result__label');
    await labels.first().waitFor({ timeout: 15_000 });
    const titles = await page.locator('[data-search-page-results] .search-result__link').allTextContents();
    const same = titles.filter((title) => title === 'You build it, you run it').length;
    expect(same).toBeGreaterThan(2);
    const texts = (await labels.allTextContents()).slice(0, same);
    // Each says it is a guardrail, and of which unit: no two alike.
    expect(texts.every((text) => text.startsWith('Guardrail'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    await page.close();
  });

  test('the decision finder and a unit listing reflow at 320 px at 1,000 entities', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of ['decision-rights/', 'bets/', readdirSync(join(large, 'bets/unit')).map((unit) => `bets/unit/${unit}/`)[0]!]) {
      await page.goto(largeServer.url + path);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.close();
  });

  test('the portfolio of the example (its 8 bets on the bets page, the quarter on /portfolio/) prints on one A4 and one Letter page', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    for (const path of ['bets/', 'portfolio/']) {
      await page.goto(exampleServer.url + path);
      if (path === 'bets/') expect(await page.locator('.portfolio-card').count()).toBe(8);
      for (const format of ['A4', 'Letter'] as const) expect(pdfPages(await page.pdf({ format })), `${path} ${format}`).toBe(1);
    }
    await page.close();
  });

  test('a bet page prints cleanly: no site furniture, nothing cut at the right edge, at most two pages', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    for (const bet of readdirSync(join(example, 'bets')).filter((name) => existsSync(join(example, 'bets', name, 'index.html')))) {
      await page.goto(`${exampleServer.url}bets/${bet}/`);
      expect(await page.locator('.site-header, .site-nav, .breadcrumb, .site-footer').evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length), bet).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), bet).toBeLessThanOrEqual(794);
      expect(pdfPages(await page.pdf({ format: 'A4' })), bet).toBeLessThanOrEqual(2);
    }
    await page.close();
  });

  test('axe finds no WCAG 2.1 AA violation on any page type, at 1280 and 390 px, light and dark', async () => {
    const first = (dir: string, section: string) => readdirSync(join(dir, section)).find((name) => existsSync(join(dir, section, name, 'index.html')))!;
    const paths = [
      '', 'portfolio/', 'changelog/', 'search/?q=pricing', 'this-week/',
      // A bet with check-ins (its charts), and a matrix whose rows link decision records.
      'bets/self-serve-onboarding/', 'decision-rights/product-decisions/',
      ...['bets', 'guardrails', 'decision-rights', 'context', 'teams', 'roles', 'metrics', 'cadences', 'assessments', 'decisions', 'check-ins'].flatMap((section) => [`${section}/`, `${section}/${first(example, section)}/`]),
    ].map((path) => exampleServer.url + path);
    // A long section's listing page, from the generated model.
    paths.push(`${largeServer.url}bets/unit/${readdirSync(join(large, 'bets/unit'))[0]}/`, `${largeServer.url}roles/`);
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page: Page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        for (const url of paths) {
          await page.goto(url);
          await page.waitForLoadState('networkidle');
          await page.addScriptTag({ content: axeSource });
          const found = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`);
          });
          for (const violation of found) violations.push(`${relative('/', new URL(url).pathname)} ${width}px ${colorScheme}: ${violation}`);
        }
        await page.close();
      }
    }
    expect(violations).toEqual([]);
  }, 300_000);
});
