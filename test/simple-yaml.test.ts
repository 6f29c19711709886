// The simple YAML reader must give exactly what `yaml` gives (values, types, key positions) for
// every block it accepts, and leave every other block to `yaml`. Checked on hand-written
// blocks, every file of the example model, the fixtures, the hostile corpus and a generated
// benchmark model, and on seeded mutations of real blocks.
import { lstatSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { readSimpleYaml } from '../dist/model/read/simple-yaml.js';
// @ts-expect-error: the benchmark generator is plain JavaScript
import { writeCorpus } from '../bench/generate.mjs';
import { writeHostileCorpus } from './hostile/corpus.js';
import { parseDocument } from 'yaml';
import { insertSpace, mutate, prng, spaceClasses } from './simple-yaml/mutate.js';
import { cleanTemp, repoRoot, tempDir } from './helpers.js';

afterAll(cleanTemp);

/** Both readers' results for a whole file. */
function bothWays(text: string) {
  return { fast: readFrontmatter(text), slow: readFrontmatter(text, { simpleReader: false }) };
}

/** What the `yaml` package itself reads from a block, when it reads it without a problem. */
function yamlReads(source: string): unknown {
  const doc = parseDocument(source, { version: '1.2', schema: 'core', merge: false, strict: true, uniqueKeys: true, logLevel: 'error' });
  return doc.errors.length === 0 && doc.warnings.length === 0 ? doc.toJS() : 'a YAML problem';
}

/** The block a frontmatter holds: from the newline after the opening `---` to the one before the closing `---`. */
function blockOf(text: string): string | undefined {
  const end = text.indexOf('\n---\n', 3);
  return text.startsWith('---\n') && end > 0 ? text.slice(3, end + 1) : undefined;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // Never follow the hostile corpus's links (to /dev/zero, /proc/self/environ…).
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // a file name that is not UTF-8
    }
    if (stat.isDirectory()) out.push(...markdownFiles(path));
    else if (stat.isFile() && name.endsWith('.md') && stat.size < 2_000_000) out.push(path);
  }
  return out;
}

const block = (...lines: string[]) => `\n${lines.join('\n')}\n`;

// Blocks the simple reader must take, and read as `yaml` does.
const accepted: [string, string][] = [
  ['YAML 1.2 scalars', block('a: yes', 'b: on', 'c: 0o17', 'd: 0x1F', 'e: 0755', 'f: 1e3', 'g: .inf', 'h: -.Inf', 'i: .nan', 'j: ~', 'k: null', 'l: True', 'm: 2024-02-30', 'n: 1:20')],
  ['quoted strings and comments', block(`title: "Hiring: a #1 priority" # note`, `owner: 'it''s ours'`, 'plain: C# and F#', 'url: https://example.com/a?b=c#d', 'empty:', 'commented: # nothing here')],
  ['nested lists and maps', block('teams: [growth, data-platform]', 'leading_indicators:', '  - metric: activation', '    target: "+5%"', '  - metric: retention', 'non_goals:', '- flush with the key', '- second', 'site:', '  nav:', '    depth: 2')],
  ['folded and literal text', block('problem: >-', '  Line one', '  line two.', '', '  New paragraph.', 'notes: |', '  keep', '    indented', '', 'kept: |+', '  end', '', 'last: >', '  folded', '  text')],
  ['unicode', block('title: Café — 🚀 launch', 'holder: Zoë Ångström')],
  ['kept text whose last line is spaces', block('a: |+', '  x', '  x', ' ')],
];
// Blocks the simple reader must leave to `yaml`.
const declined: [string, string][] = [
  ['anchors and aliases', block('a: &x 1', 'b: *x')],
  ['tags', block('a: !!str 5')],
  ['flow mapping', block('a: {b: 1}')],
  ['escapes', block('a: "tab\\there"')],
  ['multi-line plain scalar', block('a: one', '  two')],
  ['tab', block('a:\tb')],
  ['CRLF', '\r\na: b\r\n'],
  ['duplicate key', block('a: 1', 'a: 2')],
  ['__proto__ key', block('__proto__: x')],
  ['bad indentation', block('a:', '  b: 1', ' c: 2')],
  ['a list, not a mapping', block('- a', '- b')],
  ['unclosed quote', block('a: "open')],
  ['more-indented folded line', block('a: >', '  x', '    y')],
  ['a non-breaking space after a value', block('title: Our strategy\u00a0')],
  ['a line of only a non-breaking space', block('title: x', '\u00a0', 'owner: y')],
  ['an ideographic space in a value', block('title: Our\u3000strategy')],
];

