// The two readings of a Markdown body the tests compare: opmodel's (satteri, the parser lint and
// the handbook use) and the reference, the same extraction over remark-parse + remark-gfm's tree.
// What counts is what the rules read: link, image and definition destinations, raw HTML
// findings and table cells, each with its file position.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBody, type ParsedBody } from '../dist/model/read/body.js';
import { loadMarkdown, loadRemark, parseWithRemark } from '../dist/model/read/markdown.js';
import type { MdNode } from '../dist/model/read/markdown.js';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { repoRoot } from './helpers.js';

/** The parser opmodel's reader uses in this process ('satteri' unless OPMODEL_MARKDOWN=remark). */
export const parserInUse = await loadMarkdown();
await loadRemark();

/** A body reader: what readBody gives for a body, tables included. */
export type Reader = (body: string) => ParsedBody;

/** opmodel's reader, as lint runs it. */
export const opmodelReader: Reader = (body) => readBody(body, 1, true);

/**
 * The same extraction over remark-parse + remark-gfm's tree: the reference. remark gives the
 * links it finds in plain text (GFM's `www.x.org`, `a@b.co`) no position; they are marked 0:0
 * here, and `difference` takes any position of ours for them.
 */
export const remarkReader: Reader = (body) =>
  readBody(body, 1, true, (text) => {
    const tree = parseWithRemark(text);
    markUnplaced(tree);
    return tree;
  });

function markUnplaced(node: MdNode): void {
  if (node.type === 'link' && !node.position) node.position = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
  for (const child of node.children ?? []) markUnplaced(child);
}

/** A reader over a tree that a test changes first (to prove a comparison can fail). */
export const readerOver = (change: (tree: MdNode) => void): Reader => (body) =>
  readBody(body, 1, true, (text) => {
    const tree = parseWithRemark(text);
    change(tree);
    return tree;
  });

/** What the rules read from a body, as comparable lines. */
export function summary(parsed: ParsedBody): string[] {
  const cell = (c: ParsedBody['tables'][number]['header'][number]) => `${c.line}:${c.column}-${c.end?.column} ${JSON.stringify(c.text)} [${c.links.map((l) => l.url).join(' ')}]`;
  return [
    ...parsed.links.map((l) => `${l.type} ${l.line}:${l.column} ${JSON.stringify(l.url)} ${JSON.stringify(l.text)}`),
    ...parsed.unsafeHtml.map((u) => `html ${u.line}:${u.column} ${u.what}`),
    ...parsed.tables.flatMap((t, i) => [`table ${i} ${t.line}:${t.column}`, `  header ${t.header.map(cell).join(' | ')}`, ...t.rows.map((r) => `  row ${r.map(cell).join(' | ')}`)]),
    ...(parsed.refused ? [`refused ${parsed.refused.line}: ${parsed.refused.message}`] : []),
  ];
}

/**
 * Where the readers differ only in links that show their own web or e-mail address (GFM's
 * bare `www.x.org` and `a@b.co`), the body is counted apart, not as a mismatch: no rule reads
 * such links (neither file links nor unsafe), and remark and satteri disagree on where a bare
 * address ends in odd text (a U+FEFF inside a domain; an address after a `/`; GFM example 634,
 * where remark departs from the spec). Every other link, image and definition is compared.
 */
let differingOnlyInOwnAddresses = 0;
/** How many compared bodies so far differed only in links showing their own address. */
export const bareAddressOnly = (): number => differingOnlyInOwnAddresses;

/** Whether a summary line is a link whose text is its own http(s) or e-mail address. */
export function showsOwnAddress(line: string): boolean {
  const match = /^link \d+:\d+ ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")$/.exec(line);
  if (!match) return false;
  const url = JSON.parse(match[1]!) as string;
  const text = JSON.parse(match[2]!) as string;
  return /^(?:https?|mailto):/i.test(url) && (url === text || url === `http://${text}` || url === `mailto:${text}`);
}

/** How two readers differ on a body: undefined when they agree, else both summaries. */
export function difference(body: string, a: Reader, b: Reader): { ours: string[]; theirs: string[] } | undefined {
  const theirs = summary(b(body));
  // remark gives no position to a bare address (marked 0:0): ours may have any.
  const ours = summary(a(body)).map((line, i) => (/^link 0:0 /.test(theirs[i] ?? '') ? line.replace(/^link \d+:\d+ /, 'link 0:0 ') : line));
  if (ours.join('\n') === theirs.join('\n')) return undefined;
  const kept = (lines: string[]) => lines.filter((line) => !showsOwnAddress(line)).join('\n');
  if (kept(ours) === kept(theirs)) {
    differingOnlyInOwnAddresses++;
    return undefined;
  }
  return { ours, theirs };
}
/** Every Markdown file of the example model and the rule fixtures, with its body and first body line. */
export function modelBodies(): { file: string; body: string; bodyLine: number }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.md')) files.push(path);
    }
  };
  walk(join(repoRoot, 'model'));
  walk(join(repoRoot, 'test', 'fixtures'));
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const fm = readFrontmatter(text);
    return { file, body: text.slice(fm.bodyOffset), bodyLine: fm.bodyLine };
  });
}
