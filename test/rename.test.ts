// `opmodel rename` on a copy of the example model in a real git repository: every reference moves
// with the id, nothing else in a file changes, the model lints as before, and a refusal or a
// failed write leaves every file as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, cliPath, copyOfExample, runCli, testToday, writeFile } from './helpers.js';
import { applyAllOrNothing } from '../dist/util/file-transaction.js';

afterAll(cleanTemp);

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: gitEnv });
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** What people write around a role: comments and quotes, links, an aligned matrix, a custom kind. */
const staffEngineer = `---
title: Staff engineer
holder: Yusuf Demir
team: platform   # hosted by Platform, works across teams
reports_to: "head-of-engineering" # until we hire a VP
github: '@ydemir'
---

Works across teams on the technical decisions that outlive a bet. Reports to the
[head of engineering](../roles/head-of-engineering.md#remit); the head-of-engineering
role page is [here](/model/roles/head-of-engineering.md) too.
`;

const platformDecisions = `---
title: Platform decisions
owner: 'head-of-engineering'
---

| Decision                         | SLA              | Escalation          | head-of-engineering | platform-lead | staff-engineer |
|----------------------------------|------------------|---------------------|:-------------------:|---------------|----------------|
| Adopt a new database technology  | 10 business days | ceo                 | D                   | C             | C              |
| Change the on-call rotation      | 5 business days  | head-of-engineering | I                   | D             | C              |
`;

