// A fast reader for the plain shape nearly every model file's frontmatter has: block mappings
// and lists of simple scalars, one-line quoted strings, one-line `[a, b]` lists and `|`/`>`
// block text. It gives exactly what the `yaml` package (1.2 core schema) gives for such a
// block — the same values, typed by `yaml`'s own core-schema tags, and the same key positions —
// at a tenth of the cost. It says "not mine" (undefined) for anything else: anchors, aliases,
// tags, flow mappings, escapes, multi-line plain or quoted scalars, tabs, CR, any Unicode space
// but U+0020, duplicate or odd keys, any irregular indentation. The caller then reads the block
// with `yaml` itself, which also finds and explains every problem. So this reader never reports
// problems, and a block it accepts is one `yaml` reads without a single error or warning
// (test/simple-yaml.test.ts and test/yaml-suite.test.ts check both readers agree on the
// yaml-test-suite, every accepted block of the example model, the benchmark corpora, the
// hostile corpus and many thousands of mutated blocks).
import { Document, isScalar } from 'yaml';
import type { Position } from '../../types.js';
import { escapePointer } from '../domain/relations.js';
import { limits } from '../../limits.js';

/** What a successful read gives: the mapping and JSON Pointer → position of each key or item. */
export interface SimpleYaml {
  data: Record<string, unknown>;
  positions: Record<string, Position>;
  /** Pointer → text as written of a number or true/false whose value reads differently (`1.0`). */
  written: Record<string, string>;
  /** Whether a ` #` comment follows a plain value somewhere (text YAML may have cut). */
  commentAfterValue: boolean;
}

// `yaml`'s own core-schema scalar tags and options, so a plain scalar gets exactly its type.
const coreDocument = new Document(undefined, { version: '1.2', schema: 'core' });
type ScalarTag = { default?: boolean | 'key'; test?: RegExp; resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown };
const coreTags = (coreDocument.schema.tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test instanceof RegExp);
const coreOptions = coreDocument.options;

class NotSimple extends Error {}
const notSimple = new NotSimple();
const bail = (): never => {
  throw notSimple;
};

/** The value of a plain scalar under the core schema, as `yaml` types it. */
function plainValue(text: string): unknown {
  for (const tag of coreTags) {
    if (tag.test!.test(text)) {
      let failed = false;
      const value = tag.resolve(text, () => (failed = true), coreOptions);
      if (failed) bail();
      return isScalar(value) ? value.value : value;
    }
  }
  return text;
}

