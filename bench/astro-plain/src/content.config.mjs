// One collection: every .md file of the generated model (generated, trusted data: a baseline only).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BENCH_MODEL_DIR;
if (!base) throw new Error('BENCH_MODEL_DIR is not set: run this project through bench/run.mjs');

export const collections = {
  model: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/README.md'], base }) }),
};
