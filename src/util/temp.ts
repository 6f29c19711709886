// Temporary folders for commands that unpack or stage files; always removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new private temporary folder. */
export function makeTemp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary folder made by makeTemp; never throws. */
export function cleanupTemp(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // leftover temp files are harmless
  }
}
