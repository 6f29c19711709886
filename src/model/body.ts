// Markdown bodies, read only as far as rules need: links, images, definitions, raw HTML and
// GFM tables, with file positions, all taken from the one syntax tree of markdown.ts (satteri, or
// remark + GFM), after bounds that keep pathological input away from any parser.
import type { BodyLink, BodyTable, TableCell, UnsafeHtml } from './entity.js';
import { limits } from './limits.js';
import { dangerousScheme, findUnsafeHtml } from './html.js';
import { parseMarkdown, type MdNode, type MdPoint } from './markdown.js';

export interface ParsedBody {
  links: BodyLink[];
  tables: BodyTable[];
  unsafeHtml: UnsafeHtml[];
  /** Why the body was not parsed, when it was not. */
  refused?: { message: string; line: number; column: number };
}

/**
 * True unless the body can hold nothing the rules read, so it needs no parse: every link,
 * image, definition, autolink (also GFM's bare `www.`, `https://` and e-mail ones) and raw
 * HTML needs one of these strings, and a table needs a pipe. test/markdown-conformance.test.ts
 * checks it on every spec example and fuzzed body.
 */
export function bodyNeedsParse(body: string, wantsTables: boolean): boolean {
  if (wantsTables && body.includes('|')) return true;
  return mayHoldLink.test(body);
}

const mayHoldLink = /\]\(|\]:|[<@]|www\.|:\/\//i;

/** Bounds checked before parsing, so no body can overflow the parser's stack or run for minutes. */
export function checkBounds(body: string, firstLine: number): ParsedBody['refused'] {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most bodies need no count.
  if (body.length * 3 > limits.maxBodyParseBytes && Buffer.byteLength(body) > limits.maxBodyParseBytes) {
    return { message: `The body is larger than ${limits.maxBodyParseBytes / 1024} KB: split it into several files.`, line: firstLine, column: 1 };
  }
  const lineOf = (index: number) => {
    let line = firstLine;
    for (let i = body.indexOf('\n'); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) line++;
    return line;
  };
  // Each check is one regular-expression pass, or runs only on a body long enough to reach its
  // bound; lines are counted only when one matches.
  // Container nesting: `>` markers, or indentation deep enough to nest lists that far.
  const nested = mayNest.test(body) ? nestingPattern.exec(body) : null;
  if (nested) {
    return { message: `Line nests quotes or lists more than ${limits.maxMarkdownNesting} levels deep: flatten it.`, line: lineOf(nested.index), column: 1 };
  }
  // A block of thousands of lines without a blank one (lazy continuation lines) costs
  // Markdown parsers quadratic time, and no person writes one.
  // (Each of those lines needs a character and a line break.)
  const longBlock = body.length > limits.maxBlockLines * 2 ? findLongBlock(body) : -1;
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
  if (body.length > limits.maxDelimiterRun * 50 && countDelimiters(body) > limits.maxDelimiterRun * 50) {
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

/** What every line that nestingPattern matches holds: a run of that many spaces, tabs and `>` (a quick first pass). */
const mayNest = new RegExp(`[ \\t>]{${limits.maxMarkdownNesting + 1}}`);

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
 * Reads a body's links, raw HTML and (when `wantsTables`) tables from its syntax tree.
 * `firstLine` is the file line on which the body starts; `parse` is markdown.ts's parser
 * unless a test passes another.
 */
export function readBody(body: string, firstLine: number, wantsTables: boolean, parse: (body: string) => MdNode = parseMarkdown): ParsedBody {
  const out: ParsedBody = { links: [], tables: [], unsafeHtml: [] };
  // (The reader has already made a lone CR a line feed, as CommonMark counts it a line break.)
  const tree = parse(body);
  const at = (point: MdPoint | undefined) => ({ line: (point?.line ?? 1) + firstLine - 1, column: point?.column ?? 1 });
  const visit = (node: MdNode, inTable: boolean): boolean => {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition': {
        const link = linkOf(node, at);
        out.links.push(link);
        const scheme = dangerousScheme(link.url);
        if (scheme) out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, line: link.line, column: link.column });
        break;
      }
      case 'html':
        findUnsafeHtml(node.value ?? '', at(node.position?.start), out.unsafeHtml);
        break;
      case 'table':
        if (wantsTables && !inTable) {
          const rows = node.children?.length ?? 0;
          const bytes = (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);
          if (rows > limits.maxTableRows || bytes > limits.maxTableBytes) {
            out.refused = { message: `This table is larger than ${limits.maxTableRows} rows or ${limits.maxTableBytes / 1024} KB: split it into several tables.`, ...at(node.position?.start), column: 1 };
            return false;
          }
          out.tables.push(tableOf(node, at));
        }
        break;
    }
    for (const child of node.children ?? []) if (!visit(child, inTable || node.type === 'table')) return false;
    return true;
  };
  if (!visit(tree, false)) return { links: [], tables: [], unsafeHtml: [], refused: out.refused! };
  return out;
}

type At = (point: MdPoint | undefined) => { line: number; column: number };

function linkOf(node: MdNode, at: At): BodyLink {
  const link: BodyLink = { url: node.url ?? '', text: plainText(node), type: node.type as BodyLink['type'], ...at(node.position?.start) };
  if (node.position?.end) link.end = at(node.position.end);
  return link;
}

function tableOf(node: MdNode, at: At): BodyTable {
  const rows = (node.children ?? []).map((row) =>
    (row.children ?? []).map((cell): TableCell => {
      const links: BodyLink[] = [];
      const collect = (n: MdNode) => {
        if (n.type === 'link' || n.type === 'image') links.push(linkOf(n, at));
        for (const c of n.children ?? []) collect(c);
      };
      collect(cell);
      return { text: plainText(cell).trim(), links, ...at(cell.position?.start), ...(cell.position?.end ? { end: at(cell.position.end) } : {}) };
    }),
  );
  const [header = [], ...body] = rows;
  return { ...at(node.position?.start), header, rows: body };
}

/** The text of a node and its children as a reader sees it: no marks, no raw HTML, an image's alt text. */
function plainText(node: MdNode): string {
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return (node.children ?? []).map(plainText).join('');
}
