// `opmodel diff` on a real git repository: decision rights, bets and entities between revisions.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, runCli, writeFile } from './helpers.js';

afterAll(cleanTemp);

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

describe('opmodel diff', () => {
  const root = copyOfExample();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'v1');
  const dir = join(root, 'model/decision-rights');
  const file = join(dir, readdirSync(dir).sort()[0]!);
  const text = readFileSync(file, 'utf8');
  // Swap the first data row's decider: find its D/A letter and move it to another column.
  const rows = text.split('\n').filter((l) => l.startsWith('|'));
  const header = rows[0]!.split('|').map((c) => c.trim());
  const row = rows[2]!;
  const cells = row.split('|').map((c) => c.trim());
  const scheme = /scheme: (RACI|RAPID)/.exec(text)?.[1] ?? 'DCI';
  const deciderLetter = scheme === 'RACI' ? 'A' : 'D';
  const from = cells.indexOf(deciderLetter);
  const to = cells.findIndex((c, i) => i > 1 && i !== from && header[i] && !['sla', 'escalation'].includes(header[i]!.toLowerCase()) && c === '');
  const target = to === -1 ? cells.findIndex((c, i) => i > 1 && i !== from && !['sla', 'escalation', ''].includes(header[i]!.toLowerCase()) && c !== deciderLetter) : to;
  const newCells = [...cells];
  newCells[from] = '';
  newCells[target] = deciderLetter;
  writeFileSync(file, text.replace(row, newCells.join(' | ').trim()));
  const bet = join(root, 'model/bets/self-serve-onboarding.md');
  writeFileSync(bet, readFileSync(bet, 'utf8').replace(/^status: \w+/m, 'status: killed'));
  writeFile(root, 'model/roles/data-steward.md', '---\ntitle: Data steward\n---\n\nKeeps metric definitions honest.\n');
  git('commit', '-qam', 'v2');
  git('add', '.');
  git('commit', '-qm', 'v2 role');

  it('reports a moved decider, a bet status change and an added entity between two revisions', () => {
    const run = runCli(['diff', 'HEAD~2', 'HEAD', '--format', 'json'], root);
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout);
    const decision = cells[1]!;
    expect(diff.decisions).toContainEqual(expect.objectContaining({ decision, change: 'changed' }));
    const moved = diff.decisions.find((d: { decision: string }) => d.decision === decision);
    expect(moved.changes).toContainEqual({ field: 'decides', before: header[from], after: header[target] });
    expect(diff.bets).toContainEqual(expect.objectContaining({ id: 'self-serve-onboarding', from: 'active', to: 'killed' }));
    expect(diff.added).toContainEqual(expect.objectContaining({ id: 'data-steward', kind: 'role' }));
  });

  it('prints Markdown for a pull-request comment, and compares with the work tree by default', () => {
    const run = runCli(['diff', 'HEAD~2'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Who decides *${cells[1]}* moves from \`${header[from]}\` to \`${header[target]}\`.`);
    expect(runCli(['diff', 'HEAD'], root).stdout).toContain('No change to the model.');
  });

  it('takes DIR as the second argument when it is a folder, and refuses an unknown revision', () => {
    expect(runCli(['diff', 'HEAD~1', root, '--format', 'json'], '/').status).toBe(0);
    const bad = runCli(['diff', 'no-such-branch'], root);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'no-such-branch' is not a git revision");
  });
});

describe('opmodel diff after opmodel rename', () => {
  it('names the rename, not a removed and an added entity; the references it rewrote are changes', () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'v1');
    expect(runCli(['rename', 'self-serve-onboarding', 'guided-onboarding'], root).status).toBe(0);
    const diff = JSON.parse(runCli(['diff', 'HEAD', '--format', 'json'], root).stdout);
    expect(diff.renamed).toEqual([{ from: expect.objectContaining({ id: 'self-serve-onboarding', kind: 'bet' }), to: expect.objectContaining({ id: 'guided-onboarding', kind: 'bet', file: 'model/bets/guided-onboarding.md' }) }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.bets).toEqual([]);
    // Its check-ins now point at the new id: they changed (a field), they were not added.
    expect(diff.changed.map((c: { id: string }) => c.id)).toContain('self-serve-onboarding-2026-11-16');
    const markdown = runCli(['diff', 'HEAD'], root).stdout;
    expect(markdown).toContain('- Renamed bet **A new location is live in a day, without talking to us**: `self-serve-onboarding` is now `guided-onboarding`');
    expect(markdown).not.toContain('Removed bet');
  });

  it('still calls a file moved with its fields edited an added and a removed entity', () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'v1');
    const text = readFileSync(join(root, 'model/roles/cpo.md'), 'utf8');
    writeFileSync(join(root, 'model/roles/chief-product.md'), text.replace(/^title: .*$/m, 'title: Chief product'));
    execFileSync('rm', [join(root, 'model/roles/cpo.md')]);
    const diff = JSON.parse(runCli(['diff', 'HEAD', '--format', 'json'], root).stdout);
    expect(diff.renamed).toEqual([]);
    expect(diff.removed).toContainEqual(expect.objectContaining({ id: 'cpo' }));
    expect(diff.added).toContainEqual(expect.objectContaining({ id: 'chief-product' }));
  });
});