// Characters that make a block not simple anywhere: tabs, CR, other control characters,
// line/paragraph separators, the byte-order mark and every Unicode space other than U+0020
// (JavaScript's trim() removes them, YAML keeps them as text: with none of them in the block,
// trimming here trims exactly YAML's spaces).
const oddCharacter = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
// A key: a plain word that the core schema reads as a string, not `null`, `true` or a number.
const keyLine = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const nonStringKey = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
// The first character of a plain scalar: not a YAML indicator.
const plainStart = /^[^-?:,[\]{}#&*!|>'"%@`\s]|^[-?:][^\s,[\]{}]/;
// A plain item of a one-line flow list.
const flowItem = /^[^-?:,[\]{}#&*!|>'"%@`\s][^,[\]{}#:'"]*$|^-[^\s,[\]{}#:'"][^,[\]{}#:'"]*$/;

interface Line {
  /** 1-based line in the block (= line in the file). */
  no: number;
  indent: number;
  /** The line without its indentation; '' for a blank line. */
  text: string;
}

/** Reads a frontmatter block the simple way, or returns undefined when it is not simple. */
export function readSimpleYaml(source: string): SimpleYaml | undefined {
  if (oddCharacter.test(source)) return undefined;
  const raw = source.split('\n');
  const lines: Line[] = raw.map((line, i) => {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    return { no: i + 1, indent, text: line.slice(indent).trimEnd() };
  });
  const positions: Record<string, Position> = { '': { line: 1, column: 1 } };
  const written: Record<string, string> = {};
  let commentAfterValue = false;
  /** A plain scalar's value, noting its text when YAML reads it as a number or true/false that prints differently. */
  const plain = (text: string, pointer: string): unknown => {
    const value = plainValue(text);
    if ((typeof value === 'number' || typeof value === 'boolean') && String(value) !== text) written[pointer] = text;
    return value;
  };
  let keys = 0;
  // `next` is the index of the next line to look at.
  let next = 0;

  /** The next line that carries content (not blank, not a comment), or undefined. */
  const peek = (): Line | undefined => {
    while (next < lines.length) {
      const line = lines[next]!;
      if (line.text !== '' && !line.text.startsWith('#')) return line;
      // An indented `#word` line may be text the writer meant as part of the value above:
      // the frontmatter reader then looks for dropped comments, as it does for any ` #word`.
      if (line.indent > 0 && /^#\S/.test(line.text)) commentAfterValue = true;
      next++;
    }
    return undefined;
  };
  const isDocumentMarker = (line: Line) => line.indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(line.text);

  /** A mapping whose keys sit at `indent`; `first` is an already split first key (after `- `). */
  const mapping = (indent: number, pointer: string, depth: number, first?: { line: Line; column: number; text: string }): Record<string, unknown> => {
    if (depth > limits.maxYamlDepth) bail();
    const out: Record<string, unknown> = {};
    const entry = (line: Line, column: number, text: string) => {
      const match = keyLine.exec(text);
      if (!match) bail();
      const key = match![1]!;
      if (nonStringKey.test(key) || key in Object.prototype || Object.prototype.hasOwnProperty.call(out, key)) bail();
      if (++keys > limits.maxYamlKeys) bail();
      const childPointer = `${pointer}/${escapePointer(key)}`;
      positions[childPointer] = { line: line.no, column };
      out[key] = value(indent, childPointer, depth + 1, line, column + match![0].length, text.slice(match![0].length));
    };
    if (first) entry(first.line, first.column, first.text);
    for (;;) {
      const line = peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent || isDocumentMarker(line)) bail();
      next++;
      entry(line!, indent + 1, line!.text);
    }
    return out;
  };

  /** A block list whose dashes sit at `indent`. */
  const list = (indent: number, pointer: string, depth: number): unknown[] => {
    if (depth > limits.maxYamlDepth) bail();
    const out: unknown[] = [];
    for (;;) {
      const line = peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent) bail();
      if (!line.text.startsWith('- ')) {
        if (keyLine.test(line.text)) break; // `key:` at the list's indent ends a list written flush with its parent key
        bail();
      }
      next++;
      let skip = 2;
      while (line.text.charCodeAt(skip) === 32) skip++;
      const rest = line.text.slice(skip);
      const column = line.indent + skip + 1;
      const childPointer = `${pointer}/${out.length}`;
      positions[childPointer] = { line: line.no, column };
      if (rest.startsWith('- ') || rest === '-') bail();
      if (keyLine.test(rest)) {
        out.push(mapping(column - 1, childPointer, depth + 1, { line, column, text: rest }));
      } else {
        out.push(inlineValue(indent, childPointer, depth + 1, line, column, rest));
      }
    }
    return out;
  };

  /** The value after `key:` on `line` (`rest`, starting at 1-based `column`), or the block below it. */
  const value = (keyIndent: number, pointer: string, depth: number, line: Line, column: number, rest: string): unknown => {
    if (rest === '' || rest.startsWith('#')) {
      const below = peek();
      if (!below || below.indent < keyIndent) return null;
      if (below.indent === keyIndent) return below.text.startsWith('- ') ? list(keyIndent, pointer, depth) : null;
      if (isDocumentMarker(below)) bail();
      if (below.text.startsWith('- ')) return list(below.indent, pointer, depth);
      if (keyLine.test(below.text)) return mapping(below.indent, pointer, depth);
      return bail();
    }
    return inlineValue(keyIndent, pointer, depth, line, column, rest);
  };

  /** A value written on the line itself: a scalar, a quoted string, `[a, b]` or a block scalar header. */
  const inlineValue = (parentIndent: number, pointer: string, depth: number, line: Line, column: number, rest: string): unknown => {
    const first = rest[0]!;
    if (first === '|' || first === '>') return blockScalar(parentIndent, rest);
    let result: unknown;
    if (first === '"' || first === "'") {
      const close = first === '"' ? rest.indexOf('"', 1) : singleQuoteEnd(rest);
      if (close < 0) bail();
      const inner = rest.slice(1, close);
      if (first === '"' && inner.includes('\\')) bail();
      if (!endsCleanly(rest.slice(close + 1))) bail();
      result = first === '"' ? inner : inner.replaceAll("''", "'");
    } else if (first === '[') {
      if (!rest.endsWith(']') || rest.includes('#')) bail();
      const inner = rest.slice(1, -1);
      const items: unknown[] = [];
      if (inner.trim() !== '') {
        let offset = 1;
        for (const part of inner.split(',')) {
          const lead = part.length - part.trimStart().length;
          const item = part.trim();
          if (!flowItem.test(item) || item.includes(' -') || /\s[?:]/.test(item)) bail();
          positions[`${pointer}/${items.length}`] = { line: line.no, column: column + offset + lead };
          items.push(plain(item, `${pointer}/${items.length}`));
          offset += part.length + 1;
        }
      }
      if (depth > limits.maxYamlDepth) bail();
      result = items;
    } else {
      if (!plainStart.test(rest)) bail();
      const hash = rest.indexOf(' #');
      if (hash >= 0) commentAfterValue = true;
      const text = (hash >= 0 ? rest.slice(0, hash) : rest).trimEnd();
      if (text.includes(': ') || text.endsWith(':')) bail();
      result = plain(text, pointer);
    }
    // A more-indented line below would continue the scalar (or be an error): `yaml` decides.
    const below = peek();
    if (below && below.indent > parentIndent) bail();
    return result;
  };

  /** A `|` or `>` block scalar whose header is `header`; its lines follow. */
  const blockScalar = (parentIndent: number, header: string): string => {
    const match = /^([|>])([-+]?) *$/.exec(header);
    if (!match) bail();
    const folded = match![1] === '>';
    const chomp = match![2];
    const content: string[] = [];
    let contentIndent = -1;
    while (next < lines.length) {
      const line = lines[next]!;
      const blank = line.text === '';
      if (!blank && line.indent <= parentIndent) {
        if (line.text.startsWith('#')) bail(); // a comment right after block text: let `yaml` judge
        break;
      }
      if (blank) {
        // The block's last line has no line break after it: spaces there are no line of text
        // (more spaces than the text's indentation would be text: `yaml` decides).
        if (next === lines.length - 1) {
          if (contentIndent >= 0 ? raw[next]!.length > contentIndent : raw[next] !== '') bail();
          next++;
          break;
        }
        if (contentIndent < 0 || line.indent > contentIndent) bail();
        content.push('');
      } else {
        if (contentIndent < 0) contentIndent = line.indent;
        if (line.indent < contentIndent) bail();
        const text = raw[line.no - 1]!.slice(contentIndent);
        if (text !== text.trimEnd() && folded) bail();
        if (folded && line.indent > contentIndent) bail();
        content.push(raw[line.no - 1]!.slice(contentIndent));
      }
      next++;
    }
    if (contentIndent < 0) bail();
    let trailing = 0;
    while (content.length > 0 && content[content.length - 1] === '') {
      content.pop();
      trailing++;
    }
    let text: string;
    if (folded) {
      text = content[0]!;
      let empties = 0;
      for (let i = 1; i < content.length; i++) {
        if (content[i] === '') {
          empties++;
          continue;
        }
        text += empties === 0 ? ' ' : '\n'.repeat(empties);
        text += content[i];
        empties = 0;
      }
    } else {
      text = content.join('\n');
    }
    if (chomp === '-') return text;
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailing)}`;
    return `${text}\n`;
  };

  try {
    const first = peek();
    if (!first || first.indent !== 0) return undefined;
    const data = mapping(0, '', 0);
    if (peek()) return undefined;
    return { data, positions, written, commentAfterValue };
  } catch (error) {
    if (error === notSimple) return undefined;
    throw error;
  }
}

/** The index of the quote that closes a single-quoted scalar ('' is an escaped quote), or -1. */
function singleQuoteEnd(text: string): number {
  let i = 1;
  for (;;) {
    const at = text.indexOf("'", i);
    if (at < 0) return -1;
    if (text[at + 1] === "'") {
      i = at + 2;
      continue;
    }
    return at;
  }
}

/** Whether what follows a closing quote is nothing or a comment. */
function endsCleanly(after: string): boolean {
  return after.trim() === '' || /^ +#/.test(after);
}
