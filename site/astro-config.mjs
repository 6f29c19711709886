// The handbook's Astro configuration, built inline for each run (the user's repository is elsewhere):
// where the HandbookData file is, where the output goes, and the sub-path it is served under.
import { fileURLToPath } from 'node:url';

const siteRoot = fileURLToPath(new URL('./', import.meta.url));

/**
 * `libDir` is opmodel's compiled library (dist/): pages and browser scripts import its modules as
 * `@opmodel/…` (the word matcher, say), so the handbook and the CLI run the same code.
 * @param {{ dataFile: string; outDir: string; base: string; cacheDir: string; libDir?: string; port?: number; logLevel?: 'debug'|'info'|'warn'|'error'|'silent' }} options
 * @returns {import('astro').AstroInlineConfig}
 */
export function astroConfig({ dataFile, outDir, base, cacheDir, libDir = fileURLToPath(new URL('../dist/', import.meta.url)), port, logLevel = 'warn' }) {
  return {
    root: siteRoot,
    configFile: false,
    output: 'static',
    outDir,
    cacheDir,
    base,
    trailingSlash: 'ignore',
    // Four pages in flight: while one page's file is written, the next ones render (a big
    // handbook spends seconds creating folders and files, which one at a time leaves the CPU idle).
    build: { format: 'directory', concurrency: 4 },
    compressHTML: true,
    devToolbar: { enabled: false },
    prefetch: false,
    logLevel,
    server: { host: '127.0.0.1', port: port ?? 4321 },
    image: { service: { entrypoint: 'astro/assets/services/noop' } },
    vite: {
      logLevel: logLevel === 'debug' ? 'info' : 'warn',
      cacheDir,
      plugins: [handbookData(dataFile)],
      resolve: { alias: [{ find: /^@opmodel\//, replacement: libDir.replace(/[\\/]?$/, '/') }] },
      // The dev server serves the library's modules to the browser from outside the site folder.
      server: { fs: { allow: [siteRoot, libDir] } },
    },
  };
}

/**
 * A Vite plugin: `virtual:opmodel/data` tells the pages where the HandbookData JSON is (and, in a build
 * started early, waits until it is written); in dev, a new
 * file reloads the page. When opmodel runs Astro in its own process it hands new data over in memory
 * instead (lib/data.ts reads it) and calls the reload registered here.
 */
function handbookData(dataFile) {
  const id = 'virtual:opmodel/data';
  const resolved = '\0' + id;
  return {
    name: 'opmodel-handbook-data',
    resolveId(source) {
      return source === id ? resolved : undefined;
    },
    load(source) {
      if (source !== resolved) return undefined;
      // A build that opmodel started before the data was ready waits here (site/run-astro.mjs).
      const wait = globalThis[Symbol.for('opmodel.handbook.ready')] ? `\nawait globalThis[Symbol.for('opmodel.handbook.ready')];` : '';
      return `export const dataFile = ${JSON.stringify(dataFile)};${wait}`;
    },
    configureServer(server) {
      const reload = () => {
        // Entities may have come or gone: drop the page list Astro cached from getStaticPaths (it
        // listens for this event from its own content layer), then reload open pages.
        for (const environment of Object.values(server.environments ?? {})) {
          if (environment.name !== 'client') environment.hot?.send?.('astro:content-changed', {});
        }
        server.ws.send({ type: 'full-reload' });
      };
      globalThis[Symbol.for('opmodel.handbook.reload')] = reload;
      server.watcher.add(dataFile);
      server.watcher.on('change', (file) => {
        if (file === dataFile) reload();
      });
    },
  };
}
