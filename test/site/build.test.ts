// Building the handbook site end to end (Astro + Pagefind) from a small model: the pages exist,
// every link works under a sub-path base, and no user content turns into script.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, startSiteBuild } from '../../src/site/build.js';
import { buildInto, filesUnder, fixtureRepo, loadRepo, today, writeFiles } from './helpers.js';

const base = '/handbook/';
let root: string;
let out: string;
let pages: string[];
const html = (page: string) => readFileSync(join(out, page), 'utf8');

beforeAll(async () => {
  root = fixtureRepo();
  out = await buildInto(await loadRepo(root), base);
  pages = filesUnder(out).filter((file) => file.endsWith('.html'));
}, 120_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the built handbook', () => {
  test('has the home page, every section and one page per entity', () => {
    const expected = [
      'index.html', '404.html', 'bets/index.html', 'guardrails/index.html', 'decision-rights/index.html', 'context/index.html',
      'teams/index.html', 'roles/index.html', 'metrics/index.html', 'cadences/index.html', 'assessments/index.html',
      'changelog/index.html', 'search/index.html', 'portfolio/index.html', 'this-week/index.html',
      // The decision log and the check-ins say how to start one when the model has none yet.
      'decisions/index.html', 'check-ins/index.html',
      'bets/self-serve-onboarding/index.html', 'bets/ai-categorisation/index.html', 'guardrails/no-silent-data-loss/index.html',
      'decision-rights/product/index.html', 'context/product-context/index.html', 'teams/growth/index.html', 'roles/cpo/index.html',
      'metrics/activation-rate/index.html', 'cadences/standup/index.html', 'assessments/2026-q2/index.html',
    ];
    for (const page of expected) expect(pages, page).toContain(page);
    // 27 entities, the model root being the home page: 26 entity pages + 16 others + 404.
    expect(pages).toHaveLength(26 + 16 + 1);
    expect(existsSync(join(out, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });

  test('every page has one h1, a main landmark, a language and a skip link', () => {
    for (const page of pages) {
      const text = html(page);
      expect(text.match(/<h1[\s>]/g), page).toHaveLength(1);
      expect(text, page).toMatch(/<main id="main"/);
      expect(text, page).toMatch(/<html lang="en"/);
      expect(text, page).toContain('href="#main"');
    }
  });

  test('headings never skip a level', () => {
    for (const page of pages) {
      const levels = [...html(page).matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${page}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  test('every internal link and asset works under the sub-path', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const match of html(page).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = match[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|#)/.test(url)) continue;
        if (!url.startsWith(base)) {
          broken.push(`${page}: ${url} is outside ${base}`);
          continue;
        }
        const path = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ''));
        const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        if (!existsSync(join(out, file))) broken.push(`${page}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('pages show when they last changed and link to edit them', () => {
    const team = html('teams/growth/index.html');
    expect(team).toContain('Last updated: <time class="nowrap" datetime="2026-04-01T09:00:00+00:00">2026-04-01</time>');
    expect(team).toContain('href="https://github.com/acme/operating-model/edit/main/model/teams/growth.md"');
  });

  test('pages past review_by carry the banner, others do not', () => {
    expect(html('bets/ledger-performance/index.html')).toContain('Needs review.');
    expect(html('bets/self-serve-onboarding/index.html')).not.toContain('Needs review.');
  });

  test('the home page has the strategy, north star, active bets and what we will not do', () => {
    const home = html('index.html');
    expect(home).toContain('Start here');
    expect(home).toContain('id="strategy"');
    expect(home).toContain('Weekly active teams');
    expect(home).toContain('Active bets in 2026-Q3');
    expect(home).toContain('No rewrite of the reconciliation engine');
    expect(home).not.toContain('No automatic posting without review'); // a non-goal of a killed bet
  });

  test('the changelog lists the commits, newest first', () => {
    const changelog = html('changelog/index.html');
    expect(changelog.indexOf('Remove NPS')).toBeLessThan(changelog.indexOf('Add the AI categorisation bet'));
    expect(changelog).toContain('model/metrics/nps.md');
  });

  test('the decision-rights page carries the finder, whose index has one row per decision linking its matrix row', () => {
    const rights = html('decision-rights/index.html');
    expect(rights).toContain('Who decides…?');
    const index = JSON.parse(readFileSync(join(out, 'decision-rights/index.json'), 'utf8')) as { files: [string, string][]; rows: [string, number, string, number, number[]][] };
    expect(index.rows).toHaveLength(5);
    for (const [, file, anchor] of index.rows) {
      expect(html(`${index.files[file]![1]}index.html`)).toContain(`<tr id="${anchor}"`);
    }
  });

  test('search excerpts keep words apart: no label runs into the next word', () => {
    // Pagefind cuts excerpts from the text in its fragments; a word glued from two ("D DecidesC
    // Consulted", "CategoryScoreBar") is one the model never wrote.
    const model = filesUnder(join(root, 'model')).map((file) => readFileSync(join(root, 'model', file), 'utf8')).join('\n');
    const fragments = filesUnder(join(out, 'pagefind', 'fragment'));
    expect(fragments.length).toBeGreaterThan(20);
    const glued: string[] = [];
    for (const file of fragments) {
      const text = gunzipSync(readFileSync(join(out, 'pagefind', 'fragment', file))).toString('utf8');
      const { url, content } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      for (const [word] of content.matchAll(/\b\w*[a-z][A-Z]\w*/g)) if (!model.includes(word)) glued.push(`${url}: ${word}`);
    }
    expect(glued).toEqual([]);
  });

  test('refuses to write over the repository', async () => {
    const model = await loadRepo(root);
    await expect(buildSite({ root, model, config: {}, outDir: '.', today })).rejects.toThrow(/would overwrite/);
    await expect(buildSite({ root, model, config: {}, outDir: 'model/site', today })).rejects.toThrow(/would overwrite/);
    const foreign = join(root, 'not-ours');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'mine');
    await expect(buildSite({ root, model, config: {}, outDir: 'not-ours', today })).rejects.toThrow(/not empty/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('a build started before its data (as `opmodel build` starts Astro while it lints)', () => {
  test('Astro waits for the data, however late it comes, and builds every page from it', async () => {
    const model = await loadRepo(root);
    const early = mkdtempSync(join(tmpdir(), 'opmodel-early-'));
    const scratch = mkdtempSync(join(tmpdir(), 'opmodel-early-tmp-'));
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = scratch; // the build's work folder goes here, so the test can see it go
    try {
      const started = startSiteBuild({ root, modelDir: model.modelDir, outDir: early, base });
      // Long enough for Astro to load and bundle the pages: a page that read the data file before
      // it was written would fail the build.
      await new Promise((done) => setTimeout(done, 4000));
      await buildSite({ root, model, config: { site: { repo: 'https://github.com/acme/operating-model' } }, outDir: early, today, started });
      const built = filesUnder(early).filter((file) => file.endsWith('.html'));
      expect(built.sort()).toEqual([...pages].sort());
      expect(readFileSync(join(early, 'bets/self-serve-onboarding/index.html'), 'utf8')).toBe(html('bets/self-serve-onboarding/index.html'));
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
      rmSync(early, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  test('a build cancelled before its data stops Astro and leaves no work folder', async () => {
    const model = await loadRepo(root);
    const scratch = mkdtempSync(join(tmpdir(), 'opmodel-early-tmp-'));
    const outDir = join(scratch, 'never');
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const started = startSiteBuild({ root, modelDir: model.modelDir, outDir, base });
      await new Promise((done) => setTimeout(done, 1000));
      started.cancel();
      expect(readdirSync(scratch)).toEqual([]);
      await expect(started.finish({ model, config: {}, today })).rejects.toThrow();
      expect(existsSync(outDir)).toBe(false);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('sanitisation', () => {
  let evilOut: string;
  let evilRoot: string;
  const payloads = [
    '<script>alert("s1")</script>',
    '<img src="x" onerror="alert(\'s2\')">',
    '<iframe src="https://evil.example/s3"></iframe>',
    '[s4](javascript:alert(4))',
    '[s5](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)',
    '<a href="javascript:alert(6)">s6</a>',
    '<svg onload="alert(7)"><circle r="1"/></svg>',
    '[s8][r8]\n\n[r8]: javascript:alert(8)',
    '| a | b |\n|---|---|\n| <script>alert(9)</script> | [s10](JaVaScRiPt:alert(10)) |',
    '<details open ontoggle="alert(11)"><summary>s11</summary></details>',
  ].join('\n\n');

  beforeAll(async () => {
    evilRoot = fixtureRepo();
    const frontmatter = (kind: string) =>
      `title: "<script>alert('t-${kind}')</script>"\n` + (kind === 'metric' ? 'type: health\nsource: "javascript:alert(\'src\')"\n' : '');
    for (const [folder, kind] of [['bets', 'bet'], ['guardrails', 'guardrail'], ['teams', 'team'], ['metrics', 'metric'], ['decision-rights', 'decision-rights'], ['context', 'context-table']] as const) {
      writeFiles(evilRoot, { [`model/${folder}/evil-${kind}.md`]: `---\n${frontmatter(kind)}---\n${payloads}\n` });
    }
    writeFiles(evilRoot, {
      'model/okrs/grow-revenue.md': `---\nkind: okr\ntitle: Grow revenue\nx-notes: "<b>bold</b>"\n---\n${payloads}\n`,
      'model/operating-model.md': `${readFileSync(join(evilRoot, 'model/operating-model.md'), 'utf8')}\n\n${payloads}\n`,
    });
    evilOut = await buildInto(await loadRepo(evilRoot), base);
  }, 120_000);
  afterAll(() => {
    rmSync(evilRoot, { recursive: true, force: true });
    if (!process.env.KEEP) rmSync(evilOut, { recursive: true, force: true }); else console.log(evilOut);
  });

  test('no script, frame, event handler, javascript: or data: URL from the model reaches any page', () => {
    const files = filesUnder(evilOut).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      for (const tag of tagsOf(readFileSync(join(evilOut, file), 'utf8'))) {
        const where = `${file}: <${tag.name}>`;
        expect(['iframe', 'frame', 'object', 'embed'], where).not.toContain(tag.name);
        for (const [name, value] of tag.attributes) {
          expect(name, where).not.toMatch(/^on/);
          const url = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(name)) expect(url, where).not.toMatch(/^(javascript|data|vbscript):/);
        }
        if (tag.name === 'script') {
          // Ours only: Astro's bundled modules and Pagefind's UI; no user text inside.
          const src = tag.attributes.get('src');
          if (src) expect(src, where).toMatch(/^\/handbook\/(_astro|pagefind)\//);
          expect(tag.text, where).not.toMatch(/alert\(/);
        }
      }
    }
    // The auditor itself sees what it looks for.
    const probe = tagsOf('<p title="<script>"><img src="x" onerror="alert(1)"><a href="&#106;avascript&colon;x">a</a><script>alert(2)</script>');
    expect(probe.map((t) => t.name)).toEqual(['p', 'img', 'a', 'script']);
    expect(probe[1]!.attributes.get('onerror')).toBe('alert(1)');
    expect(probe[2]!.attributes.get('href')).toBe('javascript:x');
    expect(probe[3]!.text).toBe('alert(2)');
    // Custom kinds get a section and pages; their fields show as text.
    expect(existsSync(join(evilOut, 'kinds/okr/index.html'))).toBe(true);
    expect(readFileSync(join(evilOut, 'kinds/okr/grow-revenue/index.html'), 'utf8')).toContain('&lt;b&gt;bold&lt;/b&gt;');
    // The titles are shown, as text.
    expect(readFileSync(join(evilOut, 'bets/evil-bet/index.html'), 'utf8')).toContain('&lt;script&gt;alert(');
    expect(readFileSync(join(evilOut, 'metrics/evil-metric/index.html'), 'utf8')).not.toContain('Where it is measured');
  });
});

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** For <script> and <style>: the raw text inside. */
  text: string;
}

/** The start tags of an HTML document with their attributes (quotes respected) — enough to audit Astro's output. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const name = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 40))?.[1]?.toLowerCase();
    if (!name) {
      i++;
      continue;
    }
    i += name.length + 1;
    const attributes = new Map<string, string>();
    while (i < html.length && html[i] !== '>') {
      const attribute = /^\s*([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/.exec(html.slice(i));
      if (!attribute || attribute[0].length === 0) {
        i++;
        continue;
      }
      attributes.set(attribute[1]!.toLowerCase(), decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
      i += attribute[0].length;
    }
    let text = '';
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      text = html.slice(i + 1, end === -1 ? undefined : end);
      if (end !== -1) i = end;
    }
    tags.push({ name, attributes, text });
  }
  return tags;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':').replace(/&tab;/gi, '\t').replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
