// The kind registry is the one place a built-in kind is declared: each kind file in
// src/model/domain/kinds/ is registered, has its generated schema and validator, names real fields
// and kinds in its reference fields, appears in the example model, and `opmodel new` writes it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinKinds, kindsOf } from '../dist/model/domain/kinds.js';
import { relationsOf } from '../dist/model/domain/relations.js';
import * as validators from '../dist/model/domain/validators.js';
import { cleanTemp, copyOfExample, exampleModel, repoRoot, runCli, testToday } from './helpers.js';

afterAll(cleanTemp);

const schemaOf = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) as { properties: Record<string, unknown> };
const names = builtinKinds.map((k) => k.name);

describe('the kind registry', () => {
  it('registers every kind file in src/model/domain/kinds/ once, under its file name, with the type it exports', () => {
    const files = readdirSync(join(repoRoot, 'src/model/domain/kinds')).filter((f) => f.endsWith('.ts') && f !== 'common.ts' && f !== 'define.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const kind of builtinKinds) {
      expect(readFileSync(join(repoRoot, 'src/model/domain/kinds', `${kind.name}.ts`), 'utf8')).toMatch(new RegExp(`export interface ${kind.typeName}\\b`));
    }
  });

  it('has one generated schema and one precompiled validator per kind, and nothing else in schemas/', () => {
    const schemas = readdirSync(join(repoRoot, 'schemas')).map((f) => f.replace(/\.schema\.json$/, ''));
    expect(schemas.sort()).toEqual([...names].sort());
    for (const name of names) expect(typeof (validators as Record<string, unknown>)[name.replace(/-/g, '_')]).toBe('function');
  });

  it('names in reference fields and cached fields only fields the kind has and kinds that exist', () => {
    for (const kind of builtinKinds) {
      const fields = Object.keys(schemaOf(kind.name).properties);
      for (const relation of kind.relations) {
        expect(fields, `${kind.name}: ${relation.path.join('.')}`).toContain(relation.path[0]);
        for (const target of relation.targets) expect(names, `${kind.name}: ${relation.path.join('.')} → ${target}`).toContain(target);
        expect(relation.label && relation.reverse).toBeTruthy();
      }
      const crossFile = 'crossFile' in kind ? kind.crossFile : undefined;
      if (Array.isArray(crossFile)) for (const field of crossFile) expect(fields, `${kind.name}: crossFile`).toContain(field);
    }
  });

  it('gives every kind but the model root its own handbook section, in a navigation order of its own', () => {
    const sections = builtinKinds.flatMap((kind) => (kind.handbook ? [kind.handbook] : []));
    expect(builtinKinds.filter((kind) => !kind.handbook).map((kind) => kind.name)).toEqual(['model']);
    expect(new Set(sections.map((s) => s.section)).size).toBe(sections.length);
    expect(new Set(sections.map((s) => s.nav)).size).toBe(sections.length);
    for (const kind of builtinKinds) {
      const facet = kind.handbook?.facet;
      if (facet) expect(Object.keys(schemaOf(kind.name).properties), `${kind.name}: facet`).toContain(facet.field);
    }
  });

  it('lets custom kinds from the config join, with reference fields from x-ref', () => {
    const config = {
      kinds: [{ name: 'okr', folder: 'okrs', schema: 'okr.json', schemaJson: { type: 'object', properties: { owner: { type: 'string', 'x-ref': ['team', 'role'] }, bets: { type: 'array', items: { type: 'string', 'x-ref': 'bet' } } } } }],
    };
    expect(kindsOf(config).map((k) => k.name)).toEqual([...names, 'okr']);
    expect(kindsOf(config).at(-1)!.handbook).toMatchObject({ section: 'kinds/okr', title: 'Okr', label: 'okr' });
    const custom = relationsOf(config).filter((r) => r.kind === 'okr');
    expect(custom.map((r) => [r.path, r.targets])).toEqual([
      [['owner'], ['team', 'role']],
      [['bets', '*'], ['bet']],
    ]);
  });
});

describe('every kind in use', () => {
  it('has at least one entity in its folder of the example model', () => {
    const listed = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')) : []);
    for (const kind of builtinKinds) {
      if (kind.folder === '') expect(existsSync(join(exampleModel, 'operating-model.md'))).toBe(true);
      else expect(listed(join(exampleModel, kind.folder)).length, `model/${kind.folder}/`).toBeGreaterThan(0);
    }
  });

  it('`opmodel new` writes each creatable kind into its folder, and lint faults its frontmatter only on the lines it asks to fill in', () => {
    const root = copyOfExample();
    const made = new Map<string, string>();
    for (const kind of builtinKinds.filter((k) => k.folder !== '')) {
      // A check-in is made for a bet, not from a title: `new check-in BET`, named <bet>-<today>.
      const checkIn = kind.name === 'check-in';
      const run = runCli(['new', kind.name, checkIn ? 'shift-swap-marketplace' : `Fresh ${kind.name} entry`], root);
      expect(run.status, run.stderr).toBe(0);
      const file = `model/${kind.folder}/${checkIn ? `shift-swap-marketplace-${testToday}` : `fresh-${kind.name}-entry`}.md`;
      expect(run.stdout).toContain(`Created ${file}`);
      made.set(file, readFileSync(join(root, file), 'utf8'));
    }
    const lint = runCli(['lint', '--format', 'json'], root);
    const { diagnostics } = JSON.parse(lint.stdout) as { diagnostics: { file: string; line: number; rule: string }[] };
    // Field findings only: the body is a skeleton to write (an empty context grid is a finding),
    // line 1 is the whole file (a fresh metric no bet uses yet), and the `assessment` rule judges
    // a fresh assessment's scores, all still 0.
    const closing = (file: string) => made.get(file)!.split('\n').indexOf('---', 1) + 1;
    const inNew = diagnostics.filter((d) => made.has(d.file) && d.rule !== 'assessment' && d.line > 1 && d.line < closing(d.file));
    expect(inNew.length).toBeGreaterThan(0);
    for (const finding of inNew) {
      expect(made.get(finding.file)!.split('\n')[finding.line - 1], `${finding.file}:${finding.line} (${finding.rule})`).toContain('#');
    }
  });
});
