// The CLI and the handbook run the same library on the same model: each question they both answer
// (who decides, where a link goes, how an assessment scores, what needs review, what changed) gets
// one answer. Each test asks both on one input and compares.
import { afterAll, describe, expect, test } from 'vitest';
import { lint } from '../dist/lint.js';
import { handbookOptions } from '../dist/site/build.js';
import { readModelHistory } from '../dist/site/git.js';
import { buildHandbookData } from '../dist/site/handbook.js';
import { decisionIndex, findRows, finderRows } from '../site/src/lib/decision-index.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanTemp, copyOfExample, runCli, testToday, writeFile } from './helpers.js';

const noHistory = { state: 'unavailable', prefix: '', lastUpdated: new Map(), commits: [] } as const;

afterAll(cleanTemp);

describe('who decides: `opmodel who` and the handbook finder', () => {
  test('find the same decisions for the same question', async () => {
    const root = copyOfExample();
    const { model } = await lint(root, { today: testToday });
    const data = buildHandbookData(model, { today: testToday, history: noHistory });
    const titles = new Map(data.entities.map((e) => [e.id, e.title]));
    const index = decisionIndex(data.entities.filter((e) => e.kind === 'decision-rights'), (id) => titles.get(id) ?? id);
    const rows = finderRows(index);
    // The handbook's placeholder offers "a new bet"; people ask "who decides …".
    for (const query of ['a new bet', 'who decides a new database', 'pricing', 'hiring', 'an incident', 'who decides on a discount?']) {
      const cli = runCli(['who', query, '--all', '--format', 'json'], root);
      expect(cli.status, cli.stderr).toBe(0);
      const fromCli = (JSON.parse(cli.stdout) as { matches: { decision: string }[] }).matches.map((m) => m.decision).sort();
      const { found, partial } = findRows(rows, query);
      expect(partial).toBe(false);
      expect(fromCli.length, query).toBeGreaterThan(0);
      expect(fromCli, query).toEqual(found.map((r) => r.decision).sort());
    }
    expect(runCli(['who', 'a new bet', '--format', 'json'], root).stdout).toContain('Add, pause or kill a bet');
  });
});

