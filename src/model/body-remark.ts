// The reference reading of a body with unified + remark-parse + remark-gfm: links, tables and
// raw HTML with file positions. The linter reads bodies with its own scanner and table reader
// (scan.ts, table.ts), which the tests check against this on every body we have; keeping remark
// out of body.ts keeps it out of the parsing workers, which start faster without it.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { BodyLink, BodyTable, TableCell } from './entity.js';
import { checkBounds, type ParsedBody } from './body.js';
import { dangerousScheme, findUnsafeHtml } from './html.js';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number } };
}

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).use(remarkGfm);
}

/**
 * Parses a body and collects links, tables and unsafe HTML, with file positions.
 * `firstLine` is the file line on which the body starts.
 */
export function parseBody(body: string, firstLine: number, wantsTables: boolean): ParsedBody {
  const out: ParsedBody = { links: [], tables: [], unsafeHtml: [] };
  const refused = checkBounds(body, firstLine);
  if (refused) {
    out.refused = refused;
    return out;
  }
  processor ??= makeProcessor();
  // micromark counts a lone CR as a line break and opmodel does not: blank it so lines agree.
  const tree = processor.parse(body.replace(/\r(?!\n)/g, ' ')) as MdNode;
  const shift = (pos: { line: number; column: number } | undefined) => ({
    line: (pos?.line ?? 1) + firstLine - 1,
    column: pos?.column ?? 1,
  });
  const visit = (node: MdNode, inTable: boolean): void => {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition': {
        const url = node.url ?? '';
        const link: BodyLink = {
          url,
          text: node.type === 'image' ? node.alt ?? '' : plainText(node),
          type: node.type as BodyLink['type'],
          ...shift(node.position?.start),
        };
        out.links.push(link);
        const scheme = dangerousScheme(url);
        if (scheme) out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, line: link.line, column: link.column });
        break;
      }
      case 'html':
        findUnsafeHtml(node.value ?? '', shift(node.position?.start), out.unsafeHtml);
        break;
      case 'table':
        if (wantsTables && !inTable) out.tables.push(readMdTable(node, shift));
        break;
    }
    for (const child of node.children ?? []) visit(child, inTable || node.type === 'table');
  };
  visit(tree, false);
  return out;
}

function readMdTable(node: MdNode, shift: (pos: { line: number; column: number } | undefined) => { line: number; column: number }): BodyTable {
  const rows = (node.children ?? []).map((row) =>
    (row.children ?? []).map((cell): TableCell => {
      const links: BodyLink[] = [];
      const collect = (n: MdNode) => {
        if (n.type === 'link' || n.type === 'image') {
          links.push({ url: n.url ?? '', text: plainText(n), type: n.type, ...shift(n.position?.start) });
        }
        for (const c of n.children ?? []) collect(c);
      };
      collect(cell);
      return { text: plainText(cell).trim(), links, ...shift(cell.position?.start) };
    }),
  );
  const [header = [], ...body] = rows;
  return { ...shift(node.position?.start), header, rows: body };
}

/** The text of a node and its children, as a reader would see it. */
function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return (node.children ?? []).map(plainText).join('');
}

