// `opmodel review`: the weekly operating review agenda on the example model at two dates, the SLA
// reading that decides what is overdue, and the ten-item cap per section.
import { afterAll, describe, expect, it } from 'vitest';
import { quarterEnd, slaDue } from '../dist/model/domain/review.js';
import { cleanTemp, copyOfExample, repoRoot, runCli, writeFile } from './helpers.js';

afterAll(cleanTemp);

type Agenda = Record<string, { items: Record<string, unknown>[]; more: number } | unknown>;
const review = (root: string, date: string) => {
  const run = runCli(['review', '--as-of', date, '--format', 'json'], root);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Agenda & { version: number; asOf: string; week: { start: string; end: string } };
};
const items = (agenda: Agenda, key: string) => (agenda[key] as { items: Record<string, unknown>[] } | undefined)?.items ?? [];
const headings = (markdown: string) => markdown.split('\n').filter((l) => l.startsWith('## '));

describe('opmodel review on the example model', () => {
  it('as of 2026-11-21: the off-track bet with its numbers, its harm signals and pivot, the decision past its SLA, the week’s cadences', () => {
    const agenda = review(repoRoot, '2026-11-21');
    expect(agenda.version).toBe(1);
    expect(agenda.week).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(items(agenda, 'bets')).toEqual([
      {
        bet: 'self-serve-onboarding',
        title: 'A new location is live in a day, without talking to us',
        file: 'model/bets/self-serve-onboarding.md',
        reasons: ['off-track'],
        lastCheckIn: '2026-11-16',
        confidence: 'off-track',
        indicators: [
          { metric: 'new-location-activation', value: 39, baseline: 38, goal: 55 },
          { metric: 'trial-to-paid-conversion', value: 11.3, baseline: 11, goal: 14 },
        ],
      },
    ]);
    expect(items(agenda, 'harmSignals').map((h) => [h.bet, h.date])).toEqual([
      ['self-serve-onboarding', '2026-11-16'],
      ['self-serve-onboarding', '2026-11-16'],
    ]);
    expect(items(agenda, 'proposals').map((p) => [p.bet, p.next])).toEqual([['self-serve-onboarding', 'pivot']]);
    expect(items(agenda, 'decisions').map((d) => [d.id, d.decidedBy, d.sla, d.due, d.overdue])).toEqual([['guided-set-up-for-groups', 'growth', '2 business days', '2026-11-19', true]]);
    expect(items(agenda, 'cadences').map((c) => [c.id, c.date, c.time])).toEqual([
      ['weekly-operating-review', '2026-11-17', '09:30'],
      ['delivery-checkpoint', '2026-11-20', '14:00'],
    ]);
    // Nothing is past review and no quarter has ended: those sections are left out.
    expect(agenda.pastReview).toBeUndefined();
    expect(agenda.quarterEnded).toBeUndefined();

    const markdown = runCli(['review', '--as-of', '2026-11-21'], repoRoot).stdout;
    expect(headings(markdown)).toEqual(['## Bets to discuss', '## Harm signals this week', '## Bets proposing a change', '## Decisions waiting', '## Cadences this week']);
    expect(markdown).toContain('`new-location-activation`: 39 against a goal of 55 (from 38)');
    expect(markdown).toContain('**past its SLA** of 2 business days (due 19 November)');
  });

  it('as of 2027-01-06: every active bet is due a check-in, the 2026-Q4 bets are over, the first-Wednesday incident review meets', () => {
    const agenda = review(repoRoot, '2027-01-06');
    expect(items(agenda, 'bets').map((b) => [b.bet, b.reasons, b.lastCheckIn])).toEqual([
      ['payroll-connectors', ['check-in due'], '2026-11-16'],
      ['self-serve-onboarding', ['check-in due', 'off-track'], '2026-11-16'],
      ['shift-swap-marketplace', ['check-in due'], '2026-11-16'],
    ]);
    expect(agenda.harmSignals).toBeUndefined();
    expect(items(agenda, 'quarterEnded').map((b) => [b.bet, b.status])).toEqual([
      ['clock-in-kiosk', 'paused'],
      ['payroll-connectors', 'active'],
      ['self-serve-onboarding', 'active'],
      ['shift-swap-marketplace', 'active'],
    ]);
    expect(items(agenda, 'cadences').map((c) => [c.id, c.date])).toEqual([
      ['weekly-operating-review', '2027-01-05'],
      ['incident-review', '2027-01-06'],
      ['delivery-checkpoint', '2027-01-08'],
    ]);
    const markdown = runCli(['review', '--as-of', '2027-01-06'], repoRoot).stdout;
    expect(markdown).toContain('- **Shift swaps that do not need the manager** (`shift-swap-marketplace`): check-in due (last 16 November 2026)');
    expect(markdown).toContain('2026-Q4 is over and the bet is still active');
  });

  it('says a bad date is a usage error (exit 2)', () => {
    expect(runCli(['review', '--as-of', '21/11/2026'], repoRoot).status).toBe(2);
    expect(runCli(['review', '--format', 'html'], repoRoot).status).toBe(2);
  });
});

describe('reading an SLA', () => {
  it.each([
    ['2 business days', '2026-11-17', '2026-11-19'],
    ['5 Business Days', '2026-11-20', '2026-11-27'],
    ['1 business day', '2026-11-20', '2026-11-23'],
    ['10 days', '2026-11-20', '2026-11-30'],
    ['1 day', '2026-12-31', '2027-01-01'],
    ['2 weeks', '2026-11-20', '2026-12-04'],
    ['4 hours', '2026-11-20', '2026-11-21'],
    ['48 HOURS', '2026-11-20', '2026-11-22'],
    ['15 minutes', '2026-11-20', null],
    ['by the next board meeting', '2026-11-20', null],
    ['a few days', '2026-11-20', null],
    ['', '2026-11-20', null],
  ])('%j from %s is due by %s', (sla, from, due) => {
    expect(slaDue(sla, from)).toBe(due);
  });

  it('knows the last day of each quarter', () => {
    expect(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2024-Q1', 'Q4'].map(quarterEnd)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31', '2024-03-31', null]);
  });
});

describe('a long section', () => {
  it('lists ten items and says how many more there are', () => {
    const root = copyOfExample();
    for (let n = 1; n <= 12; n++) {
      writeFile(
        root,
        `model/decisions/renewal-discount-${n}.md`,
        `---\ntitle: Renewal discount for group ${n}\ndecision: Offer a renewal discount above 15%\ndecided_by: cro\ndate: 2026-11-${String(n + 5).padStart(2, '0')}\nstatus: proposed\nconsulted:\n  - head-of-customer-success\n---\n\nThe group asks for 20% off at renewal.\n`,
      );
    }
    const agenda = review(root, '2026-11-21') as Agenda;
    const decisions = agenda.decisions as { items: { id: string; overdue: boolean }[]; more: number };
    expect(decisions.items).toHaveLength(10);
    expect(decisions.more).toBe(3);
    // Those past their SLA come first.
    expect(decisions.items.every((d) => d.overdue)).toBe(true);
    expect(runCli(['review', '--as-of', '2026-11-21'], root).stdout).toContain('- …and 3 more\n');
  });
});
