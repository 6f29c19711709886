// `opmodel lint`: check the model and print findings in one of four formats.
import { lint } from '../lint.js';
import { lintWithCache } from '../lint-cache.js';
import { changedSince, describeChangedSince, type ChangedSinceReport } from '../changed-since.js';
import { verifyRevision } from '../util/git.js';
import type { ReporterOptions } from '../types.js';
import { reporters, formatNames } from '../reporters/index.js';
import { rules, docsPath } from '../rules/index.js';
import { version } from '../version.js';
import { openCache } from '../model/cache/cache.js';
import { asOf, asOfOption, type Command, formatOption, parse, repoDir, UsageError, useColor } from './command.js';

/** What every reporter is told: colour, the rules (for SARIF) and the version. */
export function reporterOptions(color: boolean): ReporterOptions {
  return { color, rules: rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docs: docsPath(r.id) })), version };
}

export const command: Command = {
  help: `Usage: opmodel lint [DIR] [options]

Check every file of the operating model against its schema and the rules.

Options:
  --format NAME         stylish (default), json, sarif or github
  --max-warnings N      fail (exit 1) when there are more than N warnings
  --quiet               report errors only, not warnings
  --changed-since REF   report only findings in files changed since git REF, and
                        findings elsewhere that the change caused (new since REF)
  --cache               reuse the work done for unchanged files (same findings)
  --as-of DATE          judge dates (review_by, check-ins, quarters) as of DATE,
                        YYYY-MM-DD (default: OPMODEL_TODAY, else today in UTC)

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or config problem.
`,
  async run(args) {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      'changed-since': { type: 'string' },
      cache: { type: 'boolean' },
      ...asOfOption,
    });
    if (positionals.length > 1) throw new UsageError(`lint takes one DIR, not ${positionals.length}.`);
    const root = repoDir(positionals[0]);
    const format = formatOption(values.format, formatNames, 'stylish');
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number, such as 0.');
    }
    const today = asOf(values['as-of']);
    const ref = values['changed-since'];
    if (ref !== undefined) verifyRevision(root, ref);
    const cache = values.cache ? openCache(root) : undefined;
    const outcome = cache ? await lintWithCache(root, cache, { keepBodies: false, today }) : await lint(root, { keepBodies: false, today });
    cache?.save();
    // Findings in changed files, and those elsewhere that the change caused (a deleted role breaks
    // the references to it), each cross-file one moved to the side the change touched.
    const partial: ChangedSinceReport | undefined = ref !== undefined ? await changedSince(root, ref, outcome, { today }) : undefined;
    const result = partial ? partial.result : outcome.result;
    const hiddenWarnings = values.quiet ? result.warnings : 0;
    if (values.quiet) {
      result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
      result.warnings = 0;
    }
    const output = reporters[format](result, reporterOptions(format === 'stylish' && useColor()));
    process.stdout.write(output);
    // What a partial run checked goes to stderr, so json, sarif and github output stay one document.
    if (partial) process.stderr.write(describeChangedSince(partial, ref!, hiddenWarnings));
    else if (format === 'stylish' && result.diagnostics.length === 0) {
      const files = `${result.files} model file${result.files === 1 ? '' : 's'}`;
      process.stderr.write(hiddenWarnings > 0 ? `✔ No errors in ${files} (${hiddenWarnings} warning${hiddenWarnings === 1 ? '' : 's'} not shown: --quiet).\n` : `✔ No problems in ${files}.\n`);
    }
    if (result.errors > 0) return 1;
    if (maxWarnings !== undefined && result.warnings > maxWarnings) {
      process.stderr.write(`opmodel: ${result.warnings} warning${result.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.\n`);
      return 1;
    }
    return 0;
  },
};
