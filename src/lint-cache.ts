// `lint --cache`: the same findings as `lint`, from as little work as the changes allow.
//
// 1. No file's stamp changed, and neither did the list of paths, the link targets outside the
//    model folder, the config or the date: the last run's findings are the answer.
// 2. Some files changed, but what cross-file rules see of them did not (their view digest is
//    the same: prose was edited, not ids, references, statuses or links): those files are read
//    and their per-file rules run; every cross-file finding of the last run still holds.
// 3. Otherwise: every rule runs on all entities, unchanged files coming from the per-file cache.
import { join } from 'node:path';
import type { LintResult } from './types.js';
import type { Config } from './config.js';
import { addByFile, checkFiles, finalResult, lintWithConfig, relationsOf, repositoryConfig, ruleContextKey, type LintOptions, type RawFinding, type RawFindings } from './lint.js';
import { runKey, viewDigest, type LintCache, type StoredRun } from './model/cache/cache.js';
import { linkTargetsOutsideModel, pathExists, readFiles, readTaskFor, walkModel } from './model/read/load.js';
import type { ReadTask } from './model/read/read.js';
import { createValidators } from './model/domain/validate.js';
import { todayString } from './util/today.js';
import { version } from './version.js';

/** How the last cached lint was answered (for tests and the benchmark's notes). */
export type CacheUse = 'unchanged' | 'incremental' | 'full';

/** Lints with the cache: the findings of an uncached run, from as little work as possible. */
export async function lintWithCache(
  root: string,
  cache: LintCache,
  options: Omit<LintOptions, 'cache' | 'listing'> = {},
): Promise<{ result: LintResult; config: Config; use: CacheUse }> {
  // A worker loads its code while the folder is walked.
  const config = repositoryConfig(root);
  const today = options.today ?? todayString();
  const keepBodies = options.keepBodies ?? true;
  const listing = walkModel(root, config);
  const context = ruleContextKey(config, today, keepBodies);
  const walkFindings: RawFinding[] = [];
  const listParts = [...listing.paths];
  const tasks: ReadTask[] = [];
  for (const entry of listing.found) {
    const task = readTaskFor(entry, config, keepBodies);
    if (task) tasks.push(task);
    else {
      listParts.push(`!${entry.file}:${entry.problem}`);
      walkFindings.push({ file: entry.file, rule: 'file', line: 1, column: 1, message: entry.problem! });
    }
  }
  listParts.push(`model folder found: ${listing.modelDirFound}`);
  const listKey = runKey(listParts);
  const last = cache.lastRun();

  if (last && !options.onlyFiles && last.context === context && last.listKey === listKey && last.outside.every(([path, existed]) => pathExists(join(root, path)) === existed)) {
    // A file without a stamp (a pipe, a device, gone) always counts as changed.
    const changed = tasks.filter((task) => {
      const stamp = cache.stampOf(task);
      return stamp === undefined || last.files[task.file]?.stamp !== stamp;
    });
    const answer = (files: StoredRun['files']) => {
      const byFile = new Map<string, RawFinding[]>();
      for (const finding of walkFindings) addByFile(byFile, finding);
      for (const task of tasks) for (const finding of files[task.file]?.findings ?? []) addByFile(byFile, finding);
      const raw: RawFindings = { byFile, cross: last.cross };
      return finalResult(root, listing.found.length, raw, config);
    };
    if (changed.length === 0) return { result: answer(last.files), config, use: 'unchanged' };
    if (changed.length <= Math.max(50, tasks.length / 10)) {
      const relations = relationsOf(config);
      const results = await readFiles(changed);
      const digests = results.map((r) => viewDigest(r, relations));
      if (changed.every((task, i) => last.files[task.file]?.digest === digests[i] && cache.stampOf(task) !== undefined && !results[i]!.transient)) {
        const validators = await createValidators(config.kinds);
        const own = checkFiles(results, { root, config, validators, relations, today });
        const files = { ...last.files };
        changed.forEach((task, i) => {
          files[task.file] = { stamp: cache.stampOf(task)!, digest: digests[i]!, findings: [...results[i]!.findings, ...(own.get(task.file) ?? [])] };
        });
        cache.storeRun({ ...last, files });
        return { result: answer(files), config, use: 'incremental' };
      }
    }
  }

  const outcome = await lintWithConfig(root, config, { ...options, today, keepBodies, cache, listing });
  if (!options.onlyFiles) {
    const files: StoredRun['files'] = {};
    for (const task of tasks) {
      const stamp = cache.stampOf(task);
      const digest = cache.digestOf(task.file);
      if (stamp && digest) files[task.file] = { stamp, digest, findings: outcome.raw.byFile.get(task.file) ?? [] };
    }
    // What the cross-file findings depend on outside the model folder: which link targets there exist.
    const { model } = outcome;
    const outside: [string, boolean][] = [...linkTargetsOutsideModel(model.modelDir, model.entities)].map((target) => [target, model.paths.has(target)]);
    cache.storeRun({ version, context, listKey, outside, files, cross: outcome.raw.cross });
  }
  return { result: outcome.result, config, use: 'full' };
}
