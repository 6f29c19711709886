// `lint --changed-since REF` in real git repositories: what it reports, where a cross-file finding
// lands (on the side the change touched), and what it says about what it checked.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, repoRoot, runCli, writeFile } from './helpers.js';

afterAll(cleanTemp);

const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

/** A copy of the example model committed on main, with a git runner for it. */
function repository() {
  const root = copyOfExample();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...identity } });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'model');
  return { root, git };
}

const lintJson = (root: string, ref = 'HEAD') => {
  const run = runCli(['lint', '--changed-since', ref, '--format', 'json'], root);
  return { ...run, document: JSON.parse(run.stdout) as { summary: { files: number; errors: number; warnings: number }; diagnostics: { file: string; line: number; rule: string; message: string }[] } };
};

/** A new page that records again a decision the product page records (test/pull-request/README.md). */
const pricingPage = readFileSync(join(repoRoot, 'test/pull-request/model/decision-rights/a-pricing.md'), 'utf8');

describe('lint --changed-since says what it checked', () => {
  it('with no model file changed, never claims a clean model: it names the old errors it did not show', () => {
    const { root, git } = repository();
    // Three old errors, committed: unknown owners in three bets.
    const bets = ['clock-in-kiosk', 'payroll-connectors', 'tip-pooling'];
    for (const bet of bets) {
      const file = join(root, 'model/bets', `${bet}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-here'));
    }
    git('commit', '-qam', 'old defects');
    const run = lintJson(root);
    expect(run.status).toBe(0);
    expect(run.document.diagnostics).toEqual([]);
    expect(run.stderr).toMatch(/^No model file changed since HEAD \(\d+ checked\)\. 3 errors in files this change did not touch were there before and are not shown; run `opmodel lint` to see them\.\n$/);
    expect(run.stderr).not.toMatch(/No problems/);
    // The stylish format says the same, after printing nothing.
    const stylish = runCli(['lint', '--changed-since', 'HEAD'], root);
    expect(stylish.stdout).toBe('');
    expect(stylish.stderr).toBe(run.stderr);
  });

  it('with a clean model and nothing changed, says that the whole model was checked', () => {
    const { root } = repository();
    const run = runCli(['lint', '--changed-since', 'HEAD'], root);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^No model file changed since HEAD \(91 checked\), and the whole model has no problems\.\n$/);
  });

  it('judges the model at REF by the same --as-of date, so dates passing are not "caused" by the change', () => {
    const { root } = repository();
    const late = runCli(['lint', '--as-of', '2031-01-01', '--format', 'json'], root);
    const overdue = JSON.parse(late.stdout).summary.warnings + JSON.parse(late.stdout).summary.errors;
    expect(overdue).toBeGreaterThan(0);
    const run = runCli(['lint', '--changed-since', 'HEAD', '--as-of', '2031-01-01', '--format', 'json'], root);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
    expect(run.stderr).toMatch(/^No model file changed since HEAD \(91 checked\)\. .* in files this change did not touch were there before and are not shown/);
  });

  it('counts the changed model files, deleted ones included, and how many it checked', () => {
    const { root, git } = repository();
    const guardrail = join(root, 'model/guardrails/fewer-settings.md');
    writeFileSync(guardrail, readFileSync(guardrail, 'utf8').replace(/\n$/, '\nOne more sentence of prose.\n'));
    git('rm', '-q', 'model/metrics/timesheet-approval-time.md');
    // Editing text outside the model folder is not a model change.
    writeFile(root, 'notes.md', 'scratch\n');
    const run = lintJson(root);
    const stylish = runCli(['lint', '--changed-since', 'HEAD'], root);
    // The deleted metric was referenced: those findings are new, and caused by the change.
    expect(stylish.stderr).toBe('Reported: findings in the 2 changed model files and new ones the change caused (90 model files checked).\n');
    expect(run.document.diagnostics.map((d) => d.file)).toEqual(['model/bets/clock-in-kiosk.md', 'model/teams/timesheets.md']);
    expect(run.status).toBe(1);
    // Put back, the prose edit alone is clean.
    git('checkout', '-q', 'HEAD', '--', 'model/metrics/timesheet-approval-time.md');
    expect(runCli(['lint', '--changed-since', 'HEAD'], root).stderr).toBe('✔ No problems in the 1 changed model file (91 model files checked).\n');
    // json stays one document on stdout; the note is on stderr only.
    expect(run.stdout.trim().startsWith('{')).toBe(true);
    expect(run.stdout).not.toMatch(/changed model file/);
  });
});

describe('a cross-file finding lands where the change touched the model', () => {
  it('a duplicated decision is reported at the new row, with the old row as its related place', () => {
    const { root } = repository();
    // "a-pricing" sorts before "product-decisions": the rule itself reports the later, old row.
    writeFile(root, 'model/decision-rights/a-pricing.md', pricingPage);
    const whole = JSON.parse(runCli(['lint', '--format', 'json'], root).stdout);
    expect(whole.diagnostics.map((d: { file: string }) => d.file)).toEqual(['model/decision-rights/product-decisions.md']);

    const run = lintJson(root);
    expect(run.status).toBe(1);
    expect(run.document.diagnostics).toEqual([
      {
        file: 'model/decision-rights/a-pricing.md',
        line: 11,
        column: 1,
        severity: 'error',
        rule: 'decision-duplicate',
        message: "'Change list prices or plan packaging' is already decided in model/decision-rights/product-decisions.md line 21: keep one row, so there is one answer to who decides.",
      },
    ]);
    const stylish = runCli(['lint', '--changed-since', 'HEAD'], root).stdout;
    expect(stylish).toContain('↳ model/decision-rights/product-decisions.md:21:1 first decided here');
    const sarif = JSON.parse(runCli(['lint', '--changed-since', 'HEAD', '--format', 'sarif'], root).stdout).runs[0].results[0];
    expect(sarif.locations[0].physicalLocation.artifactLocation.uri).toBe('model/decision-rights/a-pricing.md');
    expect(sarif.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('model/decision-rights/product-decisions.md');
  });

  it('a new role with a team\'s id: every finding it causes lands on the new file', () => {
    const { root } = repository();
    writeFile(root, 'model/roles/platform.md', '---\ntitle: Platform\nholder: Ana Lima\nreports_to: cpo\n---\n\nRuns the platform.\n');
    const whole = JSON.parse(runCli(['lint', '--format', 'json'], root).stdout);
    const untouched = whole.diagnostics.filter((d: { file: string }) => d.file !== 'model/roles/platform.md');
    expect(untouched.length).toBeGreaterThan(0);

    const run = lintJson(root);
    expect(run.status).toBe(1);
    expect(new Set(run.document.diagnostics.map((d) => d.file))).toEqual(new Set(['model/roles/platform.md']));
    // Every finding of the whole run is reported, none lost by the move.
    expect(run.document.diagnostics).toHaveLength(whole.diagnostics.length);
    const duplicate = run.document.diagnostics.find((d) => d.rule === 'id');
    expect(duplicate?.message).toBe("id 'platform' is already used by model/teams/platform.md: ids must be unique across the whole model; rename one of the files.");
    // A finding moved without naming its place says where it was made.
    for (const d of run.document.diagnostics.filter((x) => x.rule === 'ref')) expect(d.message).toMatch(/^model\/[a-z/-]+\.md line \d+: /);
  });

  it('an old duplicate stays unreported when the change touches neither side', () => {
    const { root, git } = repository();
    writeFile(root, 'model/decision-rights/a-pricing.md', pricingPage);
    git('add', '.');
    git('commit', '-qm', 'duplicate, committed');
    const guardrail = join(root, 'model/guardrails/fewer-settings.md');
    writeFileSync(guardrail, readFileSync(guardrail, 'utf8').replace(/\n$/, '\nMore prose.\n'));
    const run = lintJson(root);
    expect(run.status).toBe(0);
    expect(run.document.diagnostics).toEqual([]);
    expect(run.stderr).toMatch(/1 error in files this change did not touch was there before/);
    rmSync(join(root, 'model/decision-rights/a-pricing.md'));
  });
});
