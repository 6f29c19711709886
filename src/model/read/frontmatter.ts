// Frontmatter: the strict `---` framing check, then gray-matter with the `yaml` package as its
// only engine (YAML 1.2 core schema), bounded before and during parsing, with key positions.
import matter from 'gray-matter';
import { CST, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node as YamlNode } from 'yaml';
import type { Position } from '../../types.js';
import { escapePointer } from '../domain/relations.js';
import { limits } from '../../limits.js';
import { readSimpleYaml } from './simple-yaml.js';
import { yamlMessage } from '../../util/yaml-message.js';

/** A problem with the frontmatter, at a file position. */
export interface FrontmatterFinding {
  message: string;
  line: number;
  column: number;
}

export interface FrontmatterResult {
  data?: Record<string, unknown>;
  positions: Record<string, Position>;
  problems: FrontmatterFinding[];
  /** Index into the text where the body starts. */
  bodyOffset: number;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** Text after a plain value that YAML drops as a comment (`in #deals`): `yaml-comment` findings. */
  droppedComments: FrontmatterFinding[];
  /**
   * JSON Pointer → the text as written of a value YAML reads as a number or true/false where
   * that text differs from the value's own (`1.0` for 1, `True` for true): fix hints quote it.
   */
  written: Record<string, string>;
}

