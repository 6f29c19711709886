// The built handbook in a real browser (Chromium via playwright-core, /usr/bin/chromium): navigation
// through relations, the "Who decides…?" finder, the search dialog by keyboard, reflow on phones, and
// no console errors. With SCREENSHOTS=<dir>, also saves every page type at 1280px and 390px.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './static-server.js';
import { buildInto, fixtureRepo, loadRepo } from './helpers.js';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const base = '/handbook/';
let root: string;
let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const problems: string[] = [];
/** One page of every type. */
const pageTypes = ['', 'portfolio/', 'bets/', 'bets/ledger-performance/', 'guardrails/', 'guardrails/no-silent-data-loss/', 'decision-rights/', 'decision-rights/product/', 'context/', 'context/product-context/', 'teams/', 'teams/growth/', 'roles/', 'roles/cpo/', 'metrics/', 'metrics/activation-rate/', 'cadences/', 'cadences/weekly-operating-review/', 'assessments/', 'assessments/2026-q2/', 'changelog/', 'search/?q=ledger'];

/** A page that records console errors, failed requests and uncaught exceptions. */
async function open(width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page aborts what it still loads (a favicon, a worker): that is not a fault.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${page.url()}: failed ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${page.url()}: ${response.status()} ${response.url()}`);
  });
  return page;
}

// In CI the browser must be there (.ci/run installs Debian's chromium): never skip silently.
describe.skipIf(!existsSync(executablePath) && !process.env.CI)('in a browser', () => {
  beforeAll(async () => {
    root = fixtureRepo();
    out = await buildInto(await loadRepo(root), base);
    server = await serveStatic(out, base);
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  test('home → a bet → its owner team → back', async () => {
    const page = await open();
    await page.goto(server.url);
    expect(await page.locator('h1').textContent()).toBe('Acme Operating Model');
    await page.locator('#active-bets ~ ul a', { hasText: 'Self-serve onboarding' }).first().click();
    await page.waitForURL(`${server.url}bets/self-serve-onboarding/`);
    expect(await page.locator('h1').textContent()).toBe('Self-serve onboarding');
    await page.locator('.facts dt:text-is("Owner") + dd a').click();
    await page.waitForURL(`${server.url}teams/growth/`);
    expect(await page.locator('h1').textContent()).toBe('Growth');
    expect(await page.locator('#bets ~ ul a', { hasText: 'Self-serve onboarding' }).count()).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(`${server.url}bets/self-serve-onboarding/`);
    expect(await page.locator('h1').textContent()).toBe('Self-serve onboarding');
    await page.close();
  });

  /** Waits until the decision finder has loaded its index. */
  const finderReady = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-filter-status]')?.textContent?.startsWith('Loading'));

  test('the decision finder narrows the rows, by keyboard too, and links each to its matrix row', async () => {
    const page = await open();
    await page.goto(`${server.url}decision-rights/`);
    await finderReady(page);
    const visibleRows = () => page.locator('[data-decision-results] tbody tr:visible').count();
    expect(await visibleRows()).toBe(5);
    // Reach the filter from the skip link with the keyboard alone.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.locator('#decision-query').focus();
    await page.keyboard.type('pricing');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('[data-filter-status]').textContent()).toBe('Showing 1 of 5 decisions.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('pricing');
    await page.locator('#decision-query').fill('');
    await page.locator('#decision-person').selectOption('platform');
    expect(await visibleRows()).toBe(2);
    // Sections with no matching row are hidden.
    await page.locator('#decision-query').fill('breaking');
    expect(await visibleRows()).toBe(1);
    // A link with ?q= opens the finder pre-filled.
    await page.goto(`${server.url}decision-rights/?q=kill`);
    await finderReady(page);
    expect(await page.locator('#decision-query').inputValue()).toBe('kill');
    expect(await visibleRows()).toBe(1);
    // The result opens its matrix at its row.
    await page.locator('[data-decision-results] tbody tr th a').click();
    await page.waitForURL(/decision-rights\/product\/#m1-/);
    expect(await page.locator('tr:target th').textContent()).toBe('Kill a bet');
    await page.close();
  });

  test('a role page links its decisions to their matrix rows', async () => {
    const page = await open();
    await page.goto(`${server.url}roles/cpo/`);
    await page.locator('#decisions ~ .scroll-frame a, #decisions ~ * a', { hasText: 'Change pricing' }).first().click();
    await page.waitForURL(/decision-rights\/product\/#m1-/);
    expect(await page.locator('tr:target th').textContent()).toBe('Change pricing');
    await page.close();
  });

  test('the decision filter matches words as `opmodel who` does', async () => {
    const page = await open();
    const rows = async (query: string) => {
      await page.goto(`${server.url}decision-rights/?q=${encodeURIComponent(query)}`);
      await finderReady(page);
      return page.locator('[data-decision-results] tbody tr:visible th').allTextContents();
    };
    // Stems, small words dropped, the verbs decisions start with, a word still being typed.
    expect(await rows('prices')).toEqual(['Change pricing']);
    expect(await rows('a new bet')).toEqual(['Add a bet to the quarter']);
    expect(await rows('Who decides on killing bets?')).toEqual(['Kill a bet']);
    expect(await rows('databa')).toEqual(['Adopt a new database']);
    // A person in the row counts too.
    expect(await rows('pricing growth')).toEqual(['Change pricing']);
    // No row has every word: the closest ones, and the status says so (read out: aria-live).
    expect(await rows('pricing zebra')).toEqual(['Change pricing']);
    expect(await page.locator('[data-filter-status]').textContent()).toMatch(/^No decision matches every word; showing 1 of 5/);
    expect(await page.locator('[data-filter-status]').getAttribute('aria-live')).toBe('polite');
    // The placeholder's examples each find something.
    const placeholder = (await page.locator('#decision-query').getAttribute('placeholder')) ?? '';
    const examples = placeholder.replace(/^e\.g\. /, '').split(', ');
    expect(examples.length).toBeGreaterThan(1);
    for (const example of examples) expect((await rows(example)).length, example).toBeGreaterThan(0);
    await page.close();
  });

  test.each([390, 320])('every page reflows at %i px without sideways scrolling', async (width) => {
    const page = await open(width);
    const wide: string[] = [];
    for (const path of pageTypes) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      if (path === 'decision-rights/') await finderReady(page);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > width) wide.push(`${path || 'home'}: ${pageWidth}px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });

  test('a table wider than the page says so, scrolls by button and keeps its first column', async () => {
    const page = await open(390);
    await page.goto(`${server.url}cadences/`);
    const frame = page.locator('.scroll-frame:has(.calendar--quarter)');
    const hint = page.locator('#quarter ~ .scroll-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toContain('Scroll sideways for more columns');
    expect(await frame.getAttribute('class')).toContain('more-right');
    const scroller = frame.locator('.table-scroll');
    const firstColumn = frame.locator('tbody th').first();
    const before = await firstColumn.boundingBox();
    await hint.locator('button[aria-label="Scroll the table right"]').click();
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect.poll(() => frame.getAttribute('class')).toContain('more-left');
    // The first column stays put (within the half pixel a collapsed border may move it).
    await expect.poll(async () => Math.abs((await firstColumn.boundingBox())!.x - before!.x)).toBeLessThanOrEqual(1);
    // Wide enough for the table: no hint.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => hint.isHidden()).toBe(true);
    await page.close();
  });

  test('search from the header opens the dialog with results, under the sub-path', async () => {
    const page = await open();
    await page.goto(server.url);
    await page.locator('#site-search-input').fill('reconciliation');
    await page.locator('#site-search-input').press('Enter');
    const result = page.locator('dialog[open] .search-result__link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toMatch(/^\/handbook\//);
    await page.close();
  });

  test('search by keyboard: / opens the dialog with focus in a labelled box; results say their kind; Tab reaches the first; Escape closes', async () => {
    const page = await open();
    await page.goto(`${server.url}teams/`);
    await page.keyboard.press('/');
    const box = page.locator('dialog[open] input[type="search"]');
    await box.waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('dialog[open] label[for="search-dialog-input"]').textContent()).toBe('Search the handbook');
    // "silent data loss" is the title of a guardrail: it comes first.
    await page.keyboard.type('silent data loss');
    const first = page.locator('dialog[open] .search-result').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('a').getAttribute('href')).toBe('/handbook/guardrails/no-silent-data-loss/');
    expect(await first.locator('.search-result__label').textContent()).toMatch(/^Guardrail · owner /);
    // The excerpt keeps labels out of the text.
    expect(await first.locator('.search-result__excerpt').textContent()).not.toMatch(/Owner|Last updated/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/handbook/guardrails/no-silent-data-loss/');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // Ctrl+K opens it too.
    await page.keyboard.press('Control+k');
    await box.waitFor();
    await page.close();
  });

  test('search ranks the page whose title or decision row matches first', async () => {
    const page = await open();
    await page.goto(`${server.url}search/?q=pricing`);
    const first = page.locator('[data-search-page-results] .search-result__link').first();
    await first.waitFor({ timeout: 15_000 });
    // "Change pricing" is a row of the product decision rights.
    expect(await first.getAttribute('href')).toBe('/handbook/decision-rights/product/');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('self-serve onboarding')}`);
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toBe('Self-serve onboarding');
    await page.close();
  });

  test('no console errors, failed requests or exceptions on any page type', async () => {
    const page = await open();
    for (const path of [...pageTypes, 'no-such-page/']) {
      await page.goto(server.url + path, { waitUntil: 'load' });
    }
    await page.waitForLoadState('networkidle');
    // The 404 page is the one expected failure.
    const expected = (problem: string) => problem.includes('no-such-page');
    await page.close();
    expect(problems.filter((problem) => !expected(problem))).toEqual([]);
  });

  test.skipIf(!process.env.SCREENSHOTS)('screenshots of every page type', async () => {
    const dir = process.env.SCREENSHOTS!;
    mkdirSync(dir, { recursive: true });
    const paths = ['', 'portfolio/', 'bets/', 'bets/self-serve-onboarding/', 'guardrails/', 'guardrails/no-silent-data-loss/', 'decision-rights/', 'decision-rights/product/', 'context/', 'teams/', 'teams/growth/', 'roles/', 'roles/cpo/', 'metrics/', 'metrics/activation-rate/', 'cadences/', 'cadences/weekly-operating-review/', 'assessments/', 'assessments/2026-q2/', 'changelog/', 'search/?q=onboarding'];
    for (const width of [1280, 390]) {
      const page = await open(width);
      for (const path of paths) {
        await page.goto(server.url + path);
        await page.waitForLoadState('networkidle');
        const name = path.replace(/[/?=]+/g, '-').replace(/-$/, '') || 'home';
        await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
      }
      await page.close();
    }
    // The portfolio as printed: A4 at 96 dpi is 794 × 1123 px.
    const print = await open(794);
    await print.emulateMedia({ media: 'print' });
    await print.goto(`${server.url}bets/`);
    await print.screenshot({ path: join(dir, 'portfolio-print.png'), fullPage: true });
    await print.pdf({ path: join(dir, 'portfolio-a4.pdf'), format: 'A4' });
    await print.pdf({ path: join(dir, 'portfolio-letter.pdf'), format: 'Letter' });
    await print.close();
  }, 120_000);
});
