// The handbook's Astro configuration, built inline for each run (the user's repository is elsewhere):
// where the HandbookData file is, where the output goes, and the sub-path it is served under.
import { fileURLToPath } from 'node:url';

const siteRoot = fileURLToPath(new URL('./', import.meta.url));

/**
 * @param {{ dataFile: string; outDir: string; base: string; cacheDir: string; port?: number; logLevel?: 'debug'|'info'|'warn'|'error'|'silent' }} options
 * @returns {import('astro').AstroInlineConfig}
 */
export function astroConfig({ dataFile, outDir, base, cacheDir, port, logLevel = 'warn' }) {
  return {
    root: siteRoot,
    configFile: false,
    output: 'static',
    outDir,
    cacheDir,
    base,
    trailingSlash: 'ignore',
    build: { format: 'directory' },
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
    },
  };
}

/**
 * A Vite plugin: `virtual:opmodel/data` tells the pages where the HandbookData JSON is; in dev, a new
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
      return source === resolved ? `export const dataFile = ${JSON.stringify(dataFile)};` : undefined;
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
