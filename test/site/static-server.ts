// A tiny static file server for the built handbook (tests only): serves outDir under a base path on
// 127.0.0.1, with index.html for folders and 404.html for misses, like GitHub Pages.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png',
};

/** Serves `dir` at `http://127.0.0.1:<port><base>`; resolves with the URL and a close function. */
export async function serveStatic(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return send(response, 404, join(dir, '404.html'));
    const file = normalize(join(dir, path.slice(base.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return send(response, 403, null);
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        return send(response, 200, join(file, 'index.html'));
      }
      return send(response, 200, file);
    } catch {
      return send(response, 404, join(dir, '404.html'));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function send(response: import('node:http').ServerResponse, status: number, file: string | null) {
  try {
    const body = file ? await readFile(file) : Buffer.from('');
    response.writeHead(status, { 'content-type': types[extname(file ?? '')] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(status).end();
  }
}
