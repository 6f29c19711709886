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
