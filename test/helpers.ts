// Shared test helpers: temporary repositories made from the example model, and running the
// real CLI (the file package.json's `bin.opmodel` names) as a user would.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const exampleModel = join(repoRoot, 'model');
export const cliPath = join(repoRoot, 'bin', 'opmodel.js');
/** The date the tests run "on", so date rules do not drift with the calendar. */
export const testToday = '2026-11-21';

const made: string[] = [];

/** A fresh temporary folder, removed after the test run. */
export function tempDir(prefix = 'opmodel-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every temporary folder made so far. */
export function cleanTemp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary repository holding a copy of the example model. */
export function copyOfExample(): string {
  const root = tempDir();
  cpSync(exampleModel, join(root, 'model'), { recursive: true });
  return root;
}

/** Writes a file (creating folders), relative to a root. */
export function writeFile(root: string, path: string, content: string | Buffer): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `opmodel ARGS` in `cwd` with the Node that runs the tests. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', OPMODEL_TODAY: testToday, ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
