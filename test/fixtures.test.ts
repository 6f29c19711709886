// Runs every rule fixture: test/fixtures/<rule>/<case>/ is laid over a copy of the example
// model, and the findings of the whole repository must equal the expectations marked inline
// (`# expect: rule`, `<!-- expect: rule -->`, `{expect: rule}`) or listed in _fixture.yaml.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lint } from '../dist/lint.js';
import { ruleIds } from '../dist/rules/index.js';
import { cleanTemp, copyOfExample, repoRoot, testToday, writeFile } from './helpers.js';

const fixturesDir = join(repoRoot, 'test', 'fixtures');

interface FixtureSpec {
  delete?: string[];
  config?: unknown;
  expect?: { file: string; line: number; rule: string }[];
  symlinks?: { path: string; target: string }[];
}

const markerPattern = /(?:#\s*|<!--\s*|\{)expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*(?:-->|\})?/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(abs) : [abs];
  });
}

/** Builds the repository for one case and returns it with the expected findings. */
function prepare(caseDir: string): { root: string; expected: string[] } {
  const root = copyOfExample();
  const spec: FixtureSpec = existsSync(join(caseDir, '_fixture.yaml'))
    ? ((parseYaml(readFileSync(join(caseDir, '_fixture.yaml'), 'utf8')) as FixtureSpec | null) ?? {})
    : {};
  for (const path of spec.delete ?? []) rmSync(join(root, 'model', path), { force: true, recursive: true });
  const expected: string[] = [];
  for (const abs of filesUnder(caseDir)) {
    const rel = relative(caseDir, abs).split(sep).join('/');
    if (rel === '_fixture.yaml') continue;
    const raw = readFileSync(abs);
    const text = raw.toString('utf8');
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(markerPattern)) {
        for (const rule of match[1]!.split(',')) expected.push(`model/${rel}:${index + 1} ${rule.trim()}`);
      }
    });
    // Markers inside table cells would change the decision text: remove them, keep the lines.
    const cleaned = text.replace(/\s*\{expect:[^}]*\}/g, '');
    writeFile(root, `model/${rel}`, cleaned === text ? raw : cleaned);
  }
  for (const link of spec.symlinks ?? []) symlinkSync(link.target, join(root, 'model', link.path));
  if (spec.config !== undefined) writeFileSync(join(root, 'opmodel.config.yaml'), JSON.stringify(spec.config));
  for (const e of spec.expect ?? []) expected.push(`model/${e.file}:${e.line} ${e.rule}`);
  return { root, expected: expected.sort() };
}

const ruleDirs = readdirSync(fixturesDir).filter((name) => statSync(join(fixturesDir, name)).isDirectory());

afterAll(cleanTemp);

describe('the example model', () => {
  it('lints clean: no errors, no warnings', async () => {
    const { result } = await lint(repoRoot, { today: testToday });
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toBeGreaterThan(30);
  });
});

describe('rule fixtures', () => {
  it('every rule has fixtures and every fixture folder is a rule', () => {
    expect([...ruleDirs].sort()).toEqual([...ruleIds].sort());
  });

  for (const rule of ruleDirs) {
    describe.concurrent(rule, () => {
      const cases = readdirSync(join(fixturesDir, rule)).filter((name) => statSync(join(fixturesDir, rule, name)).isDirectory());
      it('has at least one case that expects a finding of this rule', () => {
        const expecting = cases.filter((c) => !c.startsWith('valid-'));
        expect(expecting.length).toBeGreaterThan(0);
      });
      for (const name of cases) {
        it(name, async () => {
          const { root, expected } = prepare(join(fixturesDir, rule, name));
          const { result } = await lint(root, { today: testToday });
          const actual = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`).sort();
          expect(actual, result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`).join('\n')).toEqual(expected);
          if (!name.startsWith('valid-')) expect(expected.some((e) => e.endsWith(` ${rule}`))).toBe(true);
        });
      }
    });
  }
});

describe('the example model shows every field', () => {
  it('uses every field of every kind at least once', async () => {
    const { model } = await lint(repoRoot, { today: testToday });
    const unused: string[] = [];
    // Fields every kind allows need to appear once in the model, not once per kind.
    const common = ['title', 'id', 'kind', 'tags', 'review_by'];
    const schemas = join(repoRoot, 'schemas');
    for (const file of readdirSync(schemas)) {
      const kind = file.replace('.schema.json', '');
      const schema = JSON.parse(readFileSync(join(schemas, file), 'utf8')) as { properties: Record<string, { items?: { properties?: Record<string, unknown> } }> };
      const entities = model.entities.filter((e) => e.kind === kind);
      for (const [field, sub] of Object.entries(schema.properties)) {
        if (common.includes(field)) continue;
        const values = entities.map((e) => e.data[field]).filter((v) => v !== undefined);
        if (values.length === 0) unused.push(`${kind}.${field}`);
        for (const nested of Object.keys(sub.items?.properties ?? {})) {
          const used = values.some((v) => Array.isArray(v) && v.some((item) => item && typeof item === 'object' && nested in item));
          if (!used) unused.push(`${kind}.${field}[].${nested}`);
        }
      }
    }
    for (const field of common) {
      if (!model.entities.some((e) => e.data[field] !== undefined)) unused.push(`(any kind).${field}`);
    }
    expect(unused).toEqual([]);
  });

  it('stays clean with CRLF line endings and a BOM in every file', async () => {
    const root = copyOfExample();
    for (const abs of filesUnder(join(root, 'model'))) {
      if (!abs.endsWith('.md')) continue;
      writeFileSync(abs, `\ufeff${readFileSync(abs, 'utf8').replace(/\r?\n/g, '\r\n')}`);
    }
    const { result } = await lint(root, { today: testToday });
    expect(result.diagnostics).toEqual([]);
  });
});
