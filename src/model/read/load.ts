// Files → entities: walks the model folder without following links, then reads every file in
// a pool of worker threads with memory limits and a time budget per file.
import { lstatSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';
import { Worker } from 'node:worker_threads';
import picomatch from 'picomatch';
import type { Config } from '../../config.js';
import { brokenEntity, type Entity, type FileResult, type LoadedModel } from '../domain/entity.js';
import { kindsOf, modelRootFile, tableKinds } from '../domain/kinds.js';
import { limits } from '../../limits.js';
import type { ReadTask } from './read.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { leavesRepository, linkTarget } from '../domain/link-target.js';

export type { LoadedModel };

/**
 * Called with read results as they arrive, while workers read the rest: `reused` when they came
 * from the cache (see ReuseCache), else freshly read. Every file the loader reads is passed once.
 */
export type OnRead = (results: FileResult[], reused: boolean) => void;

/** A file found by the walk, or a problem with a path (a link, a non-Markdown file). */
export interface Found {
  file: string;
  abs: string;
  folderKind?: string;
  /** When set, the file is not read: this is its finding. */
  problem?: string;
  /** The walk saw a regular file (not a device, pipe or socket). */
  regularFile?: boolean;
}

/** What the walk found: the files to read (or their problems) and every path under the model folder. */
export interface ModelListing {
  found: Found[];
  paths: Set<string>;
  modelDirFound: boolean;
}

/** Walks the model folder and reads every model file; `keepBodies: false` leaves body text out. */
export async function loadModel(
  root: string,
  config: Config,
  reuse?: ReuseCache,
  keepBodies = true,
  listing?: ModelListing,
  onRead?: OnRead,
): Promise<LoadedModel> {
  const { found, paths, modelDirFound } = listing ?? walkModel(root, config);
  const files: FileResult[] = new Array(found.length);
  const tasks: { index: number; task: ReadTask }[] = [];
  const reused: FileResult[] = [];
  found.forEach((entry, index) => {
    const task = readTaskFor(entry, config, keepBodies);
    if (!task) {
      files[index] = { file: entry.file, findings: [{ file: entry.file, rule: 'file', line: 1, column: 1, message: entry.problem! }] };
      return;
    }
    const cached = reuse?.lookup(task);
    if (cached) {
      files[index] = cached;
      reused.push(cached);
    } else {
      const knownHash = reuse?.knownHash(task);
      if (knownHash) task.knownHash = knownHash;
      tasks.push({ index, task });
    }
  });
  if (reused.length > 0) onRead?.(reused, true);
  const taskByIndex = new Map(tasks.map((t) => [t.index, t.task]));
  await readInPool(tasks, (batch) => {
    const fresh: FileResult[] = [];
    const sameBytes: FileResult[] = [];
    for (const reply of batch) {
      const task = taskByIndex.get(reply.index)!;
      // The file was touched but its bytes are the same: the cached result still holds.
      const earlier = reply.result.unchanged ? reuse?.reuseByHash(task) : undefined;
      if (earlier) {
        files[reply.index] = earlier;
        sameBytes.push(earlier);
      } else {
        const result = reply.result.unchanged ? { file: task.file, findings: [] } : reply.result;
        files[reply.index] = result;
        if (!result.transient) reuse?.store(task, result);
        fresh.push(result);
      }
    }
    if (sameBytes.length > 0) onRead?.(sameBytes, true);
    if (fresh.length > 0) onRead?.(fresh, false);
  });
  const entities = files.flatMap((f) => (f.entity ? [f.entity] : []));
  addLinkTargetsOutsideModel(root, config.model, entities, paths);
  return { root, modelDir: config.model, entities, files, paths, modelDirFound };
}

/** Reads the given files in the worker pool, results in the same order. */
export async function readFiles(tasks: ReadTask[]): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  for (const reply of await readInPool(tasks.map((task, index) => ({ index, task })))) results[reply.index] = reply.result;
  return results;
}

const tableKindList = [...tableKinds];

/** The reader's task for a found file, or undefined when the walk already has its finding. */
export function readTaskFor(entry: Found, config: Config, keepBodies: boolean): ReadTask | undefined {
  if (entry.problem) return undefined;
  const task: ReadTask = { abs: entry.abs, file: entry.file, tableKinds: tableKindList, maxBytes: config.maxFileBytes, keepBody: keepBodies };
  if (entry.folderKind) task.folderKind = entry.folderKind;
  if (entry.regularFile) task.regularFile = true;
  return task;
}

/** A per-file cache the loader may consult (see cache.ts). */
export interface ReuseCache {
  /** The earlier result for a file whose stamp (size, times, inode) is unchanged. */
  lookup(task: ReadTask): FileResult | undefined;
  /** The content hash of the earlier result for a file whose stamp changed, if there is one. */
  knownHash(task: ReadTask): string | undefined;
  /** The earlier result for a file the reader found byte-for-byte unchanged; stored under its new stamp. */
  reuseByHash(task: ReadTask): FileResult | undefined;
  store(task: ReadTask, result: FileResult): void;
}

