// Runs every rule fixture: test/fixtures/<rule>/<case>/ is laid over a copy of the example
// model, and the findings of the whole repository must equal the expectations marked inline
// (`# expect: rule/messageId@column`, `<!-- expect: … -->`, `{expect: …}`) or listed in
// _fixture.yaml. That every rule has fixtures is checked in rule-files.test.ts.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../dist/lint.js';
import type { Diagnostic } from '../src/types.js';
import { cleanTemp, copyOfExample, repoRoot, testToday } from './helpers.js';
import { filesUnder, findingKey, fixturesDir, prepare } from './fixture-repo.js';


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
  for (const rule of ruleDirs) {
    describe.concurrent(rule, () => {
      const cases = readdirSync(join(fixturesDir, rule)).filter((name) => statSync(join(fixturesDir, rule, name)).isDirectory());
      for (const name of cases) {
        it(name, async ({ expect }) => {
          const { root, expected } = prepare(join(fixturesDir, rule, name));
          const { result } = await lint(root, { today: testToday });
          const actual = result.diagnostics.map(findingKey).sort();
          expect(actual, result.diagnostics.map((d) => `${findingKey(d)} ${d.message}`).join('\n')).toEqual(expected);
          if (!name.startsWith('valid-')) expect(expected.some((e) => e.endsWith(` ${rule}`) || e.includes(` ${rule}/`))).toBe(true);
          // The full findings, as a person reads them: a changed message shows in review.
          expect(result.diagnostics.map(fullFinding)).toMatchSnapshot();
        });
      }
    });
  }
});

/** One finding on one line: where (and where it ends), severity, rule and message id, message, suggestions. */
function fullFinding(d: Diagnostic): string {
  const end = d.endLine !== undefined ? `-${d.endLine}:${d.endColumn}` : '';
  const expected = d.expected ? ` [expected: ${d.expected.join(', ')}]` : '';
  const related = (d.related ?? []).map((r) => ` (↳ ${r.file}:${r.line}:${r.column} ${r.message})`).join('');
  return `${d.file}:${d.line}:${d.column}${end} ${d.severity} ${d.rule}${d.messageId ? `/${d.messageId}` : ''}: ${d.message}${expected}${related}`;
}

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
