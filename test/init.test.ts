// `opmodel init` in a repository that already has some of its files: it writes the rest, overwrites
// nothing, and says what it skipped (the workflow, the .gitignore and what that one lacks).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, runCli, tempDir, writeFile } from './helpers.js';

afterAll(cleanTemp);

describe('opmodel init next to existing files', () => {
  it('keeps an existing workflow and .gitignore byte for byte, and says which lines the .gitignore lacks', () => {
    const root = tempDir();
    const ownWorkflow = 'name: ours\non: push\njobs: {}\n';
    const ownIgnore = '/node_modules\n*.log\n';
    writeFile(root, '.github/workflows/opmodel.yml', ownWorkflow);
    writeFile(root, '.gitignore', ownIgnore);
    const run = runCli(['init'], root);
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, '.github/workflows/opmodel.yml'), 'utf8')).toBe(ownWorkflow);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe(ownIgnore);
    expect(run.stdout).toContain('Left as they were:\n  .github/workflows/opmodel.yml (already exists)\n  .gitignore (already exists; add _site/ .opmodel-cache/ to it)\n');
    expect(run.stdout).toContain('  model/operating-model.md\n');
  });

  it('writes a .gitignore that keeps node_modules, the built site and the cache out of git', () => {
    const root = tempDir();
    expect(runCli(['init'], root).status).toBe(0);
    const lines = readFileSync(join(root, '.gitignore'), 'utf8').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['node_modules/', '_site/', '.opmodel-cache/']));
  });

  it('dates the starter model by the same today as lint, so it lints clean on any date', () => {
    for (const today of ['2026-01-01', '2026-02-28', '2026-03-31', '2028-02-29', '2031-12-31']) {
      const root = tempDir();
      expect(runCli(['init'], root, { OPMODEL_TODAY: today }).status).toBe(0);
      const model = readFileSync(join(root, 'model/operating-model.md'), 'utf8');
      const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
      expect(model).toContain(`quarter: ${quarter}\n`);
      const lint = runCli(['lint', '--max-warnings', '0'], root, { OPMODEL_TODAY: today });
      expect(lint.status, lint.stdout).toBe(0);
    }
  });
});

describe('the starter model', () => {
  it('has one of each kind, a check-in of the active bet and a decision under its matrix, all dated --as-of', () => {
    const root = tempDir();
    const today = '2027-05-04';
    expect(runCli(['init', '--as-of', today], root, { OPMODEL_TODAY: '2026-11-21' }).status).toBe(0);
    const folders = readdirSync(join(root, 'model'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders).toEqual(['assessments', 'bets', 'cadences', 'check-ins', 'context', 'decision-rights', 'decisions', 'guardrails', 'metrics', 'roles', 'teams']);
    const checkIn = readFileSync(join(root, `model/check-ins/first-bet-${today}.md`), 'utf8');
    expect(checkIn).toContain('bet: first-bet\n');
    expect(checkIn).toContain(`date: ${today}\n`);
    const decision = readFileSync(join(root, 'model/decisions/add-first-bet-to-the-quarter.md'), 'utf8');
    const matrix = readFileSync(join(root, 'model/decision-rights/product-decisions.md'), 'utf8');
    expect(decision).toContain(`date: ${today}\n`);
    // taken under a row of the starter's matrix, by the role that row marks D
    expect(matrix).toContain('| Add a bet to the quarter | 5 business days | cpo | D | C |');
    expect(decision).toContain('decision: Add a bet to the quarter\ndecided_by: cpo\n');
    expect(readFileSync(join(root, 'model/bets/first-bet.md'), 'utf8')).toMatch(/status: active\n[\s\S]*baseline: 120 [\s\S]*goal: 180 /);
    expect(readFileSync(join(root, 'model/assessments/first-self-assessment.md'), 'utf8')).toContain(`date: ${today}\n`);
    const lint = runCli(['lint', '--max-warnings', '0', '--as-of', today], root);
    expect(lint.status, lint.stdout).toBe(0);
  });

  it('scores its self-assessment over fifteen statements, three per category, healthy and with no weak category', () => {
    const root = tempDir();
    expect(runCli(['init'], root).status).toBe(0);
    const run = runCli(['assess', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as { max: number; band: string; weakCategories: string[]; categories: { max: number }[] };
    expect({ max: report.max, band: report.band, weak: report.weakCategories, perCategory: report.categories.map((c) => c.max) }).toEqual({ max: 45, band: 'healthy', weak: [], perCategory: [9, 9, 9, 9, 9] });
  });

  it('refuses an --as-of that is not a date', () => {
    const run = runCli(['init', '--as-of', '2027-02-30'], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as-of takes a date written YYYY-MM-DD');
  });
});
