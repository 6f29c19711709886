// The one Markdown reading of lint and the handbook: satteri (Astro's native CommonMark + GFM
// parser) builds the mdast tree remark-parse + remark-gfm build; remark is the fallback where
// satteri cannot load (no binary for the platform, a bundle without node_modules) and the
// reference the tests compare it with. Both load lazily, once: call loadMarkdown() first.

/** A node of an mdast syntax tree, as far as opmodel reads it. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  depth?: number;
  children?: MdNode[];
  position?: { start: MdPoint; end: MdPoint };
}

/** A place in the parsed text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface MdPoint {
  line: number;
  column: number;
  offset?: number;
}

type SatteriParse = (source: string, options: { features: { gfm: boolean; frontmatter: boolean } }) => MdNode;

let satteri: SatteriParse | null | undefined;
let remark: ((source: string) => MdNode) | undefined;

/** Thrown by parseMarkdown when satteri failed on a body and remark is not loaded yet (call loadRemark). */
export class RemarkNotLoaded extends Error {}

/**
 * Loads the parser once: satteri, or remark + GFM when satteri cannot load or the environment
 * says OPMODEL_MARKDOWN=remark. Resolves to the parser's name.
 */
export async function loadMarkdown(): Promise<'satteri' | 'remark'> {
  if (satteri === undefined) satteri = await loadSatteri();
  if (!satteri) await loadRemark();
  return satteri ? 'satteri' : 'remark';
}

async function loadSatteri(): Promise<SatteriParse | null> {
  if (process.env.OPMODEL_MARKDOWN === 'remark') return null;
  try {
    const module = (await import('satteri')) as { markdownToMdast?: SatteriParse };
    const parse = module.markdownToMdast;
    if (typeof parse === 'function' && parse('a *b*', { features: { gfm: true, frontmatter: false } }).children?.[0]?.children?.[1]?.type === 'emphasis') return parse;
  } catch {
    // no binary for this platform, or no node_modules: remark parses
  }
  return null;
}

/** Loads remark-parse + remark-gfm (the fallback and the tests' reference), once. */
export async function loadRemark(): Promise<void> {
  if (remark) return;
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')]);
  const processor = unified().use(remarkParse).use(remarkGfm);
  remark = (source) => processor.parse(source) as unknown as MdNode;
}

/** Deepest a satteri tree may nest before remark parses the body instead (lint's bounds keep bodies far below). */
const maxTreeDepth = 64;

/** The body's mdast syntax tree, as remark-parse + remark-gfm build it. */
export function parseMarkdown(body: string): MdNode {
  if (satteri) {
    try {
      // CommonMark replaces U+0000 by U+FFFD, as remark does; satteri keeps it.
      const tree = satteri(body.includes('\0') ? body.replace(/\0/g, '\uFFFD') : body, { features: { gfm: true, frontmatter: false } });
      if (wellFormed(tree, body)) return tree;
    } catch {
      // fall through to remark
    }
  }
  return parseWithRemark(body);
}

/** The tree remark-parse + remark-gfm build (loadRemark first). */
export function parseWithRemark(body: string): MdNode {
  if (!remark) throw new RemarkNotLoaded('remark is not loaded');
  return remark(body);
}

/**
 * Whether a satteri tree may be used as it is, checked in one walk: no node is
 * deeper than maxTreeDepth, and each table row has as many cells as its line has parts between
 * pipes, as GFM splits rows (on every unescaped `|`, even inside code or a bare URL), and nothing
 * in a cell ends past the cell, and no link's URL holds a `|`. satteri once kept a `|` inside a
 * bare `www.` address, making a table (or a link, or no table) that remark and GFM do not.
 */
function wellFormed(node: MdNode, source: string, depth = 0, cellEnd = Infinity): boolean {
  if (depth > maxTreeDepth) return false;
  // Nothing inside a table cell may run past the cell: satteri once let a bare `www.` address
  // take the `|` after it into its URL while the cell itself ended before the pipe.
  const end = node.position?.end.offset;
  if (end !== undefined && end > cellEnd) return false;
  if (node.type === 'tableCell' && end !== undefined) cellEnd = end;
  // A bare address that took a `|` into its URL may have eaten a table's pipe, so that satteri saw
  // no table where GFM sees one (a header row one cell short): remark decides.
  if (node.type === 'link' && typeof node.url === 'string' && node.url.includes('|')) return false;
  if (node.type === 'tableRow') {
    const start = node.position?.start.offset;
    if (start !== undefined && end !== undefined && cellsWritten(source.slice(start, end)) !== (node.children?.length ?? 0)) return false;
  }
  const children = node.children;
  if (children) {
    // (Recursion stops at maxTreeDepth, so the stack stays shallow.)
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if ((child.children || cellEnd !== Infinity) && !wellFormed(child, source, depth + 1, cellEnd)) return false;
    }
  }
  return true;
}

/** How many cells GFM reads on a table row's text: parts between unescaped pipes, outer pipes optional. */
function cellsWritten(row: string): number {
  const text = row.trim();
  let cells = 1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      if (i > 0) cells++;
      last = i;
    }
  }
  return last === text.length - 1 && text.length > 1 ? cells - 1 : cells;
}
