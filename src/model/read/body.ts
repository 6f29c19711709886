// Markdown bodies, read only as far as rules need: links, images, definitions, raw HTML and
// GFM tables, with file positions, all taken from the one syntax tree of markdown.ts (satteri, or
// remark + GFM), after bounds that keep pathological input away from any parser.
import type { BodyLink, BodyTable, TableCell, UnsafeHtml } from '../domain/entity.js';
import { limits } from '../../limits.js';
import { dangerousScheme, findUnsafeHtml } from './html.js';
import { parseMarkdown, type MdNode } from './markdown.js';

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

/**
 * What every line that nestingPattern matches starts with: a run of that many spaces, tabs and
 * `>` (a quick first pass; a run inside a line, as in an aligned table's padding, is no match).
 */
const mayNest = new RegExp(`^[ \\t>]{${limits.maxMarkdownNesting + 1}}`, 'm');

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
 * Reads a body's links, raw HTML and (when `wantsTables`) tables from its syntax tree, in one
 * walk. `firstLine` is the file line on which the body starts; `parse` is markdown.ts's parser
 * unless a test passes another.
 */
export function readBody(body: string, firstLine: number, wantsTables: boolean, parse: (body: string) => MdNode = parseMarkdown): ParsedBody {
  // (The reader has already made a lone CR a line feed, as CommonMark counts it a line break.)
  const reader = new TreeReader(firstLine - 1, wantsTables);
  const root = parse(body);
  if (root.children && !reader.visitChildren(root.children, false)) return { links: [], tables: [], unsafeHtml: [], refused: reader.out.refused! };
  return reader.out;
}

/** The walk of readBody: one pass over the tree, positions shifted to file lines. */
class TreeReader {
  readonly out: ParsedBody = { links: [], tables: [], unsafeHtml: [] };
  constructor(
    private readonly lineShift: number,
    private readonly wantsTables: boolean,
  ) {}

  /** False when a table was refused (out.refused says why). */
  visitChildren(children: MdNode[], inTable: boolean): boolean {
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      switch (node.type) {
        case 'text':
          continue;
        case 'link':
        case 'image':
        case 'definition': {
          const link = this.link(node);
          this.out.links.push(link);
          const scheme = dangerousScheme(link.url);
          if (scheme) this.out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, line: link.line, column: link.column });
          break;
        }
        case 'html': {
          const start = node.position?.start;
          findUnsafeHtml(node.value ?? '', { line: (start?.line ?? 1) + this.lineShift, column: start?.column ?? 1 }, this.out.unsafeHtml);
          break;
        }
        case 'table':
          if (this.wantsTables && !inTable) {
            const position = node.position;
            const rows = node.children?.length ?? 0;
            const bytes = (position?.end.offset ?? 0) - (position?.start.offset ?? 0);
            if (rows > limits.maxTableRows || bytes > limits.maxTableBytes) {
              this.out.refused = {
                message: `This table is larger than ${limits.maxTableRows} rows or ${limits.maxTableBytes / 1024} KB: split it into several tables.`,
                line: (position?.start.line ?? 1) + this.lineShift,
                column: 1,
              };
              return false;
            }
            this.out.tables.push(this.table(node));
          }
          if (node.children && !this.visitChildren(node.children, true)) return false;
          continue;
      }
      if (node.children && !this.visitChildren(node.children, inTable)) return false;
    }
    return true;
  }

  private link(node: MdNode): BodyLink {
    const { start, end } = node.position ?? {};
    const link: BodyLink = { url: node.url ?? '', text: plainText(node), type: node.type as BodyLink['type'], line: (start?.line ?? 1) + this.lineShift, column: start?.column ?? 1 };
    if (end) link.end = { line: end.line + this.lineShift, column: end.column };
    return link;
  }

  private table(node: MdNode): BodyTable {
    const rows: TableCell[][] = [];
    for (const row of node.children ?? []) {
      const cells: TableCell[] = [];
      for (const cell of row.children ?? []) {
        const links: BodyLink[] = [];
        this.cellLinks(cell, links);
        const position = cell.position;
        cells.push({
          text: plainText(cell).trim(),
          links,
          line: (position?.start.line ?? 1) + this.lineShift,
          column: position?.start.column ?? 1,
          ...(position?.end ? { end: { line: position.end.line + this.lineShift, column: position.end.column } } : {}),
        });
      }
      rows.push(cells);
    }
    const start = node.position?.start;
    return { line: (start?.line ?? 1) + this.lineShift, column: start?.column ?? 1, header: rows[0] ?? [], rows: rows.slice(1) };
  }

  private cellLinks(node: MdNode, links: BodyLink[]): void {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'link' || child.type === 'image') links.push(this.link(child));
      this.cellLinks(child, links);
    }
  }
}

/** The text of a node and its children as a reader sees it: no marks, no raw HTML, an image's alt text. */
function plainText(node: MdNode): string {
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  const children = node.children;
  if (!children) return '';
  let text = '';
  for (let i = 0; i < children.length; i++) text += plainText(children[i]!);
  return text;
}
