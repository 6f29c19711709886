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
  await feed(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
