// `--format github`: GitHub Actions workflow commands that annotate the pull request, encoded
// exactly as @actions/core encodes them, so no file name or message can start a command of its own.

import type { Finding, LintResult, Reporter } from '../types.js';
import { annotationText, commandData, commandProperty } from './github-text.js';

/** The title every annotation carries: which rule found it. */
export const annotationTitle = (rule: string): string => `opmodel(${rule})`;

function command(d: Finding): string {
  const properties = [
    `file=${commandProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `title=${commandProperty(annotationTitle(d.rule))}`,
  ].join(',');
  return `::${d.severity} ${properties}::${commandData(annotationText(d.message))}\n`;
}

/** Formats one `::error` / `::warning` workflow command per finding, and nothing else. */
export const github: Reporter = (result: LintResult): string =>
  result.diagnostics.map(command).join('');