/** Splits a file's text into frontmatter and body and parses the frontmatter safely. */
export function readFrontmatter(text: string, options: { simpleReader?: boolean } = {}): FrontmatterResult {
  const result: FrontmatterResult = { positions: {}, problems: [], bodyOffset: 0, bodyLine: 1, droppedComments: [], written: {} };
  const problem = (message: string, line = 1, column = 1) => result.problems.push({ message, line, column });

  const firstEnd = text.indexOf('\n');
  const firstLine = (firstEnd === -1 ? text : text.slice(0, firstEnd)).replace(/\r$/, '');
  if (firstLine !== '---') {
    problem(describeBadOpening(text, firstLine));
    return result;
  }
  // Find the closing line: the next line that is exactly `---`. gray-matter ends the block at
  // the first line that merely starts with `---`: such a line before it is a finding, so that
  // no field after it is ever dropped unseen.
  let offset = firstEnd + 1;
  let line = 2;
  let closeStart = -1;
  let closeEnd = -1;
  while (offset <= text.length && firstEnd !== -1) {
    const end = text.indexOf('\n', offset);
    if (text.startsWith('---', offset)) {
      const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
      if (raw === '---') {
        closeStart = offset;
        closeEnd = end === -1 ? text.length : end + 1;
        break;
      }
      problem(
        /^---[ \t]+$/.test(raw)
          ? 'This line looks like the end of the frontmatter but is not: remove the spaces after `---`.'
          : 'A line inside the frontmatter must not start with `---`: indent it, or put the value in quotes.',
        line,
      );
      return result;
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  if (closeStart === -1) {
    problem('The frontmatter is never closed: add a line with exactly `---` after the last field.');
    return result;
  }
  result.bodyOffset = closeEnd;
  result.bodyLine = line + 1;

  const block = text.slice(firstEnd, closeStart); // starts with the newline after `---`, so line n of the block is line n of the file
  if (Buffer.byteLength(block) > limits.maxFrontmatterBytes) {
    problem(`The frontmatter is larger than ${limits.maxFrontmatterBytes / 1024} KB: move long text into the body below the closing \`---\`.`);
    return result;
  }
  // gray-matter scans the block with a multi-line pattern whose cost grows with the square of
  // its line breaks: bound them first (JavaScript's `^` also starts a line after CR, U+2028, U+2029).
  const breaks = countLineBreaks(block);
  if (breaks > limits.maxFrontmatterLines) {
    problem(`The frontmatter has ${breaks} lines; the most allowed is ${limits.maxFrontmatterLines}: move long text into the body.`);
    return result;
  }

  let parsed: ParsedYaml | undefined;
  // The first line is exactly `---`, so gray-matter only ever picks its YAML engine (the opening
  // check above reports `---js` and the like); that engine reads the block as framed above,
  // which is gray-matter's block with its last line break: that break is YAML's too (`keep: |+`
  // then an empty line reads "\n").
  const yamlEngine = () => {
    const yaml = block;
    const simple = options.simpleReader === false ? undefined : readSimpleYaml(yaml);
    if (simple) {
      parsed = { data: simple.data, positions: simple.positions, written: simple.written, problems: [], commentAfterValue: simple.commentAfterValue };
      return {};
    }
    // The simple reader bounds its own depth; `yaml` is given no block nested too deeply.
    const tooDeep = findExcessiveNesting(block);
    parsed = tooDeep
      ? { positions: {}, problems: [{ message: `The frontmatter nests deeper than ${limits.maxYamlDepth} levels: flatten it.`, line: tooDeep, column: 1 }] }
      : parseYaml(yaml);
    return {};
  };
  // Options are always passed: gray-matter's cache (used only without options) is unsafe.
  matter(text.slice(0, closeEnd), {
    language: 'yaml',
    delimiters: '---',
    engines: { yaml: yamlEngine },
  } as unknown as Parameters<typeof matter>[1]);
  // gray-matter skips the engine for a block it takes for blank lines and comments only; its
  // test trims non-breaking spaces too, which YAML reads as text: YAML decides.
  if (!parsed) yamlEngine();
  result.problems.push(...parsed!.problems);
  if (parsed!.data !== undefined) {
    result.data = parsed!.data;
    result.positions = parsed!.positions;
    if (parsed!.written) result.written = parsed!.written;
    // Skipped unless a `#` follows a space or tab right after other text on some line (the
    // simple reader knows whether one follows a plain value).
    if (parsed!.commentAfterValue ?? /[ \t]#\S/.test(block)) result.droppedComments = findDroppedComments(block);
  }
  return result;
}

/**
 * Comments YAML cuts from the end of a plain value (`Ask in #deals` reads "Ask in"), found in
 * `yaml`'s own syntax tree. A comment written `# like this` (a space after `#`) is taken as meant.
 */
function findDroppedComments(source: string): FrontmatterFinding[] {
  const found: FrontmatterFinding[] = [];
  const lineCounter = new LineCounter();
  for (const token of new Parser(lineCounter.addNewLine).parse(source)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item, path) => {
      const value = item.value;
      if (!value || value.type !== 'scalar' || !value.end) return;
      const comment = value.end.find((t) => t.type === 'comment');
      if (!comment || !/^#\S/.test(comment.source)) return;
      // Block mappings and lists only: inside `[…]` or `{…}` a comment needs a line break after it.
      const parent = CST.visit.parentCollection(token, path);
      const key = item.key && 'source' in item.key && typeof item.key.source === 'string' ? item.key.source : undefined;
      if (parent.type !== 'block-seq' && (parent.type !== 'block-map' || key === undefined)) return;
      const reads = CST.resolveAsScalar(value)?.value ?? value.source;
      const what = parent.type === 'block-seq' ? 'this list item' : `\`${key}\``;
      const whole = `${value.source} ${comment.source}`;
      const quoted = `"${whole.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      const fix = whole.length > 80 || whole.includes('\n') ? 'put the whole value in quotes' : `write it in quotes: \`${parent.type === 'block-seq' ? '-' : `${key}:`} ${quoted}\``;
      const pos = lineCounter.linePos(comment.offset);
      found.push({
        message: `YAML reads \`${shorten(comment.source)}\` as a comment and drops it: ${what} reads only "${shorten(reads)}". To keep it, ${fix}.`,
        line: pos.line,
        column: pos.col,
      });
    });
  }
  return found;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function describeBadOpening(text: string, firstLine: string): string {
  const trimmed = firstLine.trim();
  if (text.length === 0 || text.trim() === '') return 'The file is empty: start it with `---`, a `title:` line and a closing `---`.';
  if (/^---\s*\S/.test(firstLine)) {
    const language = firstLine.slice(3).trim();
    return `Frontmatter in \`${language.slice(0, 40)}\` is not allowed: opmodel reads YAML only. Make the first line exactly \`---\`.`;
  }
  if (trimmed === '+++') return 'TOML frontmatter (`+++`) is not supported: use YAML between two `---` lines.';
  if (trimmed === '---') {
    if (firstLine.includes('\r')) return 'The file uses old Mac line endings (CR only): save it with LF or CRLF line endings.';
    return 'The first line must be exactly `---`, with no spaces around it.';
  }
  if (trimmed === '' && /^\s*\r?\n\s*---/.test(text)) return 'The frontmatter must start on the first line: remove the blank lines before `---`.';
  return 'The file has no frontmatter: start it with a line `---`, then `title: …`, then a closing `---`.';
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) count++;
  }
  return count;
}

/** Returns the 1-based line where nesting first exceeds the limit, or 0. Runs before parsing. */
function findExcessiveNesting(block: string): number {
  const indents: number[] = [];
  let flowDepth = 0;
  let lineNo = 1;
  for (const rawLine of block.split('\n')) {
    const content = rawLine.trimEnd();
    if (content.trim() !== '' && !content.trimStart().startsWith('#')) {
      const indent = content.length - content.trimStart().length;
      if (flowDepth === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      // Compact nesting on one line: `- - - x` or `a: {b: [c]}`.
      let compact = 0;
      let quote = '';
      for (let i = indent; i < content.length; i++) {
        const ch = content[i]!;
        if (quote) {
          if (ch === quote) quote = '';
          continue;
        }
        if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '#' && (i === 0 || content[i - 1] === ' ')) break;
        else if (ch === '[' || ch === '{') flowDepth++;
        else if ((ch === ']' || ch === '}') && flowDepth > 0) flowDepth--;
        else if ((ch === '-' || ch === '?') && content[i + 1] === ' ' && /^[\s\-?]*$/.test(content.slice(indent, i))) compact++;
        // `a: b: c: …` on one line: each `: ` opens another implicit mapping for the parser.
        else if (ch === ':' && flowDepth === 0 && (i + 1 === content.length || content[i + 1] === ' ')) compact++;
        if (flowDepth > limits.maxYamlDepth) return lineNo;
      }
      if (indents.length + compact + flowDepth > limits.maxYamlDepth) return lineNo;
    }
    lineNo++;
  }
  return 0;
}

/** How many YAML problems one file reports. */
const maxYamlProblems = 3;

interface ParsedYaml {
  data?: Record<string, unknown>;
  positions: Record<string, Position>;
  written?: Record<string, string>;
  problems: FrontmatterFinding[];
  /** Set by the simple reader: whether a ` #` comment follows a plain value anywhere. */
  commentAfterValue?: boolean;
}

/** Spaces other than U+0020 that YAML reads as text, not as indentation or blank. */
const unicodeSpace = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const leadingOddSpace = /^[ ]*([\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])/;
const oddFirst = /^[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** What to say about indentation with a tab or a non-breaking space, in plain words. */
function oddIndentMessage(lineText: string): string | undefined {
  const match = leadingOddSpace.exec(lineText);
  if (!match) return undefined;
  const what = match[1] === '\t' ? 'a tab' : match[1] === '\u00a0' ? 'a non-breaking space (often pasted from a document)' : `a special space (U+${match[1]!.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (lineText.trim() === '' || /^[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*$/.test(lineText)) return `This line holds only ${what}: make it empty.`;
  return `Indent with spaces; this line starts with ${what}.`;
}

/** A message for a value with `: ` in it, which YAML reads as another field, or undefined. */
function colonInValueMessage(lineText: string): string | undefined {
  const match = /^[ ]*(-[ ]+)?([A-Za-z_][\w-]*):[ ]+([^'"[{|>].*?:[ ].*?)[ ]*$/.exec(lineText);
  if (!match) return undefined;
  const [, dash, key] = match;
  // A ` #` starts a comment in YAML, so it is no part of the value.
  const value = match[3]!.replace(/[ \t]+#.*$/, '');
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `The value of \`${key}\` has a colon and a space in it, which YAML reads as the start of another field: put the whole value in quotes, \`${dash ?? ''}${key}: ${quoted}\`.`;
}

/** Reads a frontmatter block with `yaml`, for every block the simple reader does not take. */
function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const out: ParsedYaml = { positions: { '': { line: 1, column: 1 } }, problems: [] };
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const doc = parseDocument(source, {
    version: '1.2',
    schema: 'core',
    lineCounter,
    // Duplicate keys are found below in linear time; yaml's own check is quadratic.
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    // A key that is a list or mapping becomes its text in the data, as in `yaml`, without the
    // process warning `yaml` would print on stderr.
    logLevel: 'error',
  });
  // The first problems are the ones to fix; the rest are usually knock-on effects.
  const problems = [...doc.errors, ...doc.warnings];
  const lines = problems.length > 0 ? source.split('\n') : [];
  for (const [index, error] of problems.slice(0, maxYamlProblems).entries()) {
    const pos = at(error.pos[0]);
    // A tab or non-breaking space at the start of a line up to the first error is its cause.
    // (Before the error's own line, only at column 1: spaces then a tab can be text of a block.)
    const odd = index === 0 ? lines.slice(0, pos.line).findIndex((l, i) => (i === pos.line - 1 ? leadingOddSpace.test(l) : oddFirst.test(l))) : -1;
    if (odd >= 0) {
      // What YAML says after it is a knock-on effect of the same line.
      out.problems.push({ message: oddIndentMessage(lines[odd]!)!, line: odd + 1, column: 1 });
      return out;
    }
    const plain = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInValueMessage(lines[pos.line - 1] ?? '') : undefined;
    out.problems.push({ message: plain ?? yamlMessage(error.code, error.message), ...pos });
  }
  if (problems.length > maxYamlProblems) {
    const last = out.problems[out.problems.length - 1]!;
    const more = problems.length - maxYamlProblems;
    last.message = `${last.message.replace(/\.$/, '')} (${more} more YAML problem${more === 1 ? '' : 's'} follow from here; fix these first).`;
  }
  if (doc.errors.length > 0) return out;
  if (doc.contents === null) {
    out.data = {};
    return out;
  }
  if (!isMap(doc.contents)) {
    const pos = at(doc.contents.range?.[0] ?? 0);
    out.problems.push({ message: 'The frontmatter must be fields written as `key: value`, one per line (such as `title: Our strategy`), not a single value or a list.', ...pos });
    return out;
  }
  let keyCount = 0;
  let aliasCount = 0;
  let failed = false;
  const walk = (node: YamlNode | null | undefined, pointer: string, depth: number): void => {
    if (!node || failed) return;
    if (depth > limits.maxYamlDepth) {
      failed = true;
      out.problems.push({ message: `The frontmatter nests deeper than ${limits.maxYamlDepth} levels: flatten it.`, ...at(node.range?.[0] ?? 0) });
      return;
    }
    if (isAlias(node)) {
      aliasCount++;
      return;
    }
    if (isMap(node)) {
      const seen = new Map<string, Position>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        keyCount++;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const pos = at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        // A key that starts with a non-breaking space: the line was indented with one.
        if (unicodeSpace.test(key[0] ?? '')) {
          out.problems.push({ message: oddIndentMessage(key)!, line: pos.line, column: 1 });
          continue;
        }
        const first = seen.get(key);
        if (first) {
          out.problems.push({ message: `The field \`${key}\` appears twice (first on line ${first.line}): keep one.`, ...pos });
        } else {
          seen.set(key, pos);
        }
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (!(childPointer in out.positions)) out.positions[childPointer] = pos;
        walk(pair.value as YamlNode | null, childPointer, depth + 1);
      }
    } else if (isScalar(node)) {
      if ((typeof node.value === 'number' || typeof node.value === 'boolean') && typeof node.source === 'string' && node.source !== String(node.value)) {
        (out.written ??= {})[pointer] = node.source;
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPointer = `${pointer}/${index}`;
        const itemNode = item as YamlNode | null;
        out.positions[childPointer] = at(itemNode?.range?.[0] ?? node.range?.[0] ?? 0);
        walk(itemNode, childPointer, depth + 1);
      });
    }
  };
  walk(doc.contents, '', 0);
  if (failed) return out;
  if (keyCount > limits.maxYamlKeys) {
    out.problems.push({ message: `The frontmatter has ${keyCount} fields; the most allowed is ${limits.maxYamlKeys}.`, line: 1, column: 1 });
    return out;
  }
  if (aliasCount > limits.maxYamlAliasNodes) {
    out.problems.push({
      message: `The frontmatter uses ${aliasCount} YAML aliases (\`*name\`); the most allowed is ${limits.maxYamlAliasNodes}: write the values out.`,
      line: 1,
      column: 1,
      ...firstAliasPosition(doc.contents, at),
    });
    return out;
  }
  if (out.problems.length > 0) return out;
  try {
    const data = doc.toJS({ maxAliasCount: limits.maxYamlAliases }) as Record<string, unknown>;
    out.data = data;
  } catch (error) {
    const reason = /alias/i.test((error as Error).message) ? 'its aliases expand too far' : (error as Error).message;
    out.problems.push({ message: `The frontmatter could not be read: ${reason}; write the values out instead of using aliases.`, line: 1, column: 1 });
  }
  return out;
}

function firstAliasPosition(root: YamlNode, at: (offset: number) => Position): Position | undefined {
  let found: Position | undefined;
  const visit = (node: unknown): void => {
    if (found || !node) return;
    if (isAlias(node)) {
      found = at(node.range?.[0] ?? 0);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(root);
  return found;
}

