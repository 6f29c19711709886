// `--format github`: GitHub Actions workflow commands that annotate the pull request,
// escaped so that no file name or message can smuggle in a workflow command of its own.

import type { Diagnostic, LintResult, Reporter } from '../types.js';
import { escapeControl } from './escape.js';

/**
 * Escapes a command's message as @actions/core does (the runner decodes these three).
 * Other control characters would reach the log viewer raw, so they get visible escapes.
 */
export function escapeData(text: string): string {
  return escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command property value: as data, plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic): string {
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `title=${escapeProperty(`opmodel(${d.rule})`)}`,
  ].join(',');
  return `::${d.severity} ${properties}::${escapeData(d.message)}\n`;
}

/** Formats one `::error` / `::warning` workflow command per finding, and nothing else. */
export const github: Reporter = (result: LintResult): string =>
  result.diagnostics.map(command).join('');
