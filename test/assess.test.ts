// `opmodel assess` and the `assessment` rule: the fifteen-statement template can flag a weak
// category, default bands scale with the statements scored (config bands do not), and each team's
// latest assessment is judged beside the company-wide one.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, runCli, writeFile } from './helpers.js';

afterAll(cleanTemp);

const categories = ['strategy', 'execution', 'operations', 'tooling', 'talent'];

/** An assessment file scoring `scores` in turn, categories taken round-robin. */
function assessmentFile(title: string, date: string, scores: number[], team?: string): string {
  const rows = scores.map((score, i) => `  - statement: Statement ${i + 1} of the ${title}\n    category: ${categories[i % 5]}\n    score: ${score}\n`);
  return `---\ntitle: ${title}\n${team ? `team: ${team}\n` : ''}date: ${date}\nscores:\n${rows.join('')}---\n\nScored together.\n`;
}

interface Report {
  assessment: { file: string; team: string | null } | null;
  total: number;
  band: string;
  thresholds: { healthy: number; drift: number; absolute: boolean };
  weakCategories: string[];
  previous: { file: string } | null;
  teams: (Report & { team: string })[];
}

function assess(root: string): Report {
  const run = runCli(['assess', '--format', 'json'], root);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

function assessmentFindings(root: string): { file: string; message: string }[] {
  const run = runCli(['lint', '--format', 'json'], root);
  return (JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; message: string }[] }).diagnostics.filter((d) => d.rule === 'assessment');
}

describe('the assessment template', () => {
  it('has three statements per category, so an unscored one names every category weak', () => {
    const root = copyOfExample();
    expect(runCli(['new', 'assessment', 'Q4 self-assessment'], root).status).toBe(0);
    const text = readFileSync(join(root, 'model/assessments/q4-self-assessment.md'), 'utf8');
    for (const category of categories) expect(text.split(`category: ${category}\n`)).toHaveLength(4);
    const report = assess(root);
    expect(report.assessment!.file).toBe('model/assessments/q4-self-assessment.md');
    expect({ total: report.total, band: report.band, weak: report.weakCategories }).toEqual({ total: 0, band: 'intervention-overdue', weak: categories });
    const [finding, ...more] = assessmentFindings(root);
    expect(more).toEqual([]);
    expect(finding!.message).toContain('Weak: strategy, execution, operations, tooling, talent');
  });
});

describe('bands', () => {
  // n statements scored: the default thresholds 18 and 12 scale by n/15, rounded down.
  for (const [n, healthy, drift] of [[15, 18, 12], [10, 12, 8], [5, 6, 4]] as const) {
    it(`scale to healthy ${healthy}, drift ${drift} for ${n} statements scored`, () => {
      for (const [total, band] of [[healthy, 'healthy'], [healthy - 1, 'structural-drift'], [drift, 'structural-drift'], [drift - 1, 'intervention-overdue']] as const) {
        const root = copyOfExample();
        // `total` points spread as evenly as they go over n statements
        const scores = Array.from({ length: n }, (_, i) => Math.min(3, Math.floor(total / n) + (i < total % n ? 1 : 0)));
        writeFile(root, 'model/assessments/2026-11-check.md', assessmentFile('November check', '2026-11-20', scores));
        const report = assess(root);
        expect({ total: report.total, band: report.band, thresholds: report.thresholds }).toEqual({ total, band, thresholds: { healthy, drift, absolute: false } });
        const text = runCli(['assess'], root).stdout;
        expect(text).toContain(`below ${drift} intervention-overdue · below ${healthy} structural-drift · ${healthy}+ healthy (the defaults for ${n} statements`);
      }
    });
  }

  it('take thresholds set in the config as they are, whatever the number of statements', () => {
    const root = copyOfExample();
    writeFile(root, 'opmodel.config.yaml', 'rules:\n  assessment: [warning, { healthy: 18, drift: 12 }]\n');
    writeFile(root, 'model/assessments/2026-11-check.md', assessmentFile('November check', '2026-11-20', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]));
    const report = assess(root);
    expect({ total: report.total, band: report.band, thresholds: report.thresholds }).toEqual({ total: 20, band: 'healthy', thresholds: { healthy: 18, drift: 12, absolute: true } });
    writeFile(root, 'model/assessments/2026-11-check.md', assessmentFile('November check', '2026-11-20', [2, 2, 2, 2, 2, 2, 2, 1, 1, 1]));
    expect(assess(root).band).toBe('structural-drift');
    const [finding] = assessmentFindings(root);
    expect(finding!.message).toContain('totals 17 of 30: band structural-drift (healthy is 18 or more). Thresholds 18 and 12: set in the config.');
  });
});