const skipDirs = new Set(['node_modules', '.git']);

/** Lists the model folder without following links. */
export function walkModel(root: string, config: Config): ModelListing {
  const found: Found[] = [];
  const paths = new Set<string>();
  const ignored = config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false;
  const folderKinds = new Map<string, string>();
  for (const kind of kindsOf(config)) if (kind.folder) folderKinds.set(kind.folder, kind.name);

  const modelAbs = join(root, config.model);
  let modelStat;
  try {
    modelStat = lstatSync(modelAbs);
  } catch {
    return { found, paths, modelDirFound: false };
  }
  if (!modelStat.isDirectory()) {
    found.push({ file: config.model, abs: modelAbs, problem: 'The model folder is a link or a file, not a folder: opmodel never follows links.' });
    return { found, paths, modelDirFound: true };
  }
  const visit = (relDir: string, depth: number) => {
    if (depth > 32 || found.length > 200_000) return;
    // The kind a folder implies is the same for every file in it.
    const dirInModel = relDir === config.model ? '' : `${relDir.slice(config.model.length + 1)}/`;
    const dirKind = kindOfFolder(dirInModel, folderKinds);
    let entries;
    try {
      entries = readdirSync(join(root, relDir), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      const file = posix.join(relDir, name);
      if (name.startsWith('.') || ignored(file)) continue;
      const abs = join(root, file);
      paths.add(file);
      const isMarkdownName = /\.md$/i.test(name);
      if (entry.isSymbolicLink()) {
        if (isMarkdownName || !/\.[a-z0-9]+$/i.test(name)) {
          found.push({ file, abs, problem: 'This is a symbolic link: opmodel never follows links. Replace it with the real file or folder.' });
        }
        continue;
      }
      if (entry.isDirectory()) {
        if (skipDirs.has(name)) continue;
        if (isMarkdownName) {
          found.push({ file, abs, problem: 'This is a folder whose name ends in `.md`: rename the folder.' });
        }
        if (!name.startsWith('_')) visit(file, depth + 1);
        continue;
      }
      if (name.startsWith('_') || /^readme\.md$/i.test(name)) continue;
      if (/\.(mdx|markdown|mdown|mkd)$/i.test(name)) {
        found.push({ file, abs, problem: `Only \`.md\` files are read: rename \`${name}\` to end in \`.md\`.` });
        continue;
      }
      if (!isMarkdownName) continue;
      const folderKind = dirInModel === '' && name === modelRootFile ? 'model' : dirKind;
      const item: Found = { file, abs, regularFile: entry.isFile() };
      if (folderKind) item.folderKind = folderKind;
      found.push(item);
    }
  };
  visit(config.model, 0);
  return { found, paths, modelDirFound: true };
}

function kindOfFolder(inModel: string, folderKinds: Map<string, string>): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const [folder, kind] of folderKinds) {
    if (inModel.startsWith(`${folder}/`) && folder.length > bestLength) {
      best = kind;
      bestLength = folder.length;
    }
  }
  return best;
}

const chunkSize = 32;

interface StartedWorker {
  worker: Worker;
  /** Resolves once the worker has loaded its code and can take files. */
  online: Promise<void>;
}

let warm: StartedWorker | undefined;

function startWorker(): StartedWorker {
  const worker = new Worker(workerEntry(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    // The parent's flags (`--input-type`, `--eval`, test runners' loaders) mean nothing to a worker.
    execArgv: [],
    stdout: true,
    stderr: true,
  });
  const online = new Promise<void>((resolve) => worker.once('online', () => resolve()));
  return { worker, online };
}

/**
 * Starts a parsing worker now, so it loads its code while the caller reads the config and
 * walks the folder; the next pool takes it. Safe to call more than once.
 */
export function prewarmWorker(): void {
  if (!warm) {
    warm = startWorker();
    // An unused warm worker must not keep the process alive.
    warm.worker.unref();
  }
}

function takeWarmWorker(): StartedWorker | undefined {
  const taken = warm;
  warm = undefined;
  taken?.worker.ref();
  return taken;
}

/** The bundled worker when the build made one (it starts several times faster), else the plain module. */
function workerEntry(): URL {
  const bundled = new URL('./worker.bundle.js', import.meta.url);
  try {
    lstatSync(bundled);
    return bundled;
  } catch {
    return new URL('./worker.js', import.meta.url);
  }
}

type Reply = { index: number; result: FileResult };

/**
 * Reads files in worker threads; a worker that hangs or dies costs only the file it was on.
 * `onBatch` sees every reply as it arrives, on the main thread.
 */
