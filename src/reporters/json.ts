// `--format json`: one JSON document in the shape SPEC §5 fixes, for scripts and CI.

import type { LintResult, Reporter } from '../types.js';

/** Formats the result as the documented `{ version, summary, diagnostics }` JSON document. */
export const json: Reporter = (result: LintResult): string => {
  const document = {
    version: 1,
    summary: { files: result.files, errors: result.errors, warnings: result.warnings },
    // Built key by key so the order is fixed and the shape is exactly SPEC §5's six keys: scripts
    // compare whole findings. Ends and suggestions travel in SARIF (and in the message's words).
    diagnostics: result.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
