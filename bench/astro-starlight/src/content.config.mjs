// Starlight's docs collection, loaded from the generated model instead of src/content/docs.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

const base = process.env.BENCH_MODEL_DIR;
if (!base) throw new Error('BENCH_MODEL_DIR is not set: run this project through bench/run.mjs');

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/README.md'], base }), schema: withTitle(docsSchema()) }),
};

/** Starlight requires a title; a check-in has none (it is named by its bet and date), so it gets that. */
function withTitle(schema) {
  const day = (date) => (date instanceof Date ? date.toISOString().slice(0, 10) : String(date ?? ''));
  return (context) =>
    z.preprocess(
      (data) => (data && typeof data === 'object' && !('title' in data) ? { ...data, title: `${data.bet ?? 'Untitled'} ${day(data.date)}`.trim() } : data),
      schema(context),
    );
}