const okrSchema = {
  type: 'object',
  required: ['title', 'owner'],
  additionalProperties: false,
  properties: {
    title: { type: 'string' },
    owner: { type: 'string', 'x-ref': ['role', 'team'] },
    contributors: { type: 'array', items: { type: 'string', 'x-ref': 'role' } },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

const okr = `---
title: Platform reliability
owner: head-of-engineering
contributors: [staff-engineer, head-of-engineering]   # flow style stays flow style
---

Keep the API fast while the connectors grow.
`;

/** A committed git repository: the example model plus the files above. */
function scenario(): string {
  const root = copyOfExample();
  writeFile(root, 'model/roles/staff-engineer.md', staffEngineer);
  writeFile(root, 'model/decision-rights/platform-decisions.md', platformDecisions);
  writeFile(root, 'opmodel.config.yaml', 'kinds:\n  okr: { folder: okrs, schema: schemas/custom/okr.schema.json }\n');
  writeFile(root, 'schemas/custom/okr.schema.json', `${JSON.stringify(okrSchema, null, 2)}\n`);
  writeFile(root, 'model/okrs/platform-reliability.md', okr);
  const role = join(root, 'model/roles/head-of-engineering.md');
  writeFileSync(role, `${readFileSync(role, 'utf8')}\n## Remit\n\nEngineering across all teams.\n`);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'model');
  return root;
}

function lintJson(root: string) {
  const run = runCli(['lint', '--format', 'json', '--as-of', testToday], root);
  return JSON.parse(run.stdout) as { summary: { errors: number; warnings: number }; diagnostics: { rule: string; file: string }[] };
}

/** Paths git sees changed, added or removed in the work tree (untracked files included). */
function changedPaths(root: string): string[] {
  git(root, 'add', '-A');
  const lines = git(root, 'diff', '--cached', '--name-status', '-M').trim();
  git(root, 'reset', '-q');
  return lines === '' ? [] : lines.split('\n').sort();
}

describe('opmodel rename', () => {
  it('renames a role everywhere it is referenced; the model lints as before and git shows only those files', () => {
    const root = scenario();
    const before = lintJson(root);
    expect(before.summary.errors).toBe(0);
    const mentioned = git(root, 'grep', '-lw', 'head-of-engineering').trim().split('\n');

    const run = runCli(['rename', 'head-of-engineering', 'vp-engineering-and-data'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = /^Renamed role `head-of-engineering` to `vp-engineering-and-data`: moved model\/roles\/head-of-engineering\.md to model\/roles\/vp-engineering-and-data\.md, updated (\d+) references in (\d+) files\.$/m.exec(run.stdout);
    expect(summary).not.toBeNull();

    const after = lintJson(root);
    expect(after.summary).toEqual(before.summary);
    expect(after.diagnostics.map((d) => d.rule)).toEqual(before.diagnostics.map((d) => d.rule));

    // Only files that named the role changed, and the role's file moved (git sees a rename).
    const changed = changedPaths(root);
    expect(changed.filter((c) => c.startsWith('R')).map((c) => c.split('\t').slice(1))).toEqual([['model/roles/head-of-engineering.md', 'model/roles/vp-engineering-and-data.md']]);
    for (const line of changed.filter((c) => !c.startsWith('R'))) expect(mentioned).toContain(line.split('\t')[1]);
    expect(changed.filter((c) => !c.startsWith('R')).length).toBe(Number(summary![2]));

    // What is left is only what rename said it left alone.
    const left = git(root, 'grep', '-nw', 'head-of-engineering').trim();
    const reported = /Left alone: .*\((.*)\)\./.exec(run.stdout)?.[1] ?? '';
    const remaining = left === '' ? [] : left.split('\n').map((l) => l.split(':').slice(0, 2).join(':'));
    expect(remaining.sort()).toEqual(reported === '' ? [] : reported.split(', ').sort());
    expect(remaining).toContain('model/roles/staff-engineer.md:10');

    // Comments, quotes and the layout of each line stay; links keep their anchors.
    expect(read(root, 'model/roles/staff-engineer.md')).toBe(
      staffEngineer
        .replace('reports_to: "head-of-engineering"', 'reports_to: "vp-engineering-and-data"')
        .replace('(../roles/head-of-engineering.md#remit)', '(../roles/vp-engineering-and-data.md#remit)')
        .replace('(/model/roles/head-of-engineering.md)', '(/model/roles/vp-engineering-and-data.md)'),
    );
    // A custom kind's x-ref fields, block and flow style.
    expect(read(root, 'model/okrs/platform-reliability.md')).toBe(okr.replace('owner: head-of-engineering', 'owner: vp-engineering-and-data').replace(', head-of-engineering]', ', vp-engineering-and-data]'));
    // Matrix headers and escalation cells: an unaligned table keeps its spacing...
    const product = read(root, 'model/decision-rights/product-decisions.md');
    expect(product).toContain('| Decision | SLA | Escalation | cpo | vp-engineering-and-data | cro |');
    expect(product).toContain('| Declare a Sev1 incident | 15 minutes | vp-engineering-and-data | I |');
    // ...and an aligned one stays aligned, its column widened for the longer id.
    const table = read(root, 'model/decision-rights/platform-decisions.md').split('\n').filter((l) => l.startsWith('|'));
    expect(table[0]).toContain('| vp-engineering-and-data |');
    expect(table[1]).toContain('|:-----------------------:|');
    expect(table[3]).toContain('| 5 business days  | vp-engineering-and-data | I                       | D             |');
    const pipes = (line: string) => [...line].flatMap((c, i) => (c === '|' ? [i] : []));
    for (const line of table) expect(pipes(line)).toEqual(pipes(table[0]!));
    expect(read(root, 'model/decision-rights/platform-decisions.md')).toContain("owner: 'vp-engineering-and-data'");
  });

  it('keeps an aligned matrix aligned when the new id is shorter, changing only padding inside the cell', () => {
    const root = scenario();
    expect(runCli(['rename', 'head-of-engineering', 'vpe'], root).status).toBe(0);
    const lines = read(root, 'model/decision-rights/platform-decisions.md').split('\n');
    const original = platformDecisions.split('\n');
    expect(lines[5]).toBe(original[5]!.replace('| head-of-engineering |', '| vpe                 |'));
    expect(lines[6]).toBe(original[6]); // the delimiter row is untouched
    expect(lines[8]).toBe(original[8]!.replace('| head-of-engineering |', '| vpe                 |'));
  });

  it('renames a team: frontmatter references and its decision-rights column', () => {
    const root = scenario();
    const before = lintJson(root);
    expect(runCli(['codeowners'], root).status).toBe(0);
    const run = runCli(['rename', 'growth', 'growth-squad'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Renamed team `growth` to `growth-squad`: moved model\/teams\/growth\.md to model\/teams\/growth-squad\.md/);
    expect(lintJson(root).summary).toEqual(before.summary);
    expect(read(root, 'model/decision-rights/product-decisions.md')).toContain('| group-product-manager | growth-squad | platform |');
    expect(existsSync(join(root, 'model/teams/growth.md'))).toBe(false);
    // The team's GitHub handle is not a reference to the id; it stays and is listed as left alone.
    expect(read(root, 'model/teams/growth-squad.md')).toContain('github: "@larder/growth"');
    expect(run.stdout).toContain('Run `opmodel codeowners` to update .github/CODEOWNERS, which names the old file.');
    expect(run.stdout).toMatch(/Left alone: 'growth' also appears \d+ times? in text that is not a reference \(.*model\/teams\/growth-squad\.md:/);
  });

  it('renames a guardrail linked from the context table and from bets', () => {
    const root = scenario();
    const before = lintJson(root);
    const run = runCli(['rename', 'evidence-before-roadmap', 'evidence-first'], root);
    expect(run.status).toBe(0);
    expect(lintJson(root).summary).toEqual(before.summary);
    const grid = read(root, 'model/context/product-context.md');
    expect(grid).toContain('[Evidence before roadmap](../guardrails/evidence-first.md)');
    expect(grid).not.toContain('evidence-before-roadmap.md');
  });

  it('--dry-run prints each changed line, old and new, and writes nothing', () => {
    const root = scenario();
    const run = runCli(['rename', 'head-of-engineering', 'vpe', '--dry-run'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(dry run: nothing was written)');
    expect(run.stdout).toMatch(/model\/roles\/staff-engineer\.md\n +5 - reports_to: "head-of-engineering" # until we hire a VP\n +\+ reports_to: "vpe" # until we hire a VP\n/);
    expect(run.stdout).toContain('model/roles/head-of-engineering.md → model/roles/vpe.md');
    expect(changedPaths(root)).toEqual([]);
  });

  it('refuses an id that another entity of any kind has, naming its file, and writes nothing', () => {
    const root = scenario();
    const run = runCli(['rename', 'head-of-engineering', 'platform'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the id 'platform' is taken by model/teams/platform.md");
    expect(changedPaths(root)).toEqual([]);
  });

  it('says which id was meant when OLD does not exist', () => {
    const root = scenario();
    const run = runCli(['rename', 'head-of-enginering', 'vpe'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no file in the model has the id 'head-of-enginering'; did you mean 'head-of-engineering'?");
    expect(runCli(['rename', 'head-of-engineering', 'VP Engineering'], root).stderr).toContain("'VP Engineering' is not a valid id");
    expect(runCli(['rename', 'head-of-engineering'], root).status).toBe(2);
    expect(changedPaths(root)).toEqual([]);
  });

  it('refuses a reference it cannot rewrite alone, and writes nothing', () => {
    const root = scenario();
    writeFile(root, 'model/roles/staff-engineer.md', staffEngineer.replace('reports_to: "head-of-engineering"', 'reports_to: "head-of-\\x65ngineering"'));
    git(root, 'commit', '-qam', 'escaped');
    const run = runCli(['rename', 'head-of-engineering', 'vpe'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('model/roles/staff-engineer.md:5: reports_to writes');
    expect(changedPaths(root)).toEqual([]);
  });

  it('puts every file back when a write fails midway (a read-only file)', () => {
    const root = scenario();
    // model/roles/staff-engineer.md is written after the cadences, decision rights and guardrails.
    chmodSync(join(root, 'model/roles/staff-engineer.md'), 0o444);
    const written = join(root, 'model/cadences/incident-review.md');
    utimesSync(written, new Date('2020-01-01'), new Date('2020-01-01'));
    const asRoot = process.getuid?.() === 0;
    // Root may write anything: run as an unprivileged user so the read-only file is refused.
    if (asRoot) execFileSync('chown', ['-R', '65534:65534', root]);
    // That user must reach Node and the CLI: a checkout in a `mktemp -d` folder (mode 700) is
    // closed to others, so its closed folders get search permission for this run only.
    const closed = asRoot ? [process.execPath, cliPath].flatMap(closedAncestors) : [];
    for (const [dir, mode] of closed) chmodSync(dir, mode | 0o001);
    let run;
    try {
      run = spawnSync(process.execPath, [cliPath, 'rename', 'head-of-engineering', 'vpe'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', OPMODEL_TODAY: testToday },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
    } finally {
      for (const [dir, mode] of closed) chmodSync(dir, mode);
      if (asRoot) execFileSync('chown', ['-R', '0:0', root]);
    }
    expect(run.stderr).toContain('could not write model/roles/staff-engineer.md (it or its folder is read-only), so nothing was changed.');
    expect(run.status).toBe(1);
    expect(changedPaths(root)).toEqual([]);
    expect(git(root, 'status', '--porcelain', '--ignored')).toBe('');
    // A file written before the failure was really replaced, then put back.
    expect(statSync(written).mtime.getUTCFullYear()).toBeGreaterThan(2020);
  });

  /** The folders above `path` that others may not search, with their modes. */
  function closedAncestors(path: string): [string, number][] {
    const found: [string, number][] = [];
    for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
      const mode = statSync(dir).mode & 0o7777;
      if ((mode & 0o001) === 0) found.push([dir, mode]);
    }
    return found;
  }

  it('changes no file when one changed after the plan was made', () => {
    const root = scenario();
    const path = join(root, 'model/roles/ceo.md');
    const text = read(root, 'model/roles/ceo.md');
    const failure = applyAllOrNothing(root, [
      { path: join(root, 'model/roles/cto.md'), before: null, after: text },
      { path, before: `${text}an edit made meanwhile\n`, after: text.replace('ceo', 'chief') },
    ]);
    expect(failure).toMatchObject({ file: 'model/roles/ceo.md', reason: expect.stringContaining('changed on disk') });
    expect(changedPaths(root)).toEqual([]);
  });
});