async function readInPool(tasks: { index: number; task: ReadTask }[], onBatch?: (replies: Reply[]) => void): Promise<Reply[]> {
  if (tasks.length === 0) return [];
  const queue = [...tasks];
  const replies: Reply[] = [];
  // A worker costs ~70 ms to start and warms up its own parsers: small models use one, large
  // ones every core but one (at most 4), as the main thread runs the rules on results while
  // they arrive. OPMODEL_WORKERS sets the number, e.g. 1 on a machine shared with other jobs.
  const wanted = Number(process.env.OPMODEL_WORKERS);
  const size = Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, 16, tasks.length) : Math.max(1, Math.min(availableParallelism() - 1, Math.ceil(tasks.length / 256), 4));

  const runWorker = () =>
    new Promise<void>((resolve) => {
      type Item = { index: number; task: ReadTask };
      const progress = new Int32Array(new SharedArrayBuffer(8));
      // Chunks sent and not yet answered: two in flight, so the worker never waits for the next.
      const outstanding: Item[][] = [];
      let finished = false;
      let started = 0;
      let lastProgress = Date.now();
      const { worker, online } = takeWarmWorker() ?? startWorker();
      // The watchdog: a file that has been in progress for longer than the budget is stopped.
      const watchdog = setInterval(() => {
        const count = Atomics.load(progress, 1);
        const now = Date.now();
        if (count !== started) {
          started = count;
          lastProgress = now;
        } else if (outstanding.length > 0 && now - lastProgress > limits.fileTimeBudgetMs) {
          fail(`Reading this file took more than ${limits.fileTimeBudgetMs / 1000} s, so it was stopped: simplify or split it.`);
        }
      }, 200);
      const finish = () => {
        finished = true;
        clearInterval(watchdog);
        void worker.terminate();
        resolve();
      };
      const fill = () => {
        while (outstanding.length < 2 && queue.length > 0) {
          const chunk = queue.splice(0, chunkSize);
          if (outstanding.length === 0) lastProgress = Date.now();
          outstanding.push(chunk);
          worker.postMessage({ tasks: chunk, progress: progress.buffer as SharedArrayBuffer } satisfies WorkerRequest);
        }
        if (outstanding.length === 0) finish();
      };
      const fail = (message: string) => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        const inFlight = outstanding.flat();
        const current = Atomics.load(progress, 0) - 1;
        const culprit = inFlight.find((item) => item.index === current) ?? inFlight[0];
        if (culprit) {
          const reply: Reply = {
            index: culprit.index,
            // Transient: a stalled machine can cause it too, so the cache never keeps it.
            // The file still defines its id, so files that name it get no further findings.
            result: { file: culprit.task.file, entity: brokenEntity(culprit.task), findings: [{ file: culprit.task.file, rule: 'file', line: 1, column: 1, message }], transient: true },
          };
          replies.push(reply);
          onBatch?.([reply]);
        }
        queue.unshift(...inFlight.filter((item) => item !== culprit));
        void worker.terminate();
        // A fresh worker takes over the rest of the queue.
        runWorker().then(resolve, resolve);
      };
      worker.on('message', (message: WorkerReply[] | string) => {
        if (finished) return;
        const batch: WorkerReply[] = typeof message === 'string' ? JSON.parse(message) : message;
        outstanding.shift();
        for (const reply of batch) replies.push(reply);
        onBatch?.(batch);
        fill();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        fail(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'Reading this file needed more memory than allowed, so it was stopped: simplify or split it.'
            : 'Reading this file crashed the parser, so it was skipped: simplify it.',
        );
      });
      worker.on('exit', () => {
        if (!finished) fail('Reading this file stopped the parser, so it was skipped: simplify it.');
      });
      void online.then(fill);
    });

  await Promise.all(Array.from({ length: size }, runWorker));
  return replies;
}

/**
 * Adds the relative link targets outside the model folder that exist to `paths`, so the `link`
 * rule can judge them without reading the disk. Targets outside the repository are never looked at.
 */
function addLinkTargetsOutsideModel(root: string, modelDir: string, entities: readonly Entity[], paths: Set<string>): void {
  for (const target of linkTargetsOutsideModel(modelDir, entities)) {
    if (!paths.has(target) && pathExists(join(root, target))) paths.add(target);
  }
}

/** The targets of body links that leave the model folder but not the repository, each once. */
export function linkTargetsOutsideModel(modelDir: string, entities: readonly Entity[]): Set<string> {
  const targets = new Set<string>();
  for (const entity of entities) {
    for (const link of entity.links) {
      const target = linkTarget(entity.file, link);
      if (!target || leavesRepository(target) || target.startsWith(`${modelDir}/`)) continue;
      targets.add(target);
    }
  }
  return targets;
}

/** Whether a path exists (a link counts; it is never followed). */
export function pathExists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

