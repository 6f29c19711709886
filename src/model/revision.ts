// The model as it was at a git revision, read by the same loader as the work tree: what `opmodel diff`
// compares, and what the handbook's changelog compares commit by commit.
import type { Config } from '../config.js';
import { checkoutAt } from '../util/git.js';
import { cleanupTemp } from '../util/temp.js';
import type { Entity } from './entity.js';
import { loadModel } from './load.js';

/** The entities of `paths` (default: the whole model folder) at revision `rev`; missing paths are skipped. */
export async function loadModelAt(root: string, config: Config, rev: string, paths: string[] = [config.model]): Promise<Entity[]> {
  const at = checkoutAt(root, rev, paths);
  try {
    return (await loadModel(at.root, config)).entities;
  } finally {
    cleanupTemp(at.temp);
  }
}
