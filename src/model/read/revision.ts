// The model as it was at git revisions, read by the same loader as the work tree: what `opmodel diff`
// compares, and what the handbook's changelog compares commit by commit. Many revisions are read
// in one go: their files unpacked side by side, then read by one worker pool.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../../config.js';
import { checkoutAt } from '../../util/git.js';
import { cleanupTemp, makeTemp } from '../../util/temp.js';
import type { Entity } from '../domain/entity.js';
import { readFiles, readTaskFor, walkModel } from './load.js';
import type { ReadTask } from './read.js';

/** The entities of the whole model folder at revision `rev`. */
export async function loadModelAt(root: string, config: Config, rev: string): Promise<Entity[]> {
  const at = checkoutAt(root, rev, [config.model]);
  try {
    return (await readUnpacked([at.root], config))[0]!;
  } finally {
    cleanupTemp(at.temp);
  }
}

/**
 * The entities of some files at each of several revisions (`files` relative to root; a file missing at
 * a revision is left out): one git process and one read for all of them.
 */
export async function loadFilesAt(root: string, config: Config, wanted: { rev: string; files: string[] }[]): Promise<Entity[][]> {
  const temp = makeTemp('opmodel-revs-');
  try {
    const roots = wanted.map((_, i) => join(temp, String(i)));
    const requests = wanted.flatMap(({ rev, files }, i) => files.filter((file) => !/[\n\r]/.test(file)).map((file) => ({ at: i, file, spec: `${rev}:./${file}` })));
    const blobs = catFiles(root, requests.map((r) => r.spec));
    requests.forEach(({ at, file }, k) => {
      const blob = blobs[k];
      if (!blob) return;
      const path = join(roots[at]!, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, blob);
    });
    return await readUnpacked(roots, config);
  } finally {
    cleanupTemp(temp);
  }
}

/** The contents of `rev:path` objects from one `git cat-file --batch`, undefined where missing. */
function catFiles(root: string, specs: string[]): (Buffer | undefined)[] {
  if (specs.length === 0) return [];
  const run = spawnSync('git', ['cat-file', '--batch'], { cwd: root, input: `${specs.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0) throw new Error('git cat-file failed');
  const out = run.stdout;
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length && at < out.length; i++) {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = / (blob|tree|commit|tag) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined); // missing or ambiguous
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? out.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return blobs;
}

/** Reads the model folder under each of `roots` with one worker pool, entities per root. */
async function readUnpacked(roots: string[], config: Config): Promise<Entity[][]> {
  const tasks: ReadTask[] = [];
  const owner: number[] = [];
  roots.forEach((root, i) => {
    for (const entry of walkModel(root, config).found) {
      const task = readTaskFor(entry, config, true);
      if (task) {
        tasks.push(task);
        owner.push(i);
      }
    }
  });
  const entities = roots.map((): Entity[] => []);
  (await readFiles(tasks)).forEach((result, k) => {
    if (result.entity) entities[owner[k]!]!.push(result.entity);
  });
  return entities;
}
