// The handbook's data (buildHandbookData): relations both ways, derived views, links, safe URLs,
// review dates, and what git says — without running Astro.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHandbookData, normaliseBase, safeRepo } from '../../src/site/handbook.js';
import type { HandbookData, HandbookEntity } from '../../src/site/handbook-data.js';
import { readGitHistory } from '../../src/site/git.js';
// The real loader reads files in its worker, which runs from dist/ (npm run build).
import { readModelHistory } from '../../dist/site/git.js';
import { fixtureDir, fixtureRepo, loadRepo, modelOf, today, writeFiles } from './helpers.js';

const repo = 'https://github.com/acme/operating-model';
let data: HandbookData;
let root: string;
const byId = (id: string): HandbookEntity => {
  const found = data.entities.find((entity) => entity.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};
const incoming = (id: string, label: string) => byId(id).incoming.find((group) => group.label === label)?.ids ?? [];

const noHistory = { state: 'unavailable', prefix: '', lastUpdated: new Map(), commits: [] } as const;

/** The handbook data of a model holding only these files, read by opmodel's own loader. */
async function dataOf(files: Record<string, string>, options: Parameters<typeof buildHandbookData>[1] = { today, history: noHistory }): Promise<HandbookData> {
  const model = await modelOf(files);
  try {
    return buildHandbookData(model, options);
  } finally {
    rmSync(model.root, { recursive: true, force: true });
  }
}

/** The handbook data of a copy of the fixture with these files added. */
async function fixtureWith(files: Record<string, string>, options: Parameters<typeof buildHandbookData>[1]): Promise<HandbookData> {
  const copy = fixtureRepo();
  try {
    writeFiles(copy, files);
    return buildHandbookData(await loadRepo(copy), options);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  root = fixtureRepo();
  data = buildHandbookData(await loadRepo(root), { site: { repo, base: '/handbook' }, today });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('relations', () => {
  test('a bet links out to its owner, teams, metrics and guardrails', () => {
    const bet = byId('self-serve-onboarding');
    expect(bet.bet).toMatchObject({ owner: 'growth', teams: ['growth', 'ledger'], guardrails: ['no-silent-data-loss', 'self-serve-first'] });
    expect(bet.outgoing.find((g) => g.label === 'Leading indicators')?.ids).toEqual(['activation-rate', 'time-to-first-reconciliation']);
  });

  test('targets list the bets, cadences and roles that point at them', () => {
    expect(incoming('growth', 'Owns bets')).toEqual(['self-serve-onboarding']);
    expect(incoming('ledger', 'Takes part in bets').sort()).toEqual(['ai-categorisation', 'ledger-performance', 'self-serve-onboarding']);
    expect(incoming('growth', 'Takes part in cadences').sort()).toEqual(['standup', 'weekly-operating-review']);
    expect(incoming('growth', 'Roles')).toEqual(['growth-pm']);
    expect(incoming('activation-rate', 'Steers bets').sort()).toEqual(['ai-categorisation', 'self-serve-onboarding']);
    expect(incoming('no-silent-data-loss', 'Binds bets').sort()).toEqual(['ledger-performance', 'self-serve-onboarding']);
    expect(incoming('cpo', 'Direct reports').sort()).toEqual(['growth-pm', 'head-of-engineering']);
  });

  test('links in bodies become "mentioned in" backlinks', () => {
    expect(incoming('self-serve-onboarding', 'Mentioned in')).toEqual(['operating-model']);
    expect(incoming('self-serve-first', 'Mentioned in')).toEqual(['product-context']);
  });

  test('teams know their children and product group', () => {
    expect(byId('core-product').team).toMatchObject({ children: ['growth', 'ledger'], group: 'core-product' });
    expect(byId('growth').team?.group).toBe('core-product');
    expect(byId('platform').team?.group).toBeNull();
  });

  test('roles and teams know the decisions they take part in', () => {
    const cpo = byId('cpo').decisions;
    expect(cpo.filter((d) => d.decides).map((d) => d.decision)).toEqual(['Add a bet to the quarter', 'Kill a bet', 'Change pricing']);
    expect(byId('growth').decisions).toContainEqual({ decision: 'Change pricing', entity: 'product', letter: 'C', meaning: 'Consulted', decides: false });
    // Each matrix row has an anchor on its page, unique there.
    const anchors = byId('product').matrices!.flatMap((m) => m.rows.map((r) => r.anchor));
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(byId('ceo').decisions.map((d) => d.meaning)).toEqual(['Escalation point', 'Escalation point', 'Escalation point']);
    expect(byId('platform').decisions).toContainEqual(expect.objectContaining({ decision: 'Ship a breaking API change', decides: true }));
  });
});

describe('units and long sections', () => {
  /** A company of two units (teams at the top of their parent chains) with 50 roles each, and an assessment named after one unit. */
  let companyData: HandbookData | undefined;
  const company = async () => {
    if (companyData) return companyData;
    const files: Record<string, string> = { 'model/operating-model.md': '---\ntitle: Big Co\nquarter: 2026-Q3\n---\n' };
    for (const unit of ['payments', 'lending']) {
      files[`model/teams/${unit}.md`] = `---\ntitle: ${unit === 'payments' ? 'Payments' : 'Lending'}\ntype: product-group\n---\n`;
      files[`model/teams/${unit}-core.md`] = `---\ntitle: Core\nparent: ${unit}\n---\n`;
      for (let i = 0; i < 50; i++) files[`model/roles/${unit}-role-${i}.md`] = `---\ntitle: Engineer ${i}\nteam: ${unit}-core\nholder: Person ${i}\n---\n`;
      files[`model/guardrails/${unit}-you-build-it.md`] = `---\ntitle: You build it, you run it\ntype: principle\nscope: build\nowner: ${unit}-role-0\n---\n`;
    }
    files['model/assessments/payments-2026-q2.md'] = '---\ntitle: Self-assessment, Payments, 2026-Q2\ndate: 2026-06-30\nscores: []\n---\n';
    return (companyData = await dataOf(files));
  };

  test('an entity belongs to the unit at the top of its team chain, through its team or owner; an assessment by the unit its title names', async () => {
    const big = await company();
    expect(big.units.map((unit) => unit.title)).toEqual(['Lending', 'Payments']);
    const unitOf = (id: string) => big.entities.find((e) => e.id === id)!.unit;
    expect(unitOf('payments-core')).toBe('payments');
    expect(unitOf('lending-role-7')).toBe('lending');
    expect(unitOf('payments-you-build-it')).toBe('payments');
    expect(unitOf('payments-2026-q2')).toBe('payments');
  });

  test('a section longer than a page is split by unit into listing pages; a short one is not', async () => {
    const big = await company();
    const roles = big.sections.find((s) => s.slug === 'roles')!;
    expect(roles.paged).toBe(true);
    expect(roles.facets[0]!.values.map((v) => [v.label, v.count, v.path])).toEqual([['Lending', 50, 'roles/unit/lending/'], ['Payments', 50, 'roles/unit/payments/']]);
    const lending = big.listings.filter((l) => l.section === 'roles' && l.key === 'lending');
    expect(lending.map((l) => l.path)).toEqual(['roles/unit/lending/']);
    expect(lending[0]!.ids).toHaveLength(50);
    expect(big.sections.find((s) => s.slug === 'guardrails')!.paged).toBe(false);
    // The example-sized fixture has no listing pages at all.
    expect(data.listings).toEqual([]);
  });

  test('a unit with more entities than a page holds gets numbered pages linked both ways', async () => {
    const files: Record<string, string> = { 'model/teams/ops.md': '---\ntitle: Ops\n---\n' };
    for (let i = 0; i < 170; i++) files[`model/roles/r-${i}.md`] = `---\ntitle: Role ${i}\nteam: ops\n---\n`;
    const big = await dataOf(files);
    const pages = big.listings.filter((l) => l.section === 'roles');
    expect(pages.map((l) => [l.path, l.ids.length, l.prev, l.next])).toEqual([
      ['roles/unit/ops/', 80, null, 'roles/unit/ops/2/'],
      ['roles/unit/ops/2/', 80, 'roles/unit/ops/', 'roles/unit/ops/3/'],
      ['roles/unit/ops/3/', 10, 'roles/unit/ops/2/', null],
    ]);
    expect(new Set(pages.flatMap((l) => l.ids)).size).toBe(170);
  });
});

describe('derived views', () => {
  test('the home page has the quarter, the active bets and every non-goal of them', () => {
    expect(data.home).toMatchObject({ title: 'Acme Operating Model', version: '1.0', quarter: '2026-Q3', northStar: 'weekly-active-teams', latestAssessment: '2026-q2' });
    expect(data.home.activeBets.sort()).toEqual(['ledger-performance', 'self-serve-onboarding']);
    expect(data.home.nonGoals).toContainEqual({ text: 'No new pricing plans this quarter', bet: 'self-serve-onboarding' });
    expect(data.home.nonGoals.map((g) => g.bet)).not.toContain('ai-categorisation');
    expect(data.home.startHere.map((s) => s.title)).toEqual(['Strategy', 'Bets', 'Guardrails', 'Decision rights', 'How we work']);
  });

  test('decision matrices are split out of the body where they stand', () => {
    const rights = byId('product');
    expect(rights.matrices).toHaveLength(2);
    expect(rights.matrices![0]!.rows.map((r) => r.decides)).toEqual(['cpo', 'cpo', 'cpo']);
    expect(rights.bodyParts.map((part) => ('matrix' in part ? part.matrix : 'html'))).toEqual(['html', 0, 'html', 1]);
    expect(rights.matrices![0]!.letters).toEqual({ D: 'Decides', C: 'Consulted', I: 'Informed' });
  });

  test('the assessment is scored with the bands', () => {
    const assessment = byId('2026-q2').assessment!;
    // Ten statements scored: the default bands scale to 12 and 8 (SPEC §3), so 15 is healthy.
    expect(assessment).toMatchObject({ total: 15, max: 30, band: 'healthy', weakCategories: ['operations'] });
    expect(assessment.categories.map((c) => c.name)).toEqual(['strategy', 'execution', 'operations', 'tooling', 'talent']);
  });

  test('sections follow the kinds present, then This week and the changelog', () => {
    expect(data.sections.map((s) => s.slug)).toEqual(['bets', 'guardrails', 'decision-rights', 'context', 'teams', 'roles', 'metrics', 'cadences', 'assessments', 'this-week', 'changelog']);
    expect(byId('growth').path).toBe('teams/growth/');
    expect(byId('operating-model').path).toBe('');
  });
});

describe('pages and links', () => {
  test('relative links to model files point at their handbook pages under the base', () => {
    expect(byId('operating-model').bodyHtml).toContain('<a href="/handbook/bets/self-serve-onboarding/">self-serve onboarding</a>');
    expect(byId('product-context').bodyHtml).toContain('<a href="/handbook/">Strategy</a>');
    expect(byId('product-context').bodyHtml).toContain('<a href="https://example.com/eng">Engineering handbook</a>');
  });

  test('body headings start at h3, under the page h1 and a section h2', () => {
    expect(byId('operating-model').bodyHtml).toContain('<h3>Where we play</h3>');
    expect(byId('operating-model').bodyHtml).not.toMatch(/<h[12]/);
  });

  test('edit and history links need an https repository', async () => {
    expect(byId('growth').editUrl).toBe(`${repo}/edit/main/model/teams/growth.md`);
    expect(byId('growth').historyUrl).toBe(`${repo}/commits/main/model/teams/growth.md`);
    const without = buildHandbookData(await loadRepo(root), { today, history: noHistory });
    expect(without.entities.every((e) => e.editUrl === null && e.historyUrl === null)).toBe(true);
    expect(safeRepo('javascript:alert(1)')).toBeNull();
    expect(safeRepo('http://github.com/a/b')).toBeNull();
    expect(safeRepo('https://github.com/a/b.git/')).toBe('https://github.com/a/b');
  });

  test('edit links open site.branch, else the default branch of origin, else main', async () => {
    expect(buildHandbookData(await loadRepo(root), { site: { repo, branch: 'trunk' }, today }).entities.find((e) => e.id === 'growth')!.editUrl)
      .toBe(`${repo}/edit/trunk/model/teams/growth.md`);
    // A clone whose origin's default branch is `production`.
    const clone = mkdtempSync(join(tmpdir(), 'opmodel-clone-'));
    try {
      execFileSync('git', ['clone', '-q', root, clone]);
      execFileSync('git', ['-C', clone, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/production']);
      const cloned = buildHandbookData(await loadRepo(clone), { site: { repo }, today });
      expect(cloned.site.branch).toBe('production');
      expect(cloned.entities.find((e) => e.id === 'growth')!.editUrl).toBe(`${repo}/edit/production/model/teams/growth.md`);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
    expect(data.site.branch).toBe('main');
  });

  test('review_by in the past asks for a review', () => {
    expect(byId('ledger-performance').needsReview).toBe(true);
    expect(byId('self-serve-first').needsReview).toBe(true);
    expect(byId('no-silent-data-loss').needsReview).toBe(false);
    expect(byId('growth').needsReview).toBe(false);
  });

  test('bases are normalised to /…/', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('handbook')).toBe('/handbook/');
    expect(normaliseBase('/a/b/')).toBe('/a/b/');
    expect(normaliseBase('/../x"y/')).toBe('/x%22y/');
  });
});

describe('safety', () => {
  const evil = [
    '<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
    '![pixel](data:image/png;base64,AAAA)',
    '<a href="javascript:alert(1)">raw link</a>',
    '[spaced](<java\tscript:alert(1)>)',
    '[ref link][r]\n\n[r]: javascript:alert(1)',
    '| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |',
  ].join('\n\n');

  test('bodies never carry script, frames, event handlers or javascript:/data: URLs', async () => {
    const result = await fixtureWith({ 'model/guardrails/evil.md': `---\ntitle: Evil\ntype: guardrail\nscope: build\nowner: cpo\n---\n${evil}\n` }, { today, site: { repo } });
    const html = result.entities.find((e) => e.id === 'evil')!.bodyHtml;
    expect(html).not.toMatch(/<script|<iframe|onerror|javascript:|vbscript:|data:/i);
    expect(html).toContain('click'); // the text stays, the link goes
  });

  test('frontmatter URLs are kept only when https or relative', async () => {
    const metric = (id: string, source: string) => [`model/metrics/${id}.md`, `---\ntitle: ${id}\ntype: health\nsource: "${source}"\n---\n`];
    const result = await fixtureWith(Object.fromEntries([
      metric('m-js', 'javascript:alert(1)'), metric('m-http', 'http://example.com'), metric('m-data', 'data:text/html,x'),
      metric('m-https', 'https://example.com/x'), metric('m-page', '../teams/growth.md'), metric('m-file', '../../docs/metrics.csv'),
    ]), { today, site: { repo, base: '/hb/' } });
    const source = (id: string) => result.entities.find((e) => e.id === id)!.metric!.source;
    expect(source('m-js')).toBeNull();
    expect(source('m-http')).toBeNull();
    expect(source('m-data')).toBeNull();
    expect(source('m-https')).toBe('https://example.com/x');
    expect(source('m-page')).toBe('/hb/teams/growth/');
    expect(source('m-file')).toBe(`${repo}/blob/main/docs/metrics.csv`);
  });

  test('a model that breaks its schema still builds (built with --allow-errors)', async () => {
    const result = await dataOf({ 'model/bets/odd.md': '---\ntitle: 42\nstatus: [1, 2]\nleading_indicators: nope\nnon_goals: "just one"\nteams: [{ x: 1 }]\n---\n' });
    expect(result.entities[0]!.bet).toMatchObject({ status: 'proposed', leadingIndicators: [], nonGoals: ['just one'], teams: [] });
    expect(result.home.model).toBeNull();
  });
});

describe('git', () => {
  test('last updated per file and a changelog, newest first', () => {
    expect(byId('operating-model').updated).toBe('2026-05-02T09:00:00+00:00');
    expect(byId('growth').updated).toBe('2026-04-01T09:00:00+00:00');
    expect(data.site.git).toBe('ok');
    const commits = data.changelog.commits;
    expect(commits.map((c) => c.subject)).toEqual(['Remove NPS', 'Add the AI categorisation bet', 'Operating Model v1']);
    expect(commits[0]!.changes).toEqual([{ change: 'removed', file: 'model/metrics/nps.md', id: 'nps', title: null, path: null }]);
    expect(commits[1]!.changes).toContainEqual({ change: 'added', file: 'model/bets/ai-categorisation.md', id: 'ai-categorisation', title: 'AI categorisation', path: 'bets/ai-categorisation/' });
    expect(commits[1]!.changes).toContainEqual(expect.objectContaining({ change: 'changed', id: 'operating-model' }));
    expect(commits[0]!.url).toMatch(new RegExp(`^${repo}/commit/[0-9a-f]{40}$`));
  });

  test('the changelog says how a bet’s status changed', async () => {
    const repoRoot = fixtureRepo();
    try {
      const file = join(repoRoot, 'model/bets/ledger-performance.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: active', 'status: won').replace('---\n', '---\n# status: body\n'));
      const other = join(repoRoot, 'model/teams/growth.md');
      writeFileSync(other, readFileSync(other, 'utf8') + '\nstatus: not frontmatter, no status change\n');
      const run = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' } });
      run('-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'Ledger performance won');
      const result = buildHandbookData(await loadRepo(repoRoot), { today, history: await readModelHistory(repoRoot, 'model') });
      const changes = result.changelog.commits[0]!.changes;
      expect(changes).toContainEqual(expect.objectContaining({ id: 'ledger-performance', change: 'changed', statusChange: { from: 'active', to: 'won' } }));
      expect(changes.find((c) => c.id === 'growth')).not.toHaveProperty('statusChange');
      // Older commits added files: no status change to tell.
      expect(result.changelog.commits.slice(1).flatMap((c) => c.changes).some((c) => c.statusChange)).toBe(false);
    } finally {
      rmSync(repoRoot, { recursive: true, force: true });
    }
  });

  test('a folder that is not a repository gives "unknown", not a crash', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'opmodel-plain-'));
    try {
      const history = readGitHistory(plain, 'model');
      expect(history.state).toBe('unavailable');
      const result = buildHandbookData({ root: plain, modelDir: 'model', entities: (await loadRepo(fixtureDir)).entities }, { today });
      expect(result.entities.every((e) => e.updated === 'unknown')).toBe(true);
      expect(result.changelog.unavailable).toMatch(/not in a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test('a shallow clone gives "unknown" dates and says why there is no changelog', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'opmodel-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
      const result = buildHandbookData(await loadRepo(clone), { today });
      expect(result.site.git).toBe('shallow');
      expect(result.entities.every((e) => e.updated === 'unknown')).toBe(true);
      expect(result.changelog.unavailable).toMatch(/shallow clone/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test('a model folder inside a larger repository gets its path prefix in edit links', async () => {
    const result = buildHandbookData(await loadRepo(fixtureDir), { today, site: { repo } });
    const growth = result.entities.find((e) => e.id === 'growth')!;
    // The fixture sits in this project's own repository at test/site/fixture/.
    if (result.site.git === 'ok') expect(growth.editUrl).toBe(`${repo}/edit/main/test/site/fixture/model/teams/growth.md`);
  });
});
