// Starlight's docs collection, loaded from the generated model instead of src/content/docs.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

const base = process.env.BENCH_MODEL_DIR;
if (!base) throw new Error('BENCH_MODEL_DIR is not set: run this project through bench/run.mjs');

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/README.md'], base }), schema: docsSchema() }),
};
