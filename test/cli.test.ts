// CLI scenarios run as a user would: the real bin, a temporary repository, stdout and exit code.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, runCli, tempDir, testToday, writeFile } from './helpers.js';

afterAll(cleanTemp);

const clean = copyOfExample();
const broken = copyOfExample();
{
  const bet = join(broken, 'model/bets/self-serve-onboarding.md');
  writeFileSync(bet, readFileSync(bet, 'utf8').replace(/^owner: .*$/m, 'owner: growth-sqaud'));
}

describe('opmodel lint on the clean example model', () => {
  it.each(['stylish', 'json', 'sarif', 'github'])('exits 0 with no findings in %s format', (format) => {
    const run = runCli(['lint', '--format', format], clean);
    expect(run.status).toBe(0);
    if (format === 'stylish' || format === 'github') expect(run.stdout).toBe('');
    if (format === 'json') expect(JSON.parse(run.stdout)).toMatchObject({ version: 1, summary: { errors: 0, warnings: 0 }, diagnostics: [] });
    if (format === 'sarif') expect(JSON.parse(run.stdout).runs[0].results).toEqual([]);
  });
});

describe('opmodel lint on a broken model', () => {
  it('prints a stylish finding that says what, where and how to fix, and exits 1', () => {
    const run = runCli(['lint'], broken);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('model/bets/self-serve-onboarding.md');
    expect(run.stdout).toMatch(/\d+:\d+\s+error\s+owner 'growth-sqaud' is not a team or role id; did you mean '[a-z-]+'\?\s+ref/);
    expect(run.stdout).toContain('1 problem (1 error, 0 warnings)');
    expect(run.stderr).toBe('');
  });

  it('prints exactly the documented JSON shape', () => {
    const run = runCli(['lint', '--format', 'json'], broken);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(['version', 'summary', 'diagnostics']);
    expect(doc.summary).toEqual({ files: expect.any(Number), errors: 1, warnings: 0 });
    // Exactly the six documented keys: scripts compare whole findings.
    expect(Object.keys(doc.diagnostics[0])).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(doc.diagnostics[0]).toMatchObject({ file: 'model/bets/self-serve-onboarding.md', severity: 'error', rule: 'ref' });
    expect(doc.diagnostics[0].message).toMatch(/^owner 'growth-sqaud' is not a team or role id; did you mean '[a-z0-9-]+'\?$/);
  });

  it('accepts DIR from anywhere', () => {
    const run = runCli(['lint', broken, '--format', 'json'], tempDir());
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0].file).toBe('model/bets/self-serve-onboarding.md');
  });

  it('prints github workflow commands and SARIF for the same finding', () => {
    const github = runCli(['lint', '--format', 'github'], broken);
    expect(github.stdout).toMatch(/^::error file=model\/bets\/self-serve-onboarding\.md,line=\d+,col=\d+,title=.*ref.*::owner 'growth-sqaud'/);
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif'], broken).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('model/bets/self-serve-onboarding.md');
  });
});

