// Raw HTML and URLs the handbook would have to strip: what the `unsafe-html` rule reports.
import type { UnsafeHtml } from '../domain/entity.js';

const unsafeTags = /<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form|svg|math)\b/gi;
const eventAttribute = /<[^>]*?\s(on[a-z]+)\s*=/gi;
const dangerousUrlAttribute = /\s(href|src|action|formaction|xlink:href|srcdoc|data|poster|background)\s*=\s*["']?\s*(javascript|vbscript|data)\s*:/gi;

/** Records every construct in a raw HTML node that the handbook would have to strip. */
export function findUnsafeHtml(html: string, start: { line: number; column: number }, into: UnsafeHtml[]): void {
  const place = (index: number) => {
    const before = html.slice(0, index);
    const newlines = before.split('\n').length - 1;
    const column = newlines === 0 ? start.column + index : index - before.lastIndexOf('\n');
    return { line: start.line + newlines, column };
  };
  for (const match of html.matchAll(unsafeTags)) into.push({ what: `<${match[1]!.toLowerCase()}>`, ...place(match.index) });
  for (const match of html.matchAll(eventAttribute)) {
    const index = match.index + match[0].lastIndexOf(match[1]!);
    into.push({ what: `the \`${match[1]!.toLowerCase()}\` event handler`, ...place(index) });
  }
  for (const match of html.matchAll(dangerousUrlAttribute)) {
    into.push({ what: `a \`${match[2]!.toLowerCase()}:\` URL`, ...place(match.index + 1) });
  }
}

/** The scheme of a URL that must never become a link, or undefined. */
export function dangerousScheme(url: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^(javascript|vbscript|data):/.exec(compact);
  return match?.[1];
}

