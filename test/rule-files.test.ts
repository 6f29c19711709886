// Every rule is complete and findable by one name: a registry entry in alphabetical order, a
// module src/rules/<id>.ts, a docs page docs/rules/<id>.md whose title and options line say
// the same as the rule, and fixtures test/fixtures/<id>/ with a valid case and a failing one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPath, rules } from '../dist/rules/index.js';
import { repoRoot } from './helpers.js';
import { fixturesDir } from './fixture-repo.js';

/** Rules that cannot have a case expecting no finding of them, with the reason. None today. */
const noValidCase: Record<string, string> = {};

/** Rules that cannot have a case expecting a finding of them, with the reason. None today. */
const noFailingCase: Record<string, string> = {};

const ids = rules.map((r) => r.id);
const rulesDir = join(repoRoot, 'src', 'rules');
/** Modules in src/rules/ that are not rules: the contract, the registry and shared checks. */
const helperModules = ['index.ts', 'rule.ts', 'wip.ts'];
const casesOf = (id: string) => {
  const dir = join(fixturesDir, id);
  return existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()) : [];
};

describe('the rule registry', () => {
  it('lists the rules in alphabetical order, each once', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has an entry for every rule module, named like the module', async () => {
    const modules = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !helperModules.includes(f));
    expect(modules.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort());
    for (const file of modules) {
      const { rule } = (await import(`../dist/rules/${file.replace(/\.ts$/, '.js')}`)) as { rule: { id: string } };
      expect(rule.id, file).toBe(file.replace(/\.ts$/, ''));
      expect(rules, file).toContain(rule);
    }
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has a docs page at docs/rules/<id>.md titled with the id', () => {
    expect(docsPath(id)).toBe(`docs/rules/${id}.md`);
    const page = join(repoRoot, docsPath(id));
    expect(existsSync(page), `${docsPath(id)} is missing`).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toMatch(new RegExp(`^# \`${id}\`: `));
  });

  it('names its default severity and its options on the docs page as the rule declares them', () => {
    const page = readFileSync(join(repoRoot, docsPath(id)), 'utf8');
    const line = page.split('\n').find((l) => l.startsWith('**Default severity:**')) ?? '';
    expect(line).toContain(`**Default severity:** ${rule.defaultSeverity}`);
    const options = Object.keys(rule.optionsSchema ?? {});
    expect(Object.keys(rule.defaultOptions ?? {})).toEqual(options);
    if (options.length === 0) expect(line).toContain('**Options:** none');
    for (const name of options) expect(line).toContain(`\`${name}\` (default \`${String(rule.defaultOptions![name])}\`)`);
  });

  it('has fixtures: a valid-… case and a case expecting a finding of it', () => {
    const cases = casesOf(id);
    if (!(id in noValidCase)) expect(cases.filter((c) => c.startsWith('valid-')), `test/fixtures/${id}/valid-…`).not.toEqual([]);
    if (!(id in noFailingCase)) expect(cases.filter((c) => !c.startsWith('valid-')), `test/fixtures/${id}/<failing case>`).not.toEqual([]);
  });
});

describe('the rule contract', () => {
  it('refuses to compile a report with a message id, or an option, the rule does not declare', () => {
    // test/types/define-rule.ts marks each refusal with @ts-expect-error: the compile fails if one is accepted.
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'test', 'types', 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});

describe('nothing is left over', () => {
  it('every docs page and fixture folder belongs to a rule, and every allow-listed rule exists', () => {
    const pages = readdirSync(join(repoRoot, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.filter((p) => !ids.includes(p))).toEqual([]);
    const folders = readdirSync(fixturesDir).filter((f) => statSync(join(fixturesDir, f)).isDirectory());
    expect(folders.filter((f) => !ids.includes(f))).toEqual([]);
    expect([...Object.keys(noValidCase), ...Object.keys(noFailingCase)].filter((id) => !ids.includes(id))).toEqual([]);
  });
});