describe('warnings, --quiet and --max-warnings', () => {
  const root = copyOfExample();
  const file = join(root, 'model/guardrails');
  // A retired guardrail is never stale: take the first one in force.
  const guardrail = execFileSync('ls', [file], { encoding: 'utf8' }).split('\n').find((name) => name && !readFileSync(join(file, name), 'utf8').includes('status: retired'))!;
  const path = join(file, guardrail);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.includes('review_by:') ? text.replace(/^review_by: .*$/m, 'review_by: 2020-01-01') : text.replace(/^---\n/, '---\nreview_by: 2020-01-01\n'));

  it('a warning alone exits 0', () => {
    const run = runCli(['lint', '--format', 'json'], root);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
  });
  it('--max-warnings 0 turns it into exit 1', () => {
    expect(runCli(['lint', '--max-warnings', '0'], root).status).toBe(1);
  });
  it('--quiet hides warnings', () => {
    const run = runCli(['lint', '--quiet', '--format', 'json'], root);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });
});

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [['lint', '--formt', 'json']],
    [['lint', '--format', 'xml']],
    [['lint', '--max-warnings', 'lots']],
    [['frobnicate']],
    [['who']],
    [['lint', '/no/such/folder']],
  ])('%j', (args) => {
    const run = runCli(args, clean);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^opmodel: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('config errors exit 2 and name the key', () => {
  it.each([
    ['rule:\n  stale: off\n', '`rule`', 'did you mean `rules`'],
    ['rules:\n  stale: sometimes\n', '`rules.stale`', 'off'],
    ['rules:\n  stail: off\n', '`rules.stail`', 'did you mean `stale`'],
    ['rules: [oops\n', 'opmodel.config.yaml', ''],
    // Pasting the README's `rules:` example under the starter's own: the line, and what to do.
    ['rules:\n  stale: off\nrules:\n  bet-wip: error\n', 'opmodel.config.yaml: line 3:', 'Map keys must be unique — keep one of the two fields.'],
    ['site:\n  base: handbook\n', '`site.base`', '/handbook/'],
    ['kinds:\n  okr: { folder: okrs, schema: schemas/okr.json }\n', '`kinds.okr.schema`', 'does not exist'],
    ['rules:\n  bet-wip: [error, { maxx: 0 }]\n', '`rules.bet-wip` has no option `maxx`', 'did you mean `max`? The options of rule bet-wip are: max.'],
    ['rules:\n  bet-wip: [error, { max: "3" }]\n', '`rules.bet-wip` option `max`', 'must be a whole number, not text "3"'],
    ['rules:\n  assessment: [warning, { healthy: -1 }]\n', '`rules.assessment` option `healthy`', 'must be 0 or more, not number -1.'],
    ['rules:\n  stale: [warning, { days: 30 }]\n', '`rules.stale` takes no options', '`stale: error`'],
    ['overrides:\n  - files: ["model/bets/**"]\n    rules: { initiative-wip: [warning, { max: 1.5 }] }\n', '`overrides[0].rules.initiative-wip` option `max`', 'a whole number, not number 1.5'],
  ])('%j', (config, key, hint) => {
    const root = copyOfExample();
    writeFile(root, 'opmodel.config.yaml', config);
    const run = runCli(['lint'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(key);
    expect(run.stderr).toContain(hint);
  });

  it('ends every YAML error of the config in a sentence, never a dangling colon', () => {
    const root = copyOfExample();
    for (const config of ['rules:\n\tstale: off\n', 'rules:\n  stale: off\nrules: {}\n', 'rules: [oops\n', 'site:\n  title: "Handbook\n']) {
      writeFile(root, 'opmodel.config.yaml', config);
      const run = runCli(['lint'], root);
      expect(run.status).toBe(2);
      expect(run.stderr.trim(), config).toMatch(/[.?!]$/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a custom schema with a remote $ref and fetches nothing', () => {
    const root = copyOfExample();
    writeFile(root, 'schemas/okr.json', JSON.stringify({ type: 'object', properties: { owner: { $ref: 'https://example.com/owner.json' } } }));
    writeFile(root, 'opmodel.config.yaml', 'kinds:\n  okr: { folder: okrs, schema: schemas/okr.json }\n');
    const run = runCli(['lint'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('remote `$ref`');
  });
});

describe('config settings take effect', () => {
  it('severities, ignore and overrides', () => {
    const root = copyOfExample();
    writeFile(root, 'model/archive/old-bet.md', '---\ntitle: Old\nstatus: done\n---\n');
    writeFile(root, 'model/bets/2025-q1/past.md', '---\ntitle: Past bet\nstatus: won\nowner: nobody-here\nquarter: 2025-Q1\nproblem: x\nleading_indicators: [{metric: none, target: x}]\nnon_goals: [x]\nreview_by: 2020-01-01\n---\n');
    writeFile(root, 'opmodel.config.yaml', [
      'ignore: ["model/archive/**"]',
      'rules:',
      '  ref: warning',
      'overrides:',
      '  - files: ["model/bets/2025-*/**"]',
      '    rules: { stale: off }',
      '',
    ].join('\n'));
    const run = runCli(['lint', '--format', 'json'], root);
    const doc = JSON.parse(run.stdout);
    expect(doc.diagnostics.map((d: { file: string; rule: string; severity: string }) => `${d.file} ${d.rule} ${d.severity}`)).toEqual([
      'model/bets/2025-q1/past.md ref warning',
      'model/bets/2025-q1/past.md ref warning',
    ]);
    expect(run.status).toBe(0);
  });

  it('a custom kind is validated and cross-referenced like a built-in', () => {
    const root = copyOfExample();
    writeFile(root, 'schemas/custom/okr.schema.json', JSON.stringify({
      type: 'object',
      required: ['title', 'owner'],
      additionalProperties: false,
      properties: {
        title: { type: 'string' },
        owner: { type: 'string', 'x-ref': ['team', 'role'] },
        confidence: { type: 'integer', minimum: 0, maximum: 10 },
        code: { type: 'string', pattern: '^(a+)+$' },
      },
    }));
    writeFile(root, 'opmodel.config.yaml', 'kinds:\n  okr: { folder: okrs, schema: schemas/custom/okr.schema.json }\n');
    writeFile(root, 'model/okrs/grow-revenue.md', `---\ntitle: Grow revenue\nowner: nobody-at-all\nconfidence: 11\ncode: "${'a'.repeat(40)}b"\n---\n`);
    const run = runCli(['lint', '--format', 'json'], root);
    expect(run.status).toBe(1);
    const found = JSON.parse(run.stdout).diagnostics.map((d: { line: number; rule: string }) => `${d.line} ${d.rule}`);
    expect(found).toEqual(['3 ref', '4 schema', '5 schema']);
  });
});

describe('--changed-since in a real git repository', () => {
  it('reports only files changed since the revision, while rules see the whole model', () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'model');
    // An old defect, committed:
    const team = join(root, 'model/teams');
    const teamFile = join(team, execFileSync('ls', [team], { encoding: 'utf8' }).split('\n')[0]!);
    writeFileSync(teamFile, readFileSync(teamFile, 'utf8').replace(/^---\n/, '---\nbogus_field: 1\n'));
    git('commit', '-qam', 'old defect');
    // A new defect since HEAD, uncommitted:
    writeFile(root, 'model/roles/new-role.md', '---\ntitle: New role\nreports_to: nobody-at-all\n---\n');
    const run = runCli(['lint', '--changed-since', 'HEAD', '--format', 'json'], root);
    const files = JSON.parse(run.stdout).diagnostics.map((d: { file: string }) => d.file);
    expect(files).toEqual(['model/roles/new-role.md']);
    expect(run.status).toBe(1);
    expect(runCli(['lint', '--changed-since', 'no-such-ref'], root).status).toBe(2);
  });

  it('also reports findings a change causes elsewhere, such as a deleted role still referenced', () => {
    const root = copyOfExample();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'model');
    const roles = execFileSync('ls', [join(root, 'model/roles')], { encoding: 'utf8' }).split('\n').filter(Boolean);
    // The role that most files point at: deleting it must not pass a --changed-since gate.
    const counts = roles.map((file) => {
      const id = file.replace(/\.md$/, '');
      const uses = execFileSync('grep', ['-rlw', id, join(root, 'model')], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
      return { file, uses };
    });
    const target = counts.sort((a, b) => b.uses - a.uses)[0]!.file;
    git('rm', '-q', `model/roles/${target}`);
    const run = runCli(['lint', '--changed-since', 'HEAD', '--format', 'json'], root);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.errors).toBeGreaterThan(0);
  });
});

describe('lint --cache', () => {
  it('gives the same findings warm as cold, and notices a deleted reference target', () => {
    const root = copyOfExample();
    const cold = runCli(['lint', '--cache', '--format', 'json'], root);
    expect(existsSync(join(root, '.opmodel-cache'))).toBe(true);
    const warm = runCli(['lint', '--cache', '--format', 'json'], root);
    expect(warm.stdout).toBe(cold.stdout);
    const team = join(root, 'model/teams');
    const first = execFileSync('ls', [team], { encoding: 'utf8' }).split('\n')[0]!;
    execFileSync('rm', [join(team, first)]);
    const afterDelete = JSON.parse(runCli(['lint', '--cache', '--format', 'json'], root).stdout);
    const uncached = JSON.parse(runCli(['lint', '--format', 'json'], root).stdout);
    expect(afterDelete).toEqual(uncached);
    expect(uncached.summary.errors).toBeGreaterThan(0);
  });
});

describe('opmodel who', () => {
  it('finds the decider of a decision by a few words, best match first, as JSON', () => {
    const run = runCli(['who', 'bet quarter', '--format', 'json'], clean);
    expect(run.status).toBe(0);
    const { matches } = JSON.parse(run.stdout);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(typeof m.decision).toBe('string');
      expect(typeof m.decides).toBe('string');
      expect(Array.isArray(m.consulted)).toBe(true);
      expect(Array.isArray(m.informed)).toBe(true);
      expect(m.sla === null || typeof m.sla === 'string').toBe(true);
      expect(m.escalation === null || typeof m.escalation === 'string').toBe(true);
    }
  });
  it.each(['zebra xylophone', 'audit'])('returns no matches with exit 0 for an unrelated query: %s', (query) => {
    const run = runCli(['who', query, '--format', 'json'], clean);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ matches: [] });
  });
  it('reads RACI matrices, with responsible as a list', () => {
    const root = copyOfExample();
    const roles = execFileSync('ls', [join(root, 'model/roles')], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/\.md$/, ''));
    const [a, b, c] = roles;
    writeFile(root, 'model/decision-rights/raci-test.md', `---\ntitle: Vendor decisions\nscheme: RACI\n---\n\n| Decision | SLA | Escalation | ${a} | ${b} | ${c} |\n|---|---|---|---|---|---|\n| Sign a new zebra vendor contract | 2 weeks | ${a} | A | R | I |\n`);
    const { matches } = JSON.parse(runCli(['who', 'zebra vendor', '--format', 'json'], root).stdout);
    expect(matches[0]).toMatchObject({ decision: 'Sign a new zebra vendor contract', decides: a, responsible: [b], informed: [c], consulted: [], sla: '2 weeks', escalation: a });
  });
});

describe('opmodel assess', () => {
  it('reports total, band and categories of the latest assessment', () => {
    const run = runCli(['assess', '--format', 'json'], clean);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.band).toBe('healthy');
    expect(report.total).toBe(report.categories.reduce((sum: number, c: { total: number }) => sum + c.total, 0));
    const text = runCli(['assess'], clean).stdout;
    expect(text).toContain(`Total: ${report.total} of ${report.max} — healthy`);
  });
});

