// The handbook runs the operating model (SPEC §6, last bullets): each bet's indicator charts over its
// check-ins, decision records with what superseded them, matrix rows linking their records, and the
// "This week" agenda — checked on the handbook's data for the example model and for small edits of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indicatorChart } from '../../src/site/chart.js';
import { buildHandbookData } from '../../src/site/handbook.js';
import type { HandbookData, HandbookEntity } from '../../src/site/handbook-data.js';
import { loadRepo } from './helpers.js';
import { cleanTemp, copyOfExample, repoRoot, runCli, tempDir, testToday, writeFile } from '../helpers.js';

const noHistory = { state: 'unavailable' as const, prefix: '', lastUpdated: new Map<string, string>(), commits: [] };
const build = async (root: string, today = testToday) => buildHandbookData(await loadRepo(root), { today, history: noHistory });
const find = (data: HandbookData, id: string): HandbookEntity => {
  const found = data.entities.find((entity) => entity.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};

let data: HandbookData;
beforeAll(async () => {
  data = await build(repoRoot);
});
afterAll(cleanTemp);

describe('a bet page charts its leading indicators over its check-ins', () => {
  test('one point per check-in, oldest first, with the value the check-in gives', () => {
    const bet = find(data, 'self-serve-onboarding').bet!;
    const checkIns = data.entities.filter((e) => e.kind === 'check-in' && e.data.bet === 'self-serve-onboarding');
    expect(bet.checkIns.map((c) => c.date)).toEqual(checkIns.map((c) => String(c.data.date)).sort());
    const chart = bet.charts.find((c) => c.metric === 'new-location-activation')!;
    expect(chart.points.map((p) => p.date)).toEqual(bet.checkIns.map((c) => c.date));
    for (const point of chart.points) {
      const checkIn = find(data, point.checkIn);
      expect(point.value).toBe((checkIn.data.indicators as { metric: string; value: number }[]).find((i) => i.metric === 'new-location-activation')!.value);
    }
    expect(bet.charts.map((c) => c.metric)).toEqual(['new-location-activation', 'trial-to-paid-conversion']);
  });

  test('baseline and goal are lines at their values: a value equal to one sits on it, a higher value higher up', () => {
    const chart = find(data, 'self-serve-onboarding').bet!.charts.find((c) => c.metric === 'new-location-activation')!;
    expect([chart.baseline, chart.goal]).toEqual([38, 55]);
    // SVG y grows downwards: the goal (55) is above the baseline (38).
    expect(chart.goalY!).toBeLessThan(chart.baselineY!);
    const atBaseline = chart.points.filter((p) => p.value === 38);
    expect(atBaseline.length).toBeGreaterThan(0);
    for (const p of atBaseline) expect(p.y).toBe(chart.baselineY);
    for (const p of chart.points) expect(p.y).toBeGreaterThanOrEqual(chart.goalY!);
    const xs = chart.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(chart.plot.left);
    expect(xs.at(-1)).toBe(chart.plot.right);
  });

  test('the labels "goal" and "baseline" sit right of the plot, where no point is, and never on top of each other', () => {
    const chart = find(data, 'self-serve-onboarding').bet!.charts.find((c) => c.metric === 'new-location-activation')!;
    for (const p of chart.points) expect(p.x).toBeLessThan(chart.plot.right + 1);
    // Level with their lines when the lines are far apart (the text's baseline a little below).
    expect(chart.goalLabelY! - chart.goalY!).toBeGreaterThan(0);
    expect(chart.goalLabelY! - chart.goalY!).toBeLessThan(8);
    expect(chart.baselineLabelY! - chart.baselineY!).toBeLessThan(8);
    // Close lines: a goal just above the baseline still gets two readable rows.
    const close = indicatorChart('m', 100, 101, [{ date: '2026-11-02', value: 0, checkIn: 'a' }, { date: '2026-11-09', value: 100, checkIn: 'b' }]);
    expect(close.baselineY! - close.goalY!).toBeLessThan(5);
    expect(close.baselineLabelY! - close.goalLabelY!).toBeGreaterThanOrEqual(12);
  });

  test('the latest confidence is the newest check-in’s, and a check-in is titled by its bet and date', () => {
    const bet = find(data, 'self-serve-onboarding');
    const newest = bet.bet!.checkIns.at(-1)!;
    expect(bet.bet!.confidence).toBe(find(data, newest.id).data.confidence);
    expect(bet.bet!.confidence).toBe('off-track');
    expect(find(data, newest.id).title).toBe(`${bet.title}, ${newest.date}`);
  });

  test('a goal below the baseline (a number to bring down) is drawn below it', async () => {
    const root = copyOfExample();
    writeFile(root, 'model/bets/faster-support.md', `---
title: Answer support tickets faster
status: active
owner: growth
quarter: 2026-Q4
leading_indicators:
  - metric: new-location-activation
    target: from 20 hours to 4
    baseline: 20
    goal: 4
non_goals: [A chatbot]
---
`);
    writeFile(root, 'model/check-ins/faster-support-2026-11-02.md', '---\nbet: faster-support\ndate: 2026-11-02\nconfidence: at-risk\nindicators:\n  - metric: new-location-activation\n    value: 20\n---\n');
    writeFile(root, 'model/check-ins/faster-support-2026-11-09.md', '---\nbet: faster-support\ndate: 2026-11-09\nconfidence: on-track\nindicators:\n  - metric: new-location-activation\n    value: 4\n---\n');
    const bet = find(await build(root), 'faster-support').bet!;
    const [chart] = bet.charts;
    expect(chart!.goalY!).toBeGreaterThan(chart!.baselineY!);
    expect(chart!.points.map((p) => p.y)).toEqual([chart!.baselineY, chart!.goalY]);
    expect(bet.confidence).toBe('on-track');
  });

  test('a bet without check-ins has no chart and no confidence', () => {
    const proposed = data.entities.find((e) => e.bet && e.bet.checkIns.length === 0)!;
    expect(proposed.bet!.charts).toEqual([]);
    expect(proposed.bet!.confidence).toBeNull();
  });
});

describe('decision records', () => {
  test('what superseded a record is derived from the newer record’s `supersedes`', () => {
    const supersededBy = (id: string) => find(data, id).decision!.supersededBy;
    expect(find(data, 'connectors-in-the-pro-plan').decision!.supersedes).toEqual(['payroll-add-on-per-location-pricing']);
    expect(supersededBy('payroll-add-on-per-location-pricing')).toEqual(['connectors-in-the-pro-plan']);
    expect(supersededBy('payroll-add-on-per-worker-pricing')).toEqual(['payroll-add-on-per-location-pricing']);
    expect(supersededBy('connectors-in-the-pro-plan')).toEqual([]);
  });

  test('a record links to the matrix row it was taken under', () => {
    const record = find(data, 'connectors-in-the-pro-plan').decision!;
    expect(record.row).not.toBeNull();
    const row = find(data, record.row!.entity).matrices!.flatMap((m) => m.rows).find((r) => r.anchor === record.row!.anchor)!;
    expect(row.decision).toBe(record.right);
  });

  test('each matrix row lists the records taken under it, newest first', () => {
    const rows = data.entities.flatMap((e) => e.matrices ?? []).flatMap((m) => m.rows);
    const pricing = rows.find((r) => r.decision === 'Change list prices or plan packaging')!;
    const records = data.entities.filter((e) => e.kind === 'decision' && e.data.decision === pricing.decision);
    expect(records.length).toBe(3);
    expect(pricing.records).toEqual([...records].sort((a, b) => String(b.data.date).localeCompare(String(a.data.date))).map((e) => e.id));
    const linked = rows.flatMap((r) => r.records);
    expect(new Set(linked).size).toBe(linked.length);
  });

  test('a record matches its row by text whatever the case and surrounding spaces', async () => {
    const root = copyOfExample();
    writeFile(root, 'model/decisions/annual-plan-discount.md', `---
title: Ten percent off annual plans
decision: "  change LIST prices or plan packaging "
decided_by: cro
date: 2026-11-21
---
`);
    const result = await build(root);
    const pricing = result.entities.flatMap((e) => e.matrices ?? []).flatMap((m) => m.rows).find((r) => r.decision === 'Change list prices or plan packaging')!;
    expect(pricing.records[0]).toBe('annual-plan-discount');
    expect(find(result, 'annual-plan-discount').decision!.row?.anchor).toBe(pricing.anchor);
  });

  test('the decision log and check-ins are sections of the navigation, and so is This week', () => {
    expect(data.sections.map((s) => s.slug)).toEqual(expect.arrayContaining(['decisions', 'check-ins', 'this-week']));
    expect(find(data, 'connectors-in-the-pro-plan').path).toBe('decisions/connectors-in-the-pro-plan/');
  });
});

describe('This week', () => {
  test.each(['2026-11-21', '2026-10-07'])('as of %s, the agenda is the one `opmodel review` gives', async (date) => {
    const run = runCli(['review', '--as-of', date, '--format', 'json'], repoRoot);
    expect(run.status, run.stderr).toBe(0);
    const { version: _version, ...agenda } = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify((await build(repoRoot, date)).agenda))).toEqual(agenda);
  });
});

