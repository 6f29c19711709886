// How read files travel from the parsing workers to the linter: as JSON text when JSON carries
// every value exactly, else as a structured clone, so YAML's `.inf`, `.nan` and `-0` arrive as written.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFiles } from '../dist/model/read/load.js';
import { positionAt } from '../dist/model/domain/entity.js';
import { jsonExact } from '../dist/model/read/wire.js';
import { lint } from '../dist/lint.js';
import { openCache } from '../dist/model/cache/cache.js';
import { cleanTemp, copyOfExample, tempDir, writeFile } from './helpers.js';

afterAll(cleanTemp);

describe('results from the parsing workers', () => {
  it('keep numbers JSON cannot write, and plain values alike, whichever way they travel', async () => {
    const root = tempDir();
    writeFile(root, 'model/metrics/plain.md', '---\ntitle: Churn\ntarget: 0.5\ntags: [a, b]\n---\nSee [the team](../teams/core.md).\n');
    writeFile(root, 'model/metrics/odd.md', '---\ntitle: Odd numbers\nceiling: .inf\nfloor: -.inf\nunknown: .nan\nzero: -0\n---\nBody.\n');
    const tasks = ['plain', 'odd'].map((name) => ({ abs: join(root, `model/metrics/${name}.md`), file: `model/metrics/${name}.md`, tableKinds: [], maxBytes: 1 << 20, keepBody: false }));
    // Together (one message, which has to be a structured clone) and each alone (the plain one as JSON).
    for (const batch of [tasks, [tasks[0]!], [tasks[1]!]]) {
      for (const result of await readFiles(batch)) {
        const data = result.entity!.data;
        if (result.file.endsWith('odd.md')) {
          expect(data.ceiling).toBe(Infinity);
          expect(data.floor).toBe(-Infinity);
          expect(data.unknown).toBeNaN();
          expect(Object.is(data.zero, -0)).toBe(true);
        } else {
          expect(data).toEqual({ title: 'Churn', target: 0.5, tags: ['a', 'b'] });
          expect(result.entity!.links.map((l) => [l.url, l.line, l.column])).toEqual([['../teams/core.md', 6, 5]]);
          expect(positionAt(result.entity!, '/target')).toEqual({ line: 3, column: 1 });
        }
      }
    }
  });

  it('go as JSON only when JSON carries every frontmatter value', () => {
    expect(jsonExact({ title: 'x', n: 1, list: [null, true, 'a', { b: 2 }] })).toBe(true);
    for (const odd of [Infinity, -Infinity, NaN, -0, undefined, 1n]) expect(jsonExact({ list: [{ v: odd }] })).toBe(false);
  });

  it('are plain data, read afresh or from the cache: no getters, and a structured clone is equal', async () => {
    const root = copyOfExample();
    for (const run of ['fresh', 'cached']) {
      const cache = openCache(root);
      const { model } = await lint(root, { cache, today: '2026-11-21' });
      cache.save();
      expect(model.entities.length, run).toBeGreaterThan(50);
      for (const entity of model.entities) {
        for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(entity))) expect(descriptor.get, `${run} ${entity.file} ${key}`).toBeUndefined();
      }
      expect(structuredClone(model.entities)).toEqual(model.entities);
    }
  });
});
