// Markdown bodies, read only as far as rules need (links, raw HTML, tables), after bounds that
// keep pathological input away from any parser. body-remark.ts holds the reference reading with
// unified + remark-parse + remark-gfm that the tests compare these readers with.
import type { BodyLink, BodyTable, UnsafeHtml } from './entity.js';
import { limits } from './limits.js';
import { scanBody } from './scan.js';
import { endsTable, isTableStart, readTable } from './table.js';

export interface ParsedBody {
  links: BodyLink[];
  tables: BodyTable[];
  unsafeHtml: UnsafeHtml[];
  /** Why the body was not parsed, when it was not. */
  refused?: { message: string; line: number; column: number };
}

/** True when a body can hold nothing the rules look at, so it needs no parse. */
export function bodyNeedsParse(body: string, wantsTables: boolean): boolean {
  if (wantsTables && body.includes('|')) return true;
  return body.includes('](') || body.includes(']:') || body.includes('<') || /\b(?:javascript|data|vbscript):/i.test(body);
}

/** Bounds checked before parsing, so no body can overflow the parser's stack or run for minutes. */
export function checkBounds(body: string, firstLine: number): ParsedBody['refused'] {
  if (Buffer.byteLength(body) > limits.maxBodyParseBytes) {
    return { message: `The body is larger than ${limits.maxBodyParseBytes / 1024} KB: split it into several files.`, line: firstLine, column: 1 };
  }
  // One pass says whether any bound could be near; only then do the exact checks below run.
  if (!nearAnyBound(body)) return undefined;
  const lineOf = (index: number) => {
    let line = firstLine;
    for (let i = body.indexOf('\n'); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) line++;
    return line;
  };
  // Container nesting: `>` markers, or indentation deep enough to nest lists that far. One pass
  // of each pattern over the whole body; lines are counted only when one matches.
  const nested = nestingPattern.exec(body);
  if (nested) {
    return { message: `Line nests quotes or lists more than ${limits.maxMarkdownNesting} levels deep: flatten it.`, line: lineOf(nested.index), column: 1 };
  }
  // A block of thousands of lines without a blank one (lazy continuation lines) costs
  // Markdown parsers quadratic time, and no person writes one.
  const longBlock = findLongBlock(body);
  if (longBlock !== -1) {
    return { message: `A paragraph runs for more than ${limits.maxBlockLines} lines without a blank line: break it up.`, line: firstLine + longBlock, column: 1 };
  }
  const run = delimiterRunPattern.exec(body);
  if (run) {
    let length = run[0].length;
    while (body[run.index + length] === run[1]) length++;
    const start = body.lastIndexOf('\n', run.index) + 1;
    return {
      message: `A run of ${length} \`${run[1]}\` characters is more than Markdown can read safely: shorten it.`,
      line: lineOf(run.index),
      column: run.index - start + 1,
    };
  }
  const delimiters = countDelimiters(body);
  if (delimiters > limits.maxDelimiterRun * 50) {
    return { message: 'The body holds tens of thousands of `*`, `_`, `[` or `]` characters: it cannot be read safely as Markdown.', line: firstLine, column: 1 };
  }
  return undefined;
}

/** A line whose leading `>` markers or indentation nest deeper than the limit. */
const nestingPattern = new RegExp(
  // Each alternative is unambiguous (every repetition ends at a distinct character), so it runs in linear time.
  `^(?:[ \\t]*>){${limits.maxMarkdownNesting + 1}}|^[ \\t>]{${limits.maxMarkdownNesting * 4 + 4},}|^[ >]*(?:\\t[ >]*){${limits.maxMarkdownNesting + 1}}`,
  'm',
);

/** The 0-based line where a run of more than maxBlockLines non-blank lines starts, or -1. */
function findLongBlock(body: string): number {
  let line = 0;
  let runStart = 0;
  let run = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = body.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13) {
        blank = false;
        break;
      }
    }
    if (blank) run = 0;
    else if (run++ === 0) runStart = line;
    if (run > limits.maxBlockLines) return runStart;
    line++;
    start = end + 1;
  }
  return -1;
}

/** The characters whose long runs the delimiter-run bound looks for. */
const runCharacters = new Uint8Array(128);
for (const c of '*_[]`~(<>!') runCharacters[c.charCodeAt(0)] = 1;

/**
 * Whether a body comes near any bound of checkBounds, in one pass: a line whose leading spaces,
 * tabs and `>` run past the nesting limit (every nesting pattern needs such a prefix), a block
 * of too many non-blank lines, a run of one delimiter past its limit, or too many delimiters.
 */
function nearAnyBound(body: string): boolean {
  const maxLead = limits.maxMarkdownNesting;
  let lead = 0;
  let inLead = true;
  let blank = true;
  let block = 0;
  let previous = -1;
  let run = 0;
  let delimiters = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      block = blank ? 0 : block + 1;
      if (block > limits.maxBlockLines) return true;
      inLead = true;
      blank = true;
      lead = 0;
      previous = -1;
      continue;
    }
    // The nesting patterns' `^` also starts a line after CR, U+2028 and U+2029.
    if (c === 13 || c === 0x2028 || c === 0x2029) {
      inLead = true;
      lead = 0;
    } else if (inLead) {
      if (c === 32 || c === 9 || c === 62) {
        if (++lead > maxLead) return true;
      } else inLead = false;
    }
    if (blank && c !== 32 && c !== 9 && c !== 13) blank = false;
    if (c === previous) {
      if (++run > limits.maxDelimiterRun && c < 128 && runCharacters[c] === 1) return true;
    } else {
      previous = c;
      run = 1;
    }
    if (c === 42 || c === 95 || c === 91 || c === 93) delimiters++;
  }
  if (!blank && block + 1 > limits.maxBlockLines) return true;
  return delimiters > limits.maxDelimiterRun * 50;
}

/** A run of one emphasis, bracket or code character longer than the limit. */
const delimiterRunPattern = new RegExp(`([*_\\[\\]\`~(<>!])\\1{${limits.maxDelimiterRun}}`);

function countDelimiters(body: string): number {
  let count = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93) count++; // * _ [ ]
  }
  return count;
}

/**
 * Reads a body whose tables the rules need (decision-rights, context-table): each table is read
 * from its lines (table.ts), and the rest of the body goes through the fast scan for links and
 * HTML. `parseBody` above, with remark + GFM, is the reference it is tested against.
 */
export function parseTableBody(body: string, firstLine: number): ParsedBody {
  const out: ParsedBody = { links: [], tables: [], unsafeHtml: [] };
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const rest = [...lines];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (!isTableStart(line, lines[i + 1])) continue;
    let end = i + 2;
    while (end < lines.length && !endsTable(lines[end]!)) end++;
    if (end - i > limits.maxTableRows || lines.slice(i, end).join('\n').length > limits.maxTableBytes) {
      out.refused = { message: `This table is larger than ${limits.maxTableRows} rows or ${limits.maxTableBytes / 1024} KB: split it into several tables.`, line: firstLine + i, column: 1 };
      return out;
    }
    out.tables.push(readTable(lines.slice(i, end), firstLine + i, out.links, out.unsafeHtml));
    for (let j = i; j < end; j++) rest[j] = '';
    i = end - 1;
  }
  const scanned = scanBody(rest.join('\n'), firstLine);
  out.links.push(...scanned.links);
  out.unsafeHtml.push(...scanned.unsafeHtml);
  return out;
}