interface Diagnostic {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** `opmodel lint --format json` in root: its diagnostics. */
function lintJson(root: string): Diagnostic[] {
  const run = runCli(['lint', '--format', 'json'], root);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('body links: the `link` rule and the handbook', () => {
  test('a link lint reports is text in the handbook; a link lint accepts goes to its page', async () => {
    const root = copyOfExample();
    const file = 'model/bets/tip-pooling.md';
    const links: [string, string][] = [
      ['the growth team', '/model/teams/growth.md'],
      ['a missing bet', '/model/bets/missing.md'],
      ['the platform team', '../teams/platform.md'],
      ['a missing team', '../teams/nobody.md'],
      ['an odd name', '/model/bets/%E0%A4%A.md'],
    ];
    writeFile(root, file, `${readFileSync(join(root, file), 'utf8')}\n${links.map(([text, url]) => `- [${text}](${url})`).join('\n')}\n`);
    const reported = lintJson(root).filter((d) => d.rule === 'link' && d.file === file).map((d) => d.message);
    const { model } = await lint(root, { today: testToday });
    const data = buildHandbookData(model, { today: testToday, history: noHistory });
    const html = data.entities.find((e) => e.file === file)!.bodyHtml;
    const pages = new Map(data.entities.map((e) => [e.file, `/${e.path}`]));
    for (const [text, url] of links) {
      const byLint = reported.some((message) => message.includes(`'${url}'`));
      const target = url.startsWith('/') ? url.slice(1) : join('model/teams', url.slice('../teams/'.length));
      if (byLint) {
        expect(html, url).toContain(`<p>${text}</p>`);
      } else {
        expect(html, url).toContain(`<a href="${pages.get(target)}">${text}</a>`);
      }
    }
    expect(reported).toHaveLength(3);
  });
});

describe('assessment bands: the `assessment` rule, `opmodel assess` and the handbook', () => {
  for (const [healthy, drift] of [[40, 30], [30, 20], [18, 12]] as const) {
    test(`judge the latest assessment alike with healthy: ${healthy}, drift: ${drift}`, async () => {
      const root = copyOfExample();
      writeFile(root, 'opmodel.config.yaml', `rules:\n  assessment: [warning, { healthy: ${healthy}, drift: ${drift} }]\n`);
      const assess = runCli(['assess', '--format', 'json'], root);
      expect(assess.status, assess.stderr).toBe(0);
      type Judged = { assessment: { id: string; file: string }; total: number; band: string; weakCategories: string[] };
      const report = JSON.parse(assess.stdout) as Judged & { teams: (Judged & { team: string })[] };
      // The company-wide latest assessment and each team's latest are judged alike.
      const judged = [report, ...report.teams];
      expect(judged.length).toBeGreaterThan(1);
      const findings = lintJson(root).filter((d) => d.rule === 'assessment');
      // The handbook as \`opmodel build\` prepares it from the same config.
      const { model, config } = await lint(root, { today: testToday });
      const data = buildHandbookData(model, { ...handbookOptions({ config, today: testToday }), history: noHistory });
      expect(data.home.latestAssessment).toBe(report.assessment.id);
      for (const one of judged) {
        expect(one.band).toBe(one.total < drift ? 'intervention-overdue' : one.total < healthy ? 'structural-drift' : 'healthy');
        const finding = findings.filter((d) => d.file === one.assessment.file);
        if (one.band === 'healthy' && one.weakCategories.length === 0) expect(finding).toEqual([]);
        else {
          expect(finding).toHaveLength(1);
          if (one.band !== 'healthy') expect(finding[0]!.message).toContain(`band ${one.band} (healthy is ${healthy} or more)`);
        }
        const page = data.entities.find((e) => e.id === one.assessment.id)!.assessment!;
        expect({ total: page.total, band: page.band, weak: page.weakCategories, thresholds: page.thresholds }).toEqual({ total: one.total, band: one.band, weak: one.weakCategories, thresholds: { healthy, drift } });
      }
      // No other assessment is judged.
      expect(findings.every((d) => judged.some((one) => one.assessment.file === d.file))).toBe(true);
    });
  }

  test('read a threshold written as a string ("40") the same way: refused by all, or the default for all', async () => {
    const root = copyOfExample();
    writeFile(root, 'opmodel.config.yaml', 'rules:\n  assessment: [warning, { healthy: "40" }]\n');
    const linted = runCli(['lint', '--format', 'json'], root);
    const assess = runCli(['assess', '--format', 'json'], root);
    expect(assess.status).toBe(linted.status === 2 ? 2 : 0);
    if (linted.status === 2) return; // the config check names the option; every command stops there
    const band = (JSON.parse(assess.stdout) as { band: string }).band;
    const findings = (JSON.parse(linted.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'assessment');
    expect(band).toBe('healthy');
    expect(findings.filter((d) => d.message.includes('band '))).toEqual([]);
    const { model, config } = await lint(root, { today: testToday });
    const data = buildHandbookData(model, { ...handbookOptions({ config, today: testToday }), history: noHistory });
    expect(data.entities.find((e) => e.id === data.home.latestAssessment)!.assessment!.band).toBe(band);
  });
});

describe('review dates: the `stale` rule and the handbook\'s "needs review"', () => {
  test('flag the same files: the day itself is not past, a retired guardrail never is', async () => {
    const root = copyOfExample();
    const dayBefore = new Date(Date.parse(`${testToday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const setReviewBy = (file: string, date: string) => {
      const text = readFileSync(join(root, file), 'utf8');
      writeFile(root, file, text.replace(/^review_by: .*$/m, `review_by: ${date}`));
    };
    setReviewBy('model/guardrails/fewer-settings.md', testToday);
    setReviewBy('model/guardrails/evidence-before-roadmap.md', dayBefore);
    setReviewBy('model/guardrails/december-deploy-freeze.md', '2026-01-05'); // status: retired
    const stale = lintJson(root).filter((d) => d.rule === 'stale').map((d) => d.file).sort();
    const { model } = await lint(root, { today: testToday });
    const data = buildHandbookData(model, { today: testToday, history: noHistory });
    const needsReview = data.entities.filter((e) => e.needsReview).map((e) => e.file).sort();
    expect(stale).toContain('model/guardrails/evidence-before-roadmap.md');
    expect(stale).not.toContain('model/guardrails/fewer-settings.md');
    expect(stale).not.toContain('model/guardrails/december-deploy-freeze.md');
    expect(needsReview).toEqual(stale);
  });
});

describe('what a commit changed: `opmodel diff` and the handbook\'s changelog', () => {
  test('a decider who moves is in both; a body line "status: shipped" is in neither', async () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: root, encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Reyes', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Reyes', GIT_COMMITTER_EMAIL: 'dana@example.com' },
    });
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).toContain(from);
      writeFile(root, file, text.replace(from, to));
    };
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'The example model');
    edit('model/bets/tip-pooling.md', 'status: proposed', 'status: active');
    edit('model/bets/clock-in-kiosk.md', '\n---\n', '\n---\n\nstatus: shipped\n');
    git('commit', '-q', '-am', 'Tip pooling starts; a note on the kiosk');
    const prices = '| Change list prices or plan packaging | 10 business days | ceo | ';
    edit('model/decision-rights/product-decisions.md', `${prices}C | I | D |`, `${prices}D | I | C |`);
    git('commit', '-q', '-am', 'The CPO decides list prices');

    const { model, config } = await lint(root, { today: testToday });
    const history = await readModelHistory(root, 'model');
    const changelog = buildHandbookData(model, { ...handbookOptions({ config, today: testToday }), history }).changelog;
    expect(changelog.commits.map((c) => c.subject)).toEqual(['The CPO decides list prices', 'Tip pooling starts; a note on the kiosk', 'The example model']);
    for (const [at, commit] of changelog.commits.slice(0, 2).entries()) {
      const run = runCli(['diff', `HEAD~${at + 1}`, `HEAD~${at}`, '--format', 'json'], root);
      expect(run.status, run.stderr).toBe(0);
      const diff = JSON.parse(run.stdout) as { changed: { file: string; fields: { field: string; before: unknown; after: unknown }[] }[]; decisions: { decision: string; file: string; changes: { field: string; before: unknown; after: unknown }[] }[] };
      const statuses = diff.changed.flatMap((c) => c.fields.filter((f) => f.field === 'status').map((f) => ({ file: c.file, statusChange: { from: f.before, to: f.after } })));
      expect(commit.changes.filter((c) => c.statusChange).map((c) => ({ file: c.file, statusChange: c.statusChange }))).toEqual(statuses);
      const moves = diff.decisions.flatMap((d) => d.changes.filter((c) => c.field === 'decides').map((c) => ({ file: d.file, decision: d.decision, from: c.before, to: c.after })));
      expect(commit.changes.flatMap((c) => (c.deciderChanges ?? []).map((d) => ({ file: c.file, ...d })))).toEqual(moves);
    }
    expect(changelog.commits[0]!.changes.flatMap((c) => c.deciderChanges ?? [])).toEqual([{ decision: 'Change list prices or plan packaging', from: 'cro', to: 'cpo' }]);
    expect(changelog.commits[1]!.changes.filter((c) => c.statusChange).map((c) => c.file)).toEqual(['model/bets/tip-pooling.md']);

    // The published page says it too.
    const out = join(root, '_site');
    const build = runCli(['build', '--allow-errors'], root);
    expect(build.status, build.stderr).toBe(0);
    const page = readFileSync(join(out, 'changelog/index.html'), 'utf8').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(page).toContain('Change list prices or plan packaging: Chief product officer decides (was Chief revenue officer)');
    expect(page).toMatch(/Tronc and tip pooling in the timesheet — status Proposed →\s*to Active/);
    expect(page).not.toMatch(/to Shipped/i);
  }, 120_000);
});

describe('check-ins due: the `check-in-due` rule, `opmodel review` and the handbook\'s This week', () => {
  for (const days of [3, 14, 40]) {
    test(`flag the same active bets with max_days: ${days}`, async () => {
      const root = copyOfExample();
      writeFile(root, 'opmodel.config.yaml', `rules:\n  check-in-due: [warning, { max_days: ${days} }]\n`);
      const date = '2026-12-10';
      const linted = runCli(['lint', '--as-of', date, '--format', 'json'], root);
      const byRule = (JSON.parse(linted.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'check-in-due').map((d) => d.file).sort();
      const cli = runCli(['review', '--as-of', date, '--format', 'json'], root);
      expect(cli.status, cli.stderr).toBe(0);
      const agenda = JSON.parse(cli.stdout) as { checkInDays: number; bets?: { items: { file: string; reasons: string[] }[] } };
      expect(agenda.checkInDays).toBe(days);
      const byReview = (agenda.bets?.items ?? []).filter((b) => b.reasons.includes('check-in due')).map((b) => b.file).sort();
      expect(byReview).toEqual(byRule);
      const { model, config } = await lint(root, { today: date });
      const data = buildHandbookData(model, { ...handbookOptions({ config, today: date }), history: noHistory });
      expect((data.agenda.bets?.items ?? []).filter((b) => b.reasons.includes('check-in due')).map((b) => b.file).sort()).toEqual(byRule);
      // The example's active bets checked in on 2026-11-16: 24 days before.
      if (days === 3 || days === 14) expect(byRule.length).toBeGreaterThan(0);
      else expect(byRule).toEqual([]);
    });
  }
});

describe('a bet\'s latest check-in: `opmodel review` and the handbook\'s bet page', () => {
  test('read the same one as of a date: a check-in dated later does not count yet', async () => {
    const root = copyOfExample();
    // Written ahead of the meeting, dated the day after the review.
    writeFile(root, 'model/check-ins/self-serve-onboarding-2026-11-22.md', '---\nbet: self-serve-onboarding\ndate: 2026-11-22\nconfidence: on-track\nnext: continue\n---\n');
    const date = '2026-11-21';
    const cli = runCli(['review', '--as-of', date, '--format', 'json'], root);
    const agenda = JSON.parse(cli.stdout) as { bets?: { items: { bet: string; lastCheckIn: string; confidence: string }[] } };
    const inReview = agenda.bets!.items.find((b) => b.bet === 'self-serve-onboarding')!;
    const { model, config } = await lint(root, { today: date });
    const data = buildHandbookData(model, { ...handbookOptions({ config, today: date }), history: noHistory });
    const page = data.entities.find((e) => e.id === 'self-serve-onboarding')!.bet!;
    expect(inReview.confidence).toBe('off-track');
    expect(page.confidence).toBe(inReview.confidence);
    expect(page.checkIns.at(-1)!.date).toBe(inReview.lastCheckIn);
    // The next day both read the new one.
    const next = buildHandbookData((await lint(root, { today: '2026-11-22' })).model, { ...handbookOptions({ config, today: '2026-11-22' }), history: noHistory });
    expect(next.entities.find((e) => e.id === 'self-serve-onboarding')!.bet!.confidence).toBe('on-track');
  });
});
