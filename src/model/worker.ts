// A parsing worker: reads model files sent by the loader's pool, one reply per file, so that a
// file that hangs or exhausts memory costs only this worker, never the linter.
import { parentPort } from 'node:worker_threads';
import { readModelFile, type ReadTask } from './read.js';
import type { FileResult } from './entity.js';

/** A message from the pool: files to read, tagged with their index in the pool's list. */
export interface WorkerRequest {
  tasks: { index: number; task: ReadTask }[];
}

/** A reply: one file's result. */
export interface WorkerReply {
  index: number;
  result: FileResult;
}

/** Reads one file, turning any unexpected failure into a finding. */
export function readSafely(task: ReadTask): FileResult {
  try {
    return readModelFile(task);
  } catch (error) {
    const overflow = error instanceof RangeError;
    return {
      file: task.file,
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

parentPort?.on('message', (request: WorkerRequest) => {
  for (const { index, task } of request.tasks) {
    const reply: WorkerReply = { index, result: readSafely(task) };
    parentPort!.postMessage(reply);
  }
});
