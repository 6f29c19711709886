// `opmodel lint`: check the model and print findings in one of four formats.
import { lint, lintWithConfig } from '../lint.js';
import { lintWithCache } from '../lint-cache.js';
import type { Config } from '../config.js';
import type { Diagnostic } from '../types.js';
import { checkoutAt, git, verifyRevision } from '../util/git.js';
import { cleanupTemp } from '../util/temp.js';
import { reporters, formatNames } from '../reporters/index.js';
import { rules, docsPath } from '../rules/index.js';
import { version } from '../version.js';
import { openCache } from '../model/cache.js';
import { asOf, asOfOption, type Command, formatOption, parse, repoDir, UsageError, useColor } from './command.js';

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
    const changed = ref !== undefined ? changedSince(root, ref) : undefined;
    const cache = values.cache ? openCache(root) : undefined;
    const { result, config } = cache ? await lintWithCache(root, cache, { keepBodies: false, today }) : await lint(root, { keepBodies: false, today });
    cache?.save();
    if (ref !== undefined && changed) {
      // Findings in changed files, and findings elsewhere that the change caused (a deleted role
      // breaks the references to it): those that the model at REF did not have.
      const before = await findingsAt(root, ref, config, today);
      result.diagnostics = result.diagnostics.filter((d) => changed.has(d.file) || !before.has(findingKey(d)));
      result.errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      result.warnings = result.diagnostics.length - result.errors;
    }
    const hiddenWarnings = values.quiet ? result.warnings : 0;
    if (values.quiet) {
      result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
      result.warnings = 0;
    }
    const output = reporters[format](result, {
      color: format === 'stylish' && useColor(),
      rules: rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docs: docsPath(r.id) })),
      version,
    });
    process.stdout.write(output);
    if (format === 'stylish' && result.diagnostics.length === 0) {
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

/** Repository-relative files changed since a git revision, including uncommitted and new files. */
function changedSince(root: string, ref: string): Set<string> {
  verifyRevision(root, ref);
  const changed = git(root, ['diff', '--name-only', '-z', '--relative', ref, '--']).split('\0');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean));
}

/**
 * The findings the model had at a revision, as file + rule + message (lines shift, so they do
 * not count): a finding outside the changed files is reported only when it is new.
 */
async function findingsAt(root: string, ref: string, config: Config, today: string): Promise<Set<string>> {
  const at = checkoutAt(root, ref, [config.model]);
  try {
    const { result } = await lintWithConfig(at.root, config, { keepBodies: false, today });
    return new Set(result.diagnostics.map(findingKey));
  } finally {
    cleanupTemp(at.temp);
  }
}

const findingKey = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message}`;
