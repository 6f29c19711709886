// `opmodel diff` names new and changed decision records and check-ins, on a real git repository.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, runCli, writeFile } from './helpers.js';

afterAll(cleanTemp);

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

describe('opmodel diff on decision records and check-ins', () => {
  it('says who decided what, superseding which record, and what a check-in proposes', () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'v1');
    writeFile(
      root,
      'model/decisions/change-list-prices.md',
      '---\ntitle: Change list prices\ndecision: Change list prices or plan packaging\ndecided_by: cro\ndate: 2026-11-25\nsupersedes:\n  - connectors-in-the-pro-plan\nconsulted:\n  - cpo\n  - growth\n  - head-of-customer-success\n---\n\nPro goes up by £5 instead of £10.\n',
    );
    writeFile(
      root,
      'model/check-ins/self-serve-onboarding-2026-11-23.md',
      '---\nbet: self-serve-onboarding\ndate: 2026-11-23\nconfidence: off-track\nindicators:\n  - metric: new-location-activation\n    value: 38\n  - metric: trial-to-paid-conversion\n    value: 11.2\nnext: pivot\n---\n\nNo change while the guided set-up waits for its decision.\n',
    );
    const waiting = join(root, 'model/decisions/guided-set-up-for-groups.md');
    writeFileSync(waiting, readFileSync(waiting, 'utf8').replace('status: proposed', 'status: decided'));
    const run = runCli(['diff', 'main'], root);
    expect(run.status, run.stderr).toBe(0);
    const section = run.stdout.split('#### Decisions and check-ins\n')[1]!.trim().split('\n\n')[0]!.split('\n');
    expect(section).toEqual([
      '- New check-in: *A new location is live in a day, without talking to us*: off-track, proposes pivot (2026-11-23).',
      '- New decision record *Change list prices* under “Change list prices or plan packaging”: decided by `cro` on 2026-11-25, superseding *Include payroll connectors in the Pro plan*.',
      '- Changed decision record *Guided set-up for groups of five or more locations* under “Change the sign-up, trial or onboarding flow”: decided by `growth` on 2026-11-17.',
    ]);
    // Said once: not again under Entities.
    expect(run.stdout).not.toContain('**Change list prices**');
    const json = JSON.parse(runCli(['diff', 'main', '--format', 'json'], root).stdout) as { records: { id: string; change: string }[] };
    expect(json.records.map((r) => [r.id, r.change])).toEqual([
      ['self-serve-onboarding-2026-11-23', 'added'],
      ['change-list-prices', 'added'],
      ['guided-set-up-for-groups', 'changed'],
    ]);
  });
});
