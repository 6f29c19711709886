// Baseline for the benchmark: a plain Astro site with one page per generated entity, nothing else.
// The harness sets BENCH_MODEL_DIR (the corpus's model/ folder), BENCH_OUT_DIR and BENCH_CACHE_DIR.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  logLevel: 'warn',
  vite: { cacheDir: process.env.BENCH_CACHE_DIR ? `${process.env.BENCH_CACHE_DIR}/vite` : undefined, logLevel: 'warn' },
});
