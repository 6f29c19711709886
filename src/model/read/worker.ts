// A parsing worker: reads model files sent by the loader's pool, one reply per file, so that a
// file that hangs or exhausts memory costs only this worker, never the linter.
import { parentPort } from 'node:worker_threads';
import { readModelFile, type ReadTask } from './read.js';
import { brokenEntity, type FileResult } from '../domain/entity.js';
import { jsonExact } from './wire.js';
import { loadMarkdown, loadRemark, RemarkNotLoaded } from './markdown.js';

// The Markdown parser loads before the first file is read (messages wait in the port's queue).
await loadMarkdown();

/** A message from the pool: files to read, tagged with their index in the pool's list. */
export interface WorkerRequest {
  tasks: { index: number; task: ReadTask }[];
  /**
   * Shared with the pool: slot 0 holds the index + 1 of the file being read, slot 1 counts the
   * files started. The pool's watchdog reads them to stop a file that runs over its time budget.
   */
  progress?: SharedArrayBuffer;
}

/** One file's result; the worker replies with one array per request, as JSON text when JSON carries it exactly (wire.ts). */
export interface WorkerReply {
  index: number;
  result: FileResult;
}

/** Reads one file, turning any unexpected failure into a finding. */
export function readSafely(task: ReadTask): FileResult {
  try {
    return readModelFile(task);
  } catch (error) {
    if (error instanceof RemarkNotLoaded) throw error;
    const overflow = error instanceof RangeError;
    return {
      file: task.file,
      entity: brokenEntity(task),
      findings: [
        {
          file: task.file,
          rule: 'file',
          line: 1,
          column: 1,
          message: overflow
            ? 'The file is nested too deeply to read safely: flatten its lists and quotes.'
            : 'The file could not be read: check that it is a Markdown file with YAML frontmatter.',
        },
      ],
    };
  }
}

let progress: Int32Array | undefined;

async function handle(request: WorkerRequest): Promise<void> {
  if (request.progress) progress = new Int32Array(request.progress);
  const replies: WorkerReply[] = [];
  for (const { index, task } of request.tasks) {
    if (progress) {
      Atomics.store(progress, 0, index + 1);
      Atomics.add(progress, 1, 1);
    }
    let result: FileResult;
    try {
      result = readSafely(task);
    } catch (error) {
      // satteri failed on this body and remark is not loaded yet: load it and read again.
      if (!(error instanceof RemarkNotLoaded)) throw error;
      await loadRemark();
      result = readSafely(task);
    }
    replies.push({ index, result });
  }
  if (progress) Atomics.store(progress, 0, 0);
  // One message per request: a message per file cost more than reading the file. As JSON text
  // where JSON carries every value as it is: the main thread parses JSON about twice as fast as
  // it takes a structured clone of the same objects.
  parentPort!.postMessage(replies.every((reply) => !reply.result.entity || jsonExact(reply.result.entity.data)) ? JSON.stringify(replies) : replies);
}

// Requests are handled one after another, even while one waits for remark to load.
let queue = Promise.resolve();
parentPort?.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});