describe('who, assess and codeowners read the model without linting it', () => {
  // A model with a finding and a file whose frontmatter cannot be parsed.
  const root = copyOfExample();
  writeFile(root, 'model/bets/half-written.md', '---\ntitle: [unclosed\nowner: growth\n---\n\nStill drafting.\n');
  const bet = join(root, 'model/bets/self-serve-onboarding.md');
  writeFileSync(bet, readFileSync(bet, 'utf8').replace(/^owner: .*$/m, 'owner: growth-sqaud'));
  const timing = { OPMODEL_TIMING: '1' };

  it('lint runs its rules there (OPMODEL_TIMING prints their times) and reports the unreadable file', () => {
    const run = runCli(['lint', '--format', 'json'], root, timing);
    expect(run.stderr).toMatch(/^Rule\s+Time \(ms\)/m);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { file: string }) => d.file)).toContain('model/bets/half-written.md');
  });

  it.each([
    [['who', 'pricing']],
    [['assess']],
    [['codeowners']],
  ])('%j answers as on the clean model and runs no rule', (args) => {
    const run = runCli(args, root, timing);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/Rule\s+Time/);
    expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+/); // no stack trace
    if (args[0] === 'codeowners') expect(run.stdout).toMatch(/^Wrote \.github\/CODEOWNERS: \d+ files/);
    else expect(run.stdout).toBe(runCli(args, clean).stdout);
  });
});

