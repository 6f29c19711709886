// Baseline for the benchmark: Starlight with a short sidebar (one link per section, not per page)
// and Pagefind search, over the generated entities. The harness sets BENCH_MODEL_DIR (the
// corpus's model/ folder), BENCH_OUT_DIR and BENCH_CACHE_DIR.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';

const modelDir = process.env.BENCH_MODEL_DIR;
const sections = [
  ['Bets', 'bets'], ['Guardrails', 'guardrails'], ['Decision rights', 'decision-rights'], ['Context', 'context'],
  ['Teams', 'teams'], ['Roles', 'roles'], ['Metrics', 'metrics'], ['Cadences', 'cadences'], ['Assessments', 'assessments'],
];
/** Sections only: each links to the first page of its folder. */
function sidebar() {
  const items = [{ label: 'Operating model', link: '/operating-model/' }];
  if (!modelDir) return items;
  for (const [label, folder] of sections) {
    let first;
    try {
      first = readdirSync(join(modelDir, folder)).filter((n) => n.endsWith('.md')).sort()[0];
    } catch {
      continue;
    }
    if (first) items.push({ label, link: `/${folder}/${first.slice(0, -3)}/` });
  }
  return items;
}

// Starlight imports js-yaml 4's default export; the repository's top-level js-yaml is 5 (no default
// export), and the prerender chunk resolves bare imports from its own folder. Point Vite at
// Starlight's own copy.
const starlightEntry = fileURLToPath(import.meta.resolve('@astrojs/starlight'));
const starlightRoot = starlightEntry.slice(0, starlightEntry.lastIndexOf('/dist/'));
const jsYaml4 = join(starlightRoot, 'node_modules', 'js-yaml');
const alias = existsSync(jsYaml4) ? { 'js-yaml': jsYaml4 } : {};

export default defineConfig({
  output: 'static',
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  logLevel: 'warn',
  vite: {
    cacheDir: process.env.BENCH_CACHE_DIR ? `${process.env.BENCH_CACHE_DIR}/vite` : undefined,
    logLevel: 'warn',
    resolve: { alias },
  },
  integrations: [starlight({ title: 'Operating model (benchmark)', sidebar: sidebar(), pagefind: true })],
});
