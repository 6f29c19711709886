import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The handbook's modules import opmodel's compiled library as `@opmodel/…` (site/astro-config.mjs).
  resolve: { alias: [{ find: /^@opmodel\//, replacement: fileURLToPath(new URL('./dist/', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
