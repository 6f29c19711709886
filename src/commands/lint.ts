// `opmodel lint`: check the model and print findings in one of four formats.
import { execFileSync } from 'node:child_process';
import { lint } from '../lint.js';
import { reporters, formatNames } from '../reporters/index.js';
import { rules, docsPath } from '../rules/index.js';
import { version } from '../version.js';
import { openCache } from '../model/cache.js';
import { type Command, formatOption, parse, repoDir, UsageError, useColor } from './command.js';

export const command: Command = {
  help: `Usage: opmodel lint [DIR] [options]

Check every file of the operating model against its schema and the rules.

Options:
  --format NAME         stylish (default), json, sarif or github
  --max-warnings N      fail (exit 1) when there are more than N warnings
  --quiet               report errors only, not warnings
  --changed-since REF   report only findings in files changed since git REF
                        (the rules still see the whole model)
  --cache               reuse the work done for unchanged files (same findings)

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or config problem.
`,
  async run(args) {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      'changed-since': { type: 'string' },
      cache: { type: 'boolean' },
    });
    if (positionals.length > 1) throw new UsageError(`lint takes one DIR, not ${positionals.length}.`);
    const root = repoDir(positionals[0]);
    const format = formatOption(values.format, formatNames, 'stylish');
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number, such as 0.');
    }
    const onlyFiles = values['changed-since'] !== undefined ? changedSince(root, values['changed-since']) : undefined;
    const cache = values.cache ? openCache(root) : undefined;
    const { result } = await lint(root, { keepBodies: false, ...(onlyFiles ? { onlyFiles } : {}), ...(cache ? { cache } : {}) });
    cache?.save();
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
      process.stderr.write(`✔ No problems in ${result.files} model file${result.files === 1 ? '' : 's'}.\n`);
    }
    if (result.errors > 0) return 1;
    if (maxWarnings !== undefined && result.warnings > maxWarnings) {
      process.stderr.write(`opmodel: ${result.warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
      return 1;
    }
    return 0;
  },
};

/** Repository-relative files changed since a git revision, including uncommitted and new files. */
function changedSince(root: string, ref: string): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since takes a git revision, not '${ref}'.`);
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`'${ref}' is not a git revision in ${root}.`, 'Use a branch, tag or commit, such as origin/main; in CI, fetch enough history first.');
  }
  const changed = git(['diff', '--name-only', '-z', '--relative', ref, '--']).split('\0');
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean));
}