describe('the built pages', () => {
  let out: string;
  const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
  const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
  beforeAll(() => {
    out = join(tempDir('opmodel-operate-site-'), 'site');
    const run = runCli(['build', '--as-of', testToday, '--out', out], repoRoot);
    expect(run.status, run.stderr).toBe(0);
  }, 120_000);

  test('This week has the sections `opmodel review` gives for the build’s date, in its order', () => {
    const review = runCli(['review', '--as-of', testToday], repoRoot);
    const headings = review.stdout.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
    expect(headings.length).toBeGreaterThan(2);
    expect(all(html('this-week'), /<h2 id="[\w-]+">([^<]+)<\/h2>/g).filter((h) => h !== 'Search')).toEqual(headings);
    expect(html('this-week')).toContain('Saturday, 21 November 2026');
  });

  test('a bet page draws each indicator as an SVG line with its numbers in a table', () => {
    const page = html('bets/self-serve-onboarding');
    const bet = find(data, 'self-serve-onboarding').bet!;
    const lines = all(page, /<polyline points="([^"]+)"/g);
    expect(lines).toHaveLength(bet.charts.length);
    expect(lines[0]!.split(' ')).toHaveLength(bet.checkIns.length);
    expect(all(page, /<caption id="chart-\d+-table">([^<]+)/g)[0]).toContain('baseline 38; goal 55');
    expect(page).toMatch(/<th scope="row"><a href="\/check-ins\/self-serve-onboarding-2026-11-16\/"><time datetime="2026-11-16">/);
  });

  test('a matrix row links the records taken under it, and a record links back to the row', () => {
    const record = find(data, 'connectors-in-the-pro-plan');
    const matrix = find(data, record.decision!.row!.entity);
    expect(html(matrix.path)).toContain(`href="/${record.path}"`);
    expect(html(record.path)).toContain(`href="/${matrix.path}#${record.decision!.row!.anchor}"`);
    expect(html(`decisions/payroll-add-on-per-location-pricing`)).toContain('Superseded by');
  });
});
