// Bundles the parsing worker (dist/model/read/worker.js and everything it imports: gray-matter, yaml,
// and remark + GFM, the Markdown fallback, which only runs when satteri cannot load) into one
// minified file, so each worker starts in tens of milliseconds. satteri, a native module, stays
// external: it is loaded from node_modules, or not at all.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/model/read/worker.js', import.meta.url).pathname],
  outfile: new URL('../dist/model/read/worker.bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
  external: ['satteri'],
  // gray-matter and its helpers are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __opmodelRequire } from 'node:module';\nconst require = __opmodelRequire(import.meta.url);" },
});
