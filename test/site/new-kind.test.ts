// A new built-in kind appears in the handbook from its definition and its registry line alone (issue
// 11: definition, registry line, generated schema, example). The kind below is written as a file in
// src/model/domain/kinds/ would write it and joins the registry's list; nothing else names it, yet the built
// handbook has its section in the navigation where its `nav` puts it, an index page, a page per entity
// labelled with its kind, and its references both ways. And no generic part of the handbook names a
// built-in kind: only a kind's own page and the feature pages do.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinKinds } from '../../src/model/domain/kinds.js';
import { defineKind } from '../../src/model/domain/kinds/define.js';
import { fieldsOf } from '../../src/model/domain/relations.js';
import type { CommonFields, Ref } from '../../src/model/domain/kinds/common.js';
import { buildInto, filesUnder, fixtureRepo, loadRepo, writeFiles } from './helpers.js';

interface Experiment extends CommonFields {
  owner: Ref;
  metric?: Ref;
}

const experiment = defineKind<Experiment>()({
  name: 'experiment',
  folder: 'experiments',
  typeName: 'Experiment',
  summary: 'a time-boxed experiment',
  relations: [
    { path: ['owner'], targets: ['team'], label: 'Run by', reverse: 'Runs experiments' },
    { path: ['metric'], targets: ['metric'], label: 'Moves', reverse: 'Moved by experiments' },
  ],
  handbook: {
    section: 'experiments', title: 'Experiments', label: 'Experiment', nav: 15,
    noun: { one: 'experiment', many: 'experiments' }, lede: 'Each runs for two weeks at most.',
  },
});
const kinds = [...builtinKinds, experiment];

let root: string;
let out: string;
const html = (page: string) => readFileSync(join(out, page), 'utf8');

beforeAll(async () => {
  root = fixtureRepo();
  writeFiles(root, {
    'model/experiments/price-anchor.md': '---\nkind: experiment\ntitle: Show the yearly price first\nowner: growth\nmetric: activation-rate\n---\nWe try it on half of new sign-ups.\n',
  });
  out = await buildInto(await loadRepo(root), '/', undefined, { kinds, relations: fieldsOf(kinds) });
}, 120_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a kind the handbook has never heard of, added to the registry', () => {
  test('has its section in the navigation, in the place its nav order gives', () => {
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html('index.html'))![0];
    const sections = [...nav.matchAll(/<a href="\/([^"]*)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 4)).toEqual(['', 'bets/', 'experiments/', 'guardrails/']);
  });

  test('has an index page with its heading, count and lede, linking each entity', () => {
    const index = html('experiments/index.html');
    expect(index).toContain('<h1>Experiments</h1>');
    expect(index).toMatch(/1 experiment\.\s*Each runs for two weeks at most\./);
    expect(index).toContain('href="/experiments/price-anchor/"');
  });

  test('has a page per entity, labelled with its kind, with its references both ways', () => {
    const page = html('experiments/price-anchor/index.html');
    expect(page).toContain('<h1 data-pagefind-weight="10">Show the yearly price first</h1>');
    expect(page).toMatch(/<p class="kicker"[^>]*>Experiment/);
    expect(page).toContain('We try it on half of new sign-ups.');
    expect(page).toMatch(/Run by[\s\S]*href="\/teams\/growth\/"/);
    expect(html('teams/growth/index.html')).toMatch(/Runs experiments[\s\S]*href="\/experiments\/price-anchor\/"/);
    expect(html('metrics/activation-rate/index.html')).toMatch(/Moved by experiments[\s\S]*href="\/experiments\/price-anchor\/"/);
  });

  test('is in the search index under its kind', () => {
    expect(filesUnder(out).some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(html('experiments/price-anchor/index.html')).toContain('data-pagefind-filter="kind">Experiment<');
  });
});

describe('the handbook names no built-in kind outside its own pages and the feature pages', () => {
  // A kind's own page (components/kinds/<kind>.astro) and list (components/lists/<kind>.astro) are
  // optional: without them a kind gets the generic page and a list of links.
  // The feature pages and lists below show what only some kinds have (charts, matrices, the calendar).
  const features = [
    'site/src/components/kinds/', 'site/src/components/lists/',
    'site/src/pages/bets/', 'site/src/pages/portfolio/', 'site/src/pages/decision-rights/', 'site/src/pages/decisions/', 'site/src/pages/cadences/',
    'site/src/pages/assessments/', 'site/src/pages/check-ins/', 'site/src/pages/teams/', 'site/src/pages/metrics/', 'site/src/lib/context.ts',
    // The per-kind views of the handbook's data (BetView, the team tree, matrices, check-in charts).
    'src/site/handbook.ts',
  ];
  // The machinery every kind goes through: these files may not name one.
  const generic = [
    'site/src/pages/[...slug].astro', 'site/src/components/EntityFrame.astro', 'site/src/components/GenericPage.astro',
    'site/src/components/SectionIndex.astro', 'site/src/components/ListingView.astro', 'site/src/components/lists/SectionList.astro',
    'site/src/components/lists/EntityLinks.astro', 'site/src/components/Relations.astro', 'site/src/components/Facets.astro',
    'site/src/layouts/Page.astro', 'site/src/lib/data.ts',
  ];
  const repo = join(import.meta.dirname, '../..');
  const names = builtinKinds.flatMap((kind) => [kind.name, ...(kind.handbook ? [kind.handbook.section] : [])]);
  // A kind or section named where code tells kinds apart: `kind === 'team'`, `ofKind('bet')`, `{ bet: BetPage }`, `case 'role'`.
  const alternatives = names.map((n) => n.replace(/-/g, '\\-')).join('|');
  const quoted = new RegExp(`((===|!==|\\(|\\[|case|kind:)\\s*(['"])(${alternatives})\\3)|([{,]\\s*['"]?(${alternatives})['"]?\\s*:\\s*[A-Z]\\w*Page\\b)`);

  test('every file under site/src and src/site is either generic machinery or an allowed feature page', () => {
    const files = [...filesUnder(join(repo, 'site/src')).map((f) => `site/src/${f}`), ...filesUnder(join(repo, 'src/site')).map((f) => `src/site/${f}`)];
    const named = files.filter((file) => /\.(astro|ts)$/.test(file) && quoted.test(readFileSync(join(repo, file), 'utf8')));
    expect(named.filter((file) => !features.some((allowed) => file.startsWith(allowed)))).toEqual([]);
    for (const file of generic) expect(readFileSync(join(repo, file), 'utf8'), file).not.toMatch(quoted);
  });

  test('a kind page in components/kinds/ and a kind list in components/lists/ are named after a kind of the registry', () => {
    const views = [
      ...readdirSync(join(repo, 'site/src/components/kinds')),
      ...readdirSync(join(repo, 'site/src/components/lists')).filter((file) => !['SectionList.astro', 'EntityLinks.astro'].includes(file)),
    ].map((file) => file.replace(/\.astro$/, ''));
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(builtinKinds.map((kind) => kind.name), view).toContain(view);
  });
});
