// `opmodel new check-in BET` and `opmodel new decision TITLE`: a check-in prefilled from its bet,
// named <bet>-<today>, that lints as unfinished until the owner fills in the numbers.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, runCli } from './helpers.js';

afterAll(cleanTemp);

type Finding = { file: string; line: number; rule: string; message: string };
const findings = (root: string, file: string): Finding[] =>
  (JSON.parse(runCli(['lint', '--format', 'json'], root).stdout) as { diagnostics: Finding[] }).diagnostics.filter((d) => d.file === file);

describe('opmodel new check-in BET', () => {
  it("writes <bet>-<today> with the bet's leading indicators, and lints clean once the values and confidence are filled in", () => {
    const root = copyOfExample();
    const run = runCli(['new', 'check-in', 'shift-swap-marketplace', '--as-of', '2026-11-23'], root);
    expect(run.status, run.stderr).toBe(0);
    const file = 'model/check-ins/shift-swap-marketplace-2026-11-23.md';
    expect(run.stdout).toContain(`Created ${file}`);
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain('bet: shift-swap-marketplace\ndate: 2026-11-23\n');
    const metrics = [...text.matchAll(/- metric: (\S+)/g)].map((m) => m[1]);
    expect(metrics).toEqual(['self-service-swap-rate', 'weekly-confirmed-shifts', 'schedule-publish-lead-time']);
    expect(text).toContain('value: # the number on 2026-11-23 (goal 60, from 35)');
    // Unfilled: the confidence and each value are findings on their own lines.
    const open = findings(root, file);
    expect(open.map((f) => [f.line, f.rule])).toEqual([
      [4, 'schema'],
      [7, 'schema'],
      [9, 'schema'],
      [11, 'schema'],
    ]);
    let filled = text.replace('confidence: # on-track | at-risk | off-track', 'confidence: on-track');
    for (const value of [53, 171000, 5.9]) filled = filled.replace(/value: # [^\n]*/, `value: ${value}`);
    writeFileSync(join(root, file), filled);
    expect(findings(root, file)).toEqual([]);
  });

  it('takes today from OPMODEL_TODAY, and refuses a check-in that exists (exit 1) without touching it', () => {
    const root = copyOfExample();
    const first = runCli(['new', 'check-in', 'payroll-connectors'], root, { OPMODEL_TODAY: '2026-11-30' });
    expect(first.status, first.stderr).toBe(0);
    const file = join(root, 'model/check-ins/payroll-connectors-2026-11-30.md');
    writeFileSync(join(file), 'edited by hand');
    const again = runCli(['new', 'check-in', 'payroll-connectors'], root, { OPMODEL_TODAY: '2026-11-30' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("the id 'payroll-connectors-2026-11-30' is taken by model/check-ins/payroll-connectors-2026-11-30.md");
    expect(readFileSync(file, 'utf8')).toBe('edited by hand');
  });

  it('refuses a bet that does not exist (exit 1, did you mean) and writes nothing', () => {
    const root = copyOfExample();
    const before = readdirSync(join(root, 'model/check-ins')).length;
    const run = runCli(['new', 'check-in', 'self-serve-onbording'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("'self-serve-onbording' is not a bet id; did you mean 'self-serve-onboarding'?");
    expect(readdirSync(join(root, 'model/check-ins')).length).toBe(before);
    expect(runCli(['new', 'check-in'], root).status).toBe(2);
  });
});

describe('opmodel new check-in on a bet that cannot be read', () => {
  it('refuses (exit 1), names the bet file, and writes nothing', () => {
    const root = copyOfExample();
    const bet = join(root, 'model/bets/shift-swap-marketplace.md');
    const text = readFileSync(bet, 'utf8').split('\n');
    text.splice(text.indexOf('---', 1), 1);
    writeFileSync(bet, text.join('\n'));
    const before = readdirSync(join(root, 'model/check-ins')).sort();
    const run = runCli(['new', 'check-in', 'shift-swap-marketplace', '--as-of', '2026-11-23'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('model/bets/shift-swap-marketplace.md has errors');
    expect(run.stderr).toContain('Nothing was written.');
    expect(readdirSync(join(root, 'model/check-ins')).sort()).toEqual(before);
  });
});

describe('opmodel new decision TITLE', () => {
  it('dates the record by --as-of, as a check-in is', () => {
    const root = copyOfExample();
    const run = runCli(['new', 'decision', 'Move the pricing page to the new plans', '--as-of', '2026-12-10'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'model/decisions/move-the-pricing-page-to-the-new-plans.md'), 'utf8')).toMatch(/^date: 2026-12-10$/m);
  });

  it('writes a proposed decision record for today whose open fields are the findings', () => {
    const root = copyOfExample();
    const run = runCli(['new', 'decision', 'Raise the Pro plan price'], root);
    expect(run.status, run.stderr).toBe(0);
    const file = 'model/decisions/raise-the-pro-plan-price.md';
    expect(existsSync(join(root, file))).toBe(true);
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Raise the Pro plan price"\ndecision: #/);
    expect(text).toContain('date: 2026-11-21\nstatus: proposed');
    const lines = text.split('\n');
    const open = findings(root, file);
    expect(open.length).toBeGreaterThan(0);
    for (const f of open) expect(lines[f.line - 1]).toContain('#');
  });
});
