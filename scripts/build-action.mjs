// Bundles the GitHub Action into action/dist/: index.js (the entry: lint, reporters, @actions/core
// and @actions/github), worker.js (the parsing worker lint starts), the schemas lint reads, and the
// licences of the bundled packages. It runs from a checkout without node_modules; the handbook
// (Astro) is not in it. Needs `npm run build` first. `--check` rebuilds into a temporary folder
// and fails when action/dist differs: the committed bundle must be fresh.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'action', 'dist');
const { version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Replaces `from` by `to` in a module's text, and fails the build when `from` is not there. */
function rewrite(text, file, from, to) {
  if (!text.includes(from)) throw new Error(`build-action: ${relative(root, file)} no longer contains ${from}; update scripts/build-action.mjs`);
  return text.split(from).join(to);
}

/** The files lint finds next to its own module are found next to the bundle instead. */
const assets = {
  name: 'opmodel-action-assets',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]version\.js$/ }, ({ path }) => {
      // The manifest's fields, written in: there is no package.json next to the bundle.
      const text = rewrite(readFileSync(path, 'utf8'), path, "JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))", `(${JSON.stringify({ version, repository })})`);
      return { contents: text, loader: 'js', resolveDir: dirname(path) };
    });
    b.onLoad({ filter: /[\\/]dist[\\/]model[\\/]domain[\\/]validate\.js$/ }, ({ path }) => {
      let text = readFileSync(path, 'utf8');
      text = rewrite(text, path, "new URL('../../../schemas/', import.meta.url)", "new URL('./schemas/', import.meta.url)");
      // A static import, so the precompiled validators are bundled too.
      text = rewrite(text, path, "import(new URL('./validators.js', import.meta.url).href)", "import('./validators.js')");
      return { contents: text, loader: 'js', resolveDir: dirname(path) };
    });
    b.onLoad({ filter: /[\\/]dist[\\/]model[\\/]domain[\\/]validators\.js$/ }, ({ path }) => {
      // Its require() calls for ajv's runtime helpers become bundled modules, not files to find.
      const text = rewrite(readFileSync(path, 'utf8'), path, "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);", '');
      return { contents: text, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** The licence of every package in the bundle, from the inputs esbuild read. */
function licences(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = join(root, match[1]);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).filter((name) => /^(licen[cs]e|copying)/i.test(name)).sort()[0];
    // One entry per name and version, however many copies node_modules holds.
    packages.set(`${pkg.name}@${pkg.version}`, { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see the package', text: file ? readFileSync(join(dir, file), 'utf8').trim() : '' });
  }
  return [...packages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]) => p)
    .map((p) => `${p.name}@${p.version} (${p.license})\n\n${p.text}\n`)
    .join(`\n${'-'.repeat(72)}\n\n`);
}

/** Builds the Action into `outdir`. */
async function buildInto(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: join(root, 'dist/action/index.js'), worker: join(root, 'dist/model/read/worker.js') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [assets],
    // The native Markdown parser stays out: lint falls back to remark where it cannot load.
    external: ['satteri', 'satteri/*'],
    // CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __opmodelRequire } from 'node:module';\nconst require = __opmodelRequire(import.meta.url);" },
  });
  mkdirSync(join(outdir, 'schemas'));
  for (const name of readdirSync(join(root, 'schemas')).filter((n) => n.endsWith('.schema.json')).sort()) {
    cpSync(join(root, 'schemas', name), join(outdir, 'schemas', name));
  }
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(outdir, 'licenses.txt'), `Packages bundled into this folder by scripts/build-action.mjs, with their licences.\n\n${licences(result.metafile)}`);
}

/** Every file under a folder, relative, sorted. */
function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))]))
    .sort();
}

if (process.argv.includes('--check')) {
  const temp = mkdtempSync(join(tmpdir(), 'opmodel-action-'));
  try {
    await buildInto(temp);
    const fresh = listFiles(temp);
    const have = listFiles(committed);
    const differ = [...new Set([...fresh, ...have])].filter((f) => !fresh.includes(f) || !have.includes(f) || !readFileSync(join(temp, f)).equals(readFileSync(join(committed, f))));
    if (differ.length > 0) {
      process.stderr.write(`action/dist is stale (${differ.join(', ')}): run \`npm run build:action\` and commit action/dist.\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
} else {
  await buildInto(committed);
}