describe('the latest assessment per team', () => {
  function model(): string {
    const root = copyOfExample();
    // Only the assessments written here: the example's own team assessment is left out.
    rmSync(join(root, 'model/assessments/2026-11-scheduling-self-assessment.md'));
    const fifteen = (score: number) => Array.from({ length: 15 }, () => score);
    writeFile(root, 'model/assessments/2026-04-self-assessment.md', assessmentFile('April company assessment', '2026-04-10', fifteen(1)));
    writeFile(root, 'model/assessments/2026-10-self-assessment.md', assessmentFile('October company assessment', '2026-10-02', fifteen(2)));
    writeFile(root, 'model/assessments/growth-june.md', assessmentFile('Growth June', '2026-06-05', fifteen(2), 'growth'));
    writeFile(root, 'model/assessments/growth-november.md', assessmentFile('Growth November', '2026-11-06', fifteen(1), 'growth'));
    writeFile(root, 'model/assessments/platform-september.md', assessmentFile('Platform September', '2026-09-01', [1, 1, 1, 1, 1, 2, 2, 2, 2, 2], 'platform'));
    writeFile(root, 'model/assessments/platform-march.md', assessmentFile('Platform March', '2026-03-01', [0, 0, 0, 0, 0], 'platform'));
    return root;
  }

  it('are reported company-wide first, then each team, each against its own previous one', () => {
    const root = model();
    const report = assess(root);
    // The company-wide report keeps the top level, as before there were team assessments.
    expect(report.assessment!.file).toBe('model/assessments/2026-10-self-assessment.md');
    expect({ total: report.total, band: report.band, previous: report.previous?.file }).toEqual({ total: 30, band: 'healthy', previous: 'model/assessments/2026-04-self-assessment.md' });
    expect(report.teams.map((t) => [t.team, t.assessment!.file, t.total, t.band, t.previous?.file])).toEqual([
      ['growth', 'model/assessments/growth-november.md', 15, 'structural-drift', 'model/assessments/growth-june.md'],
      ['platform', 'model/assessments/platform-september.md', 15, 'healthy', 'model/assessments/platform-march.md'],
    ]);
    const text = runCli(['assess'], root).stdout;
    const company = text.indexOf('October company assessment');
    const growth = text.indexOf('Team growth: Growth November');
    const platform = text.indexOf('Team platform: Platform September');
    expect(company).toBeGreaterThanOrEqual(0);
    expect(growth).toBeGreaterThan(company);
    expect(platform).toBeGreaterThan(growth);
  });

  it('are each judged by the rule: one finding per latest assessment in a bad band', () => {
    const root = model();
    const findings = assessmentFindings(root);
    expect(findings.map((f) => f.file)).toEqual(['model/assessments/growth-november.md']);
    expect(findings[0]!.message).toContain('The latest assessment of team growth totals 15 of 45: band structural-drift');
  });

  it('says when there is no company-wide assessment, and still reports the teams', () => {
    const root = model();
    writeFile(root, 'model/assessments/2026-04-self-assessment.md', assessmentFile('April', '2026-04-10', [3], 'growth'));
    writeFile(root, 'model/assessments/2026-10-self-assessment.md', assessmentFile('October', '2026-10-02', [3], 'growth'));
    const report = assess(root);
    expect(report.assessment).toBeNull();
    expect(report.teams.map((t) => t.team)).toEqual(['growth', 'platform']);
    expect(runCli(['assess'], root).stdout).toMatch(/^There is no company-wide assessment/);
  });
});
