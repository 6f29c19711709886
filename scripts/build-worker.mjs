// Bundles the parsing worker (dist/model/worker.js and everything it imports: gray-matter and
// yaml; remark stays out) into one minified file, so each worker starts in tens of milliseconds.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/model/worker.js', import.meta.url).pathname],
  outfile: new URL('../dist/model/worker.bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
  // gray-matter and its helpers are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __opmodelRequire } from 'node:module';\nconst require = __opmodelRequire(import.meta.url);" },
});
