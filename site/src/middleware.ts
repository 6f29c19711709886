// Hands each page `opmodel build` renders to the search index as it is made (site/run-astro.mjs sends
// it to src/site/build.ts), so Pagefind indexes beside Astro's rendering. Does nothing in `opmodel dev`.
import { defineMiddleware } from 'astro:middleware';

/** What run-astro.mjs registers for a build: takes a page's path and HTML, resolves when there is room for more. */
type Feed = (pathname: string, html: string) => Promise<void>;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = (globalThis as Record<symbol, unknown>)[Symbol.for('opmodel.search.feed')] as Feed | undefined;
  if (!feed || !context.isPrerendered || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const searchable = searchPart(html);
  if (searchable) await feed(context.url.pathname, searchable);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

/**
 * What Pagefind reads of a page: the head and the `data-pagefind-body` main (Page.astro), without the
 * header, navigation, footer and search dialog it ignores anyway; null for a page not indexed
 * (Pagefind skips pages without that marker once any page has one, as the home page always does).
 */
function searchPart(html: string): string | null {
  const body = html.indexOf('<body');
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (body === -1 || start < body || end < start || !html.slice(start, html.indexOf('>', start)).includes('data-pagefind-body')) return null;
  return `${html.slice(0, body)}<body>${html.slice(start, end + '</main>'.length)}</body></html>`;
}
