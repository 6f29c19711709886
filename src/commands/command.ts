// What a CLI command module exports, and the helpers commands share for argv.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCalendarDate, todayString } from '../util/today.js';
import { UsageError } from '../util/usage-error.js';
import type { LoadedModel } from '../model/domain/entity.js';

/** One CLI command. */
export interface Command {
  /** Text printed for `--help`. */
  help: string;
  /** Runs the command with the arguments after its name; returns the exit code. */
  run(args: string[]): Promise<number>;
}

export { UsageError };

/** parseArgs with friendly errors. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message
      .replace(/^Unknown option '([^']+)'.*$/s, "unknown option '$1'")
      .replace(/^Option '([^']+)' argument is ambiguous.*$/s, "$1 needs a value that does not start with a dash, such as `$1 0`");
    throw new UsageError(message.split('\n')[0]!);
  }
}

/** Resolves a DIR argument to an existing folder. */
export function repoDir(dir: string | undefined): string {
  const root = resolve(dir ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`'${dir}' is not a folder.`, 'DIR is the root of the repository that holds your model/ folder.');
  return root;
}

/** The `--as-of DATE` option of the commands that judge dates (lint, build, dev). */
export const asOfOption = { 'as-of': { type: 'string' } } as const;

/** The date to judge by: --as-of when given (exit 2 unless a real YYYY-MM-DD date), else today. */
export function asOf(value: string | undefined): string {
  if (value === undefined) return todayString();
  if (!isCalendarDate(value)) throw new UsageError(`--as-of takes a date written YYYY-MM-DD, such as 2026-11-21, not ${JSON.stringify(value.slice(0, 40))}.`);
  return value;
}

/** Parses a `--format` value against the allowed names. */
export function formatOption<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

/** Whether stdout should get colour: a TTY, and NO_COLOR unset. */
export function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

/**
 * Says on stderr which model files could not be read (broken frontmatter, unreadable), which a
 * command that answers from the model (review, assess, who, new) leaves out; nothing when all read.
 */
export function noteLeftOut(model: LoadedModel, kinds?: readonly string[]): void {
  const broken = model.entities.filter((e) => e.broken && (!kinds || kinds.includes(e.kind))).map((e) => e.file).sort();
  if (broken.length === 0) return;
  const named = broken.slice(0, 3).join(', ') + (broken.length > 3 ? ` and ${broken.length - 3} more` : '');
  process.stderr.write(`opmodel: ${broken.length === 1 ? '1 model file has' : `${broken.length} model files have`} errors and ${broken.length === 1 ? 'is' : 'are'} left out (${named}): run \`opmodel lint\` to see why.\n`);
}
