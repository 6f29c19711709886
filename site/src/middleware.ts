// Hands each page the build renders to the search indexer while the build goes on (src/site/build.ts
// sets the sink for an in-process build): Pagefind indexes on the other core instead of after the
// build. The page itself is passed on unchanged.
import { defineMiddleware } from 'astro:middleware';

type SearchSink = (pathname: string, html: string) => void;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = (globalThis as Record<symbol, SearchSink | undefined>)[Symbol.for('opmodel.search-sink')];
  if (!sink || import.meta.env.DEV || !response.ok || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  sink(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
