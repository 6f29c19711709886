// Renders an entity's Markdown body to sanitised HTML for the handbook: raw HTML is dropped,
// unsafe URLs are stripped, links to model files point at their handbook pages.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { BodyPart } from './handbook-data.js';
import { loadMarkdown, loadRemark, parseMarkdown, type MdNode } from '../model/read/markdown.js';
import { leavesRepository, resolveLinkTarget } from '../model/domain/link-target.js';

export { parseMarkdown };

/** What rendering needs to know about the rest of the handbook. */
export interface LinkContext {
  /** The repository-relative file the body belongs to. */
  file: string;
  /** Repository-relative file → absolute site path (with base) of its handbook page. */
  pages: ReadonlyMap<string, string>;
  /** Repository URL (https) for links to files that have no page, or null. */
  repo: string | null;
  /** Path of the repository root inside the git work tree (`` or `sub/dir/`), for repo links. */
  repoPrefix: string;
  /** Called for every model file this body links to (for "mentioned in" backlinks). */
  onLink?: (targetFile: string) => void;
}

/** Options for one body. */
export interface RenderOptions {
  /** Heading level the body's shallowest heading becomes (default 3: pages put bodies under an h2). */
  headingStart?: number;
  /** File lines at which parsed decision matrices start: such tables become `{ matrix }` parts. */
  matrixLines?: readonly number[];
  /** 1-based file line of the body's first line (to match matrixLines). */
  bodyLine?: number;
}

// One reading of Markdown for lint and the handbook (model/read/markdown.ts); the handbook also loads
// remark, which renders, so a body satteri fails on is parsed by remark.
const parser = await loadMarkdown();
await loadRemark();

/** Which parser builds the syntax trees in this process (for tests and `--debug` output). */
export const markdownParser: 'satteri' | 'remark' = parser;

// remark-rehype without allowDangerousHtml drops raw HTML nodes; the sanitiser then keeps
// only GitHub's allow-list of elements, attributes and URL protocols.
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, defaultSchema)
  .use(scrollableTables)
  .use(rehypeStringify);

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** After sanitising: wraps each table in our own focusable scroll region, so wide tables scroll on phones. */
function scrollableTables() {
  const wrap = (node: HastNode) => {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'element' && child.tagName === 'table') {
        children[i] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table' },
          children: [child],
        };
      } else {
        wrap(child);
      }
    }
  };
  return (tree: HastNode) => wrap(tree);
}

/** Renders a body to sanitised HTML, split around decision matrices when matrixLines is given. */
export function renderBody(body: string, context: LinkContext, options: RenderOptions = {}): BodyPart[] {
  const tree = parseMarkdown(body);
  rewriteUrls(tree, context);
  shiftHeadings(tree, options.headingStart ?? 3);

  const matrixLines = options.matrixLines ?? [];
  const offset = (options.bodyLine ?? 1) - 1;
  const children = tree.children ?? [];
  const definitions = children.filter((node) => node.type === 'definition');
  const parts: BodyPart[] = [];
  let run: MdNode[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'definition')) parts.push({ html: stringify([...run, ...definitions]) });
    run = [];
  };
  for (const node of children) {
    const line = node.position ? node.position.start.line + offset : -1;
    const matrix = node.type === 'table' ? matrixLines.indexOf(line) : -1;
    if (matrix === -1) {
      run.push(node);
      continue;
    }
    flush();
    parts.push({ matrix });
  }
  flush();
  return parts;
}

/** The whole body as one sanitised HTML string. */
export function renderBodyHtml(body: string, context: LinkContext, options: RenderOptions = {}): string {
  return renderBody(body, context, { ...options, matrixLines: [] })
    .map((part) => ('html' in part ? part.html : ''))
    .join('');
}

function stringify(children: MdNode[]): string {
  const root = { type: 'root', children };
  const hast = toHtml.runSync(root as never);
  return String(toHtml.stringify(hast as never));
}

/** True when a URL names a scheme (`https:`, `javascript:`) or a host (`//x`): the sanitiser judges those. */
function isAbsolute(url: string): boolean {
  if (url.startsWith('//')) return true;
  const colon = url.indexOf(':');
  if (colon === -1) return false;
  const firstDelimiter = url.search(/[/?#]/);
  return firstDelimiter === -1 || colon < firstDelimiter;
}

/**
 * The repository-relative path a relative or root-absolute link points at, as lint's `link` rule reads
 * it (model/domain/link-target.ts), or null when it is no file link or leaves the repository.
 */
export function resolveRelative(fromFile: string, url: string): string | null {
  const target = resolveLinkTarget(fromFile, url);
  return target === undefined || leavesRepository(target) ? null : target;
}

function rewriteUrls(tree: MdNode, context: LinkContext): void {
  walk(tree, (node, parent, index) => {
    if (typeof node.url !== 'string') return;
    const url = node.url.trim();
    if (url === '' || url.startsWith('#') || isAbsolute(url)) return;
    const target = resolveRelative(context.file, url);
    const page = target === null ? undefined : context.pages.get(target);
    if (page !== undefined) {
      context.onLink?.(target!);
      node.url = node.type === 'image' ? dropLink(node, parent, index) : page;
      return;
    }
    if (target !== null && context.repo && !target.endsWith('.md')) {
      const mode = node.type === 'image' ? 'raw' : 'blob';
      node.url = `${context.repo}/${mode}/main/${encodePath(context.repoPrefix + target)}`;
      return;
    }
    // A link to a missing file (the `link` rule reports it) or outside the repository: keep the text only.
    node.url = dropLink(node, parent, index);
  });
}

/** Replaces a link or image by its text; returns an inert URL for definitions. */
function dropLink(node: MdNode, parent: MdNode | null, index: number): string {
  if (parent && parent.children && (node.type === 'link' || node.type === 'image')) {
    const replacement: MdNode[] = node.type === 'link' ? (node.children ?? []) : [{ type: 'text', value: node.alt ?? '' }];
    parent.children.splice(index, 1, ...replacement);
  }
  return '#';
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function shiftHeadings(tree: MdNode, start: number): void {
  let shallowest = 7;
  walk(tree, (node) => {
    if (node.type === 'heading' && typeof node.depth === 'number') shallowest = Math.min(shallowest, node.depth);
  });
  if (shallowest === 7) return;
  const shift = start - shallowest;
  walk(tree, (node) => {
    if (node.type === 'heading' && typeof node.depth === 'number') node.depth = Math.min(6, Math.max(1, node.depth + shift));
  });
}

/** Depth-first walk; a visitor may replace the current node in its parent, and the replacements are walked. */
function walk(node: MdNode, visit: (node: MdNode, parent: MdNode | null, index: number) => void): void {
  visit(node, null, 0);
  walkChildren(node, visit);
}

function walkChildren(parent: MdNode, visit: (node: MdNode, parent: MdNode | null, index: number) => void): void {
  const children = parent.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    visit(child, parent, i);
    if (children[i] !== child) {
      i--; // replaced: walk what took its place
      continue;
    }
    walkChildren(child, visit);
  }
}