describe('running in the wrong folder', () => {
  it('says where to run opmodel when DIR has no model folder', () => {
    const run = runCli(['lint'], join(clean, 'model'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('There is no `model/` folder here');
  });
});

describe('opmodel init and new', () => {
  it('init scaffolds a model that lints clean, and never overwrites a file', () => {
    const root = tempDir();
    expect(runCli(['init'], root).status).toBe(0);
    expect(runCli(['lint', '--max-warnings', '0'], root).status).toBe(0);
    writeFileSync(join(root, 'model/operating-model.md'), 'my own words');
    const again = runCli(['init'], root);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already exists');
    expect(readFileSync(join(root, 'model/operating-model.md'), 'utf8')).toBe('my own words');
  });
  it('new creates a file named after the title and refuses to overwrite it', () => {
    const root = tempDir();
    runCli(['init'], root);
    const run = runCli(['new', 'bet', 'Faster onboarding for shops', '--dir', root], tempDir());
    expect(run.status).toBe(0);
    const path = join(root, 'model/bets/faster-onboarding-for-shops.md');
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ntitle: "Faster onboarding for shops"\nstatus: proposed/);
    writeFileSync(path, 'edited by hand');
    const again = runCli(['new', 'bet', 'Faster onboarding for shops', '--dir', root], root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("the id 'faster-onboarding-for-shops' is taken by model/bets/faster-onboarding-for-shops.md");
    expect(readFileSync(path, 'utf8')).toBe('edited by hand');
    expect(runCli(['new', 'bett', 'X'], root).stderr).toContain("did you mean 'bet'");
  });

  it('new refuses an id that an entity of another kind has (exit 1, naming its file), and writes nothing', () => {
    const root = copyOfExample();
    const lint = (dir: string) => JSON.parse(runCli(['lint', '--format', 'json'], dir).stdout).summary;
    const before = lint(root);
    const run = runCli(['new', 'role', 'Platform', '--dir', root], tempDir());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the id 'platform' is taken by model/teams/platform.md");
    expect(existsSync(join(root, 'model/roles/platform.md'))).toBe(false);
    expect(lint(root)).toEqual(before);
    // A title that makes a free id is created.
    expect(runCli(['new', 'role', 'Platform coach', '--dir', root], root).status).toBe(0);
    expect(existsSync(join(root, 'model/roles/platform-coach.md'))).toBe(true);
  });
});

describe('the library API', () => {
  it('works from `node --input-type=module -e` (workers do not inherit the parent flags)', () => {
    const script = `import { lint } from ${JSON.stringify(new URL('../dist/lint.js', import.meta.url).href)}; const { result } = await lint(${JSON.stringify(broken)}, { today: ${JSON.stringify(testToday)} }); console.log(JSON.stringify(result.diagnostics.map((d) => d.rule)));`;
    const run = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(run)).toEqual(['ref']);
  });
});

describe('--as-of: dates judged as of a given day', () => {
  // The example's first review_by is 2027-01-15 (model/operating-model.md).
  it('lint --as-of judges review_by by that date, exactly as OPMODEL_TODAY does', () => {
    // (By then other date rules speak too: check-ins are due and 2026-Q4 has ended.)
    const staleOnes = (stdout: string) => JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'stale');
    const before = runCli(['lint', '--as-of', '2027-01-15', '--format', 'json'], clean);
    expect(staleOnes(before.stdout)).toEqual([]);
    const after = runCli(['lint', '--as-of', '2027-01-16', '--format', 'json'], clean);
    expect(after.status).toBe(0);
    const stale = staleOnes(after.stdout);
    expect(stale.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual(['model/operating-model.md stale']);
    const byEnv = runCli(['lint', '--format', 'json'], clean, { OPMODEL_TODAY: '2027-01-16' });
    expect(JSON.parse(byEnv.stdout).diagnostics).toEqual(JSON.parse(after.stdout).diagnostics);
  });

  it('refuses a date that does not exist, naming the flag (exit 2)', () => {
    for (const bad of ['2027-02-30', '16.01.2027', 'tomorrow']) {
      for (const command of ['lint', 'build', 'dev']) {
        const run = runCli([command, '--as-of', bad], clean);
        expect(run.status, `${command} --as-of ${bad}`).toBe(2);
        expect(run.stderr).toContain('--as-of takes a date written YYYY-MM-DD');
      }
    }
  });

  it('refuses an OPMODEL_TODAY that is not a date, naming it, instead of ignoring it', () => {
    const run = runCli(['lint'], clean, { OPMODEL_TODAY: '2027-13-01' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OPMODEL_TODAY must be a date such as 2026-11-21, not "2027-13-01"');
  });
});

describe('commands that answer from the model say what they left out', () => {
  it('review, who and assess name a file they could not read, on stderr, and still answer', () => {
    const root = copyOfExample();
    const bet = 'model/bets/self-serve-onboarding.md';
    // A PM deletes the closing `---` of a bet in the browser editor.
    const text = readFileSync(join(root, bet), 'utf8').split('\n');
    text.splice(text.indexOf('---', 1), 1);
    writeFile(root, bet, text.join('\n'));
    const review = runCli(['review', '--as-of', '2026-11-21'], root);
    expect(review.status).toBe(0);
    expect(review.stderr).toContain(`1 model file has errors and is left out (${bet}): run \`opmodel lint\` to see why.`);
    // A matrix that cannot be read is named by who, which otherwise would say "no match".
    const matrix = 'model/decision-rights/product-decisions.md';
    writeFile(root, matrix, readFileSync(join(root, matrix), 'utf8').replace(/^owner: .*$/m, (line) => `${line}\n${line}`));
    const who = runCli(['who', 'a new bet'], root);
    expect(who.status).toBe(0);
    expect(who.stderr).toContain(matrix);
    expect(who.stderr).not.toContain(bet); // who reads only the matrices
    const assess = runCli(['assess'], root);
    expect(assess.stderr).toBe('');
  });

  it('assess says when a statement has no valid score and is left out of the total', () => {
    const root = copyOfExample();
    const file = 'model/assessments/2026-10-self-assessment.md';
    writeFile(root, file, readFileSync(join(root, file), 'utf8').replace(/score: \d/, 'score: 5'));
    const run = runCli(['assess'], root);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file}: 1 statement has no valid score (a whole number from 0 to 3) and is left out of the total`);
    expect(runCli(['lint', '--format', 'json'], root).stdout).toContain(file);
  });
});

describe('a number written as text gets the number to write', () => {
  it.each([
    ['12%', '12'],
    ['"12"', '12'],
    ['1,200', '1200'],
    ['40 %', '40'],
  ])('value: %s', (written, number) => {
    const root = copyOfExample();
    const file = 'model/check-ins/self-serve-onboarding-2026-11-16.md';
    writeFile(root, file, readFileSync(join(root, file), 'utf8').replace(/value: [\d.]+/, `value: ${written}`));
    const found = (JSON.parse(runCli(['lint', '--format', 'json'], root).stdout) as { diagnostics: { file: string; message: string }[] }).diagnostics.filter((d) => d.file === file);
    expect(found.map((d) => d.message)).toContainEqual(expect.stringContaining(`write the number alone, \`${number}\``));
  });

  it('a dash where a value belongs is a usage error in words, not the argument parser’s', () => {
    const run = runCli(['lint', '--max-warnings', '-1'], copyOfExample());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-warnings needs a value that does not start with a dash');
  });
});