describe('simple YAML reader', () => {
  it.each(accepted)('reads %s exactly as yaml does', (_name, source) => {
    const simple = readSimpleYaml(source);
    expect(simple).toBeDefined();
    const text = `---${source}---\nBody.\n`;
    const { fast, slow } = bothWays(text);
    expect(slow.problems).toEqual([]);
    expect(fast).toEqual(slow);
  });

  it.each(declined)('leaves %s to yaml', (_name, source) => {
    expect(readSimpleYaml(source)).toBeUndefined();
  });

  it('agrees with yaml on every file of the example, the fixtures, the hostile corpus and a generated model', () => {
    const hostile = tempDir('opmodel-simple-yaml-');
    writeHostileCorpus(hostile, join(hostile, 'marker'));
    const bench = tempDir('opmodel-simple-bench-');
    mkdirSync(bench, { recursive: true });
    writeCorpus(bench, { entities: 400, seed: 3 });
    const files = [...markdownFiles(join(repoRoot, 'model')), ...markdownFiles(join(repoRoot, 'test', 'fixtures')), ...markdownFiles(hostile), ...markdownFiles(bench)];
    let simple = 0;
    const differ: string[] = [];
    for (const file of files) {
      let text = readFileSync(file, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const { fast, slow } = bothWays(text);
      if (!isDeepStrictEqual(fast, slow)) differ.push(file);
      const end = text.indexOf('\n---', 3);
      if (text.startsWith('---\n') && end > 0 && readSimpleYaml(text.slice(3, end))) simple++;
    }
    expect(differ).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
    // The fast path is the common path: every well-formed file of the example and the generated model takes it.
    expect(simple).toBeGreaterThan(files.length * 0.8);
  });

  it('agrees with yaml on seeded mutations of real blocks', () => {
    const texts = markdownFiles(join(repoRoot, 'model')).map((f) => readFileSync(f, 'utf8'));
    const rand = prng(20261121);
    const variants = Number(process.env.OPMODEL_FUZZ_VARIANTS ?? 4000);
    let taken = 0;
    const differ: string[] = [];
    for (let k = 0; k < variants; k++) {
      const text = texts[Math.floor(rand() * texts.length)]!;
      const end = text.indexOf('\n---\n', 3);
      let source = text.slice(3, end);
      for (let steps = 1 + Math.floor(rand() * 3); steps > 0; steps--) source = mutate(source, rand);
      const variant = `---${source}${text.slice(end)}`;
      const { fast, slow } = bothWays(variant);
      if (!isDeepStrictEqual(fast, slow)) differ.push(source);
      const close = variant.indexOf('\n---', 3);
      if (close > 0 && readSimpleYaml(variant.slice(3, close))) taken++;
    }
    expect(differ.slice(0, 3)).toEqual([]);
    // Enough variants take the simple path for the comparison to mean something.
    expect(taken).toBeGreaterThan(variants * 0.2);
  });

  it('reads every mutated block it takes exactly as the yaml package does', () => {
    const blocks = markdownFiles(join(repoRoot, 'model')).flatMap((f) => blockOf(readFileSync(f, 'utf8')) ?? []);
    const rand = prng(20261201);
    const variants = Number(process.env.OPMODEL_FUZZ_VARIANTS ?? 4000) * 2;
    let taken = 0;
    const differ: string[] = [];
    for (let k = 0; k < variants; k++) {
      let source = blocks[Math.floor(rand() * blocks.length)]!;
      for (let steps = 1 + Math.floor(rand() * 3); steps > 0; steps--) source = mutate(source, rand);
      const simple = readSimpleYaml(source);
      if (!simple) continue;
      taken++;
      if (!isDeepStrictEqual(simple.data, yamlReads(source))) differ.push(source);
    }
    console.log(`simple YAML reader vs yaml: ${variants} mutated blocks, ${taken} taken by the simple reader, ${differ.length} differ`);
    expect(differ.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(variants * 0.2);
  });

  it('agrees with yaml with every Unicode space and line break pasted in', () => {
    const blocks = markdownFiles(join(repoRoot, 'model')).flatMap((f) => blockOf(readFileSync(f, 'utf8')) ?? []);
    const rand = prng(20261202);
    const perClass = Math.max(50, Math.round(Number(process.env.OPMODEL_FUZZ_VARIANTS ?? 4000) / 10));
    let count = 0;
    let taken = 0;
    const differ: string[] = [];
    for (const [name, piece] of spaceClasses) {
      for (let k = 0; k < perClass; k++) {
        let source = insertSpace(blocks[Math.floor(rand() * blocks.length)]!, piece, rand);
        if (rand() < 0.5) source = mutate(source, rand);
        count++;
        const simple = readSimpleYaml(source);
        if (simple) {
          taken++;
          if (!isDeepStrictEqual(simple.data, yamlReads(source))) differ.push(`${name}: ${JSON.stringify(source)}`);
        }
        // The whole file, through the fast path and without it: the same result, finding or not.
        const { fast, slow } = bothWays(`---${source}---\nBody.\n`);
        if (!isDeepStrictEqual(fast, slow)) differ.push(`${name} (whole file): ${JSON.stringify(source)}`);
      }
    }
    console.log(`Unicode spaces and line breaks: ${spaceClasses.length} classes, ${count} blocks, ${taken} taken by the simple reader, ${differ.length} differ`);
    expect(differ.slice(0, 3)).toEqual([]);
  });
});
