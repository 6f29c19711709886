// A partial run, as `lint --changed-since REF` and the GitHub Action make it: the rules see the
// whole model, and what is reported is the findings in the files changed since REF plus the ones
// the change caused elsewhere — each cross-file finding moved to the side the change touched.
import type { Finding, LintResult } from './types.js';
import type { Config } from './config.js';
import { lintWithConfig, compareFindings, type LintOutcome } from './lint.js';
import { checkoutAt, git, verifyRevision } from './util/git.js';
import { cleanupTemp } from './util/temp.js';

/** What a partial run reports, and what it has to say about what it left out. */
export interface ChangedSinceReport {
  /** The findings to report: in changed files, or new since REF and caused by the change. */
  result: LintResult;
  /** Files under the model folder added, changed or deleted since REF (repository-relative, sorted). */
  changedModelFiles: string[];
  /** Findings the model already had in files the change did not touch: checked, not reported. */
  notReported: { errors: number; warnings: number };
  /** The model as it was at REF, linted with the same config. */
  base: LintOutcome;
}

/** Repository-relative files changed since a git revision, including uncommitted and new files. */
export function changedFiles(root: string, ref: string): Set<string> {
  verifyRevision(root, ref);
  const changed = git(root, ['diff', '--name-only', '-z', '--no-renames', '--relative', ref, '--']).split('\0');
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  return new Set([...changed, ...untracked].filter(Boolean));
}

/**
 * Narrows a whole-model lint (`head`) to what a change since `ref` is answerable for. The model
 * at `ref` is linted too (with bodies when `keepBodies`, for a diff), so that findings outside
 * the changed files are reported only when they are new.
 */
export async function changedSince(root: string, ref: string, head: { result: LintResult; config: Config }, options: { keepBodies?: boolean; today?: string } = {}): Promise<ChangedSinceReport> {
  const changed = changedFiles(root, ref);
  const touched = touchedSince(root, ref, changed);
  const base = await lintAt(root, ref, head, options);
  const before = new Set(base.result.diagnostics.map(findingKey));
  const reported: Finding[] = [];
  let errors = 0;
  let warnings = 0;
  for (const finding of head.result.diagnostics) {
    const moved = relocate(finding, touched);
    if (changed.has(moved.file) || !before.has(findingKey(finding))) reported.push(moved);
    else if (finding.severity === 'error') errors++;
    else warnings++;
  }
  reported.sort(compareFindings);
  const reportedErrors = reported.filter((d) => d.severity === 'error').length;
  const folder = head.config.model.replace(/^\.\/?|\/+$/g, '');
  const inModel = (file: string) => folder === '' || file.startsWith(`${folder}/`);
  return {
    result: { ...head.result, diagnostics: reported, errors: reportedErrors, warnings: reported.length - reportedErrors },
    changedModelFiles: [...changed].filter((file) => inModel(file)).sort(),
    notReported: { errors, warnings },
    base,
  };
}

/** Lints the model as it was at a revision, with the config of the current one. */
async function lintAt(root: string, ref: string, head: { config: Config }, options: { keepBodies?: boolean; today?: string }): Promise<LintOutcome> {
  const at = checkoutAt(root, ref, [head.config.model]);
  try {
    const outcome = await lintWithConfig(at.root, head.config, { keepBodies: options.keepBodies ?? false, ...(options.today ? { today: options.today } : {}) });
    // Paths and root as they are in the repository, not in the temporary copy.
    return { ...outcome, result: { ...outcome.result, root } };
  } finally {
    cleanupTemp(at.temp);
  }
}

/** Whether a place in a file is one the change wrote: a new file, or a line added or rewritten since REF. */
export type Touched = (file: string, line: number) => boolean;

/** The places a change since `ref` wrote, read from `git diff -U0` file by file as they are asked about. */
export function touchedSince(root: string, ref: string, changed: Set<string>): Touched {
  const lines = new Map<string, Set<number> | 'all'>();
  const linesOf = (file: string): Set<number> | 'all' => {
    let known = lines.get(file);
    if (known) return known;
    // No hunk header for a file that did not exist at REF: every line is new.
    const patch = git(root, ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--relative', ref, '--', file]);
    const hunks = [...patch.matchAll(/^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)];
    const created = /^new file mode|^--- \/dev\/null/m.test(patch) || patch === '';
    known = created ? 'all' : new Set(hunks.flatMap((h) => Array.from({ length: Number(h[3] ?? 1) }, (_, i) => Number(h[2]) + i)));
    lines.set(file, known);
    return known;
  };
  return (file, line) => {
    if (!changed.has(file)) return false;
    const known = linesOf(file);
    return known === 'all' || known.has(line);
  };
}

/**
 * A cross-file finding at a place the change did not write, one of whose related places it did
 * write, is reported at that place, with the other as its related location: a duplicated decision
 * lands on the row the pull request added, not on the row that was there first.
 */
export function relocate(finding: Finding, touched: Touched): Finding {
  if (!finding.related || touched(finding.file, finding.line)) return finding;
  const index = finding.related.findIndex((r) => touched(r.file, r.line));
  if (index < 0) return finding;
  const touchedPlace = finding.related[index]!;
  const others = finding.related.filter((_, i) => i !== index);
  // A message that names the other place ("already decided in B line 3") now names the old one;
  // one that does not says where the finding was made.
  const named = `${touchedPlace.file} line ${touchedPlace.line}`;
  const mentions = finding.message.includes(named) || finding.message.includes(touchedPlace.file);
  const message = mentions
    ? finding.message.split(named).join(`${finding.file} line ${finding.line}`).split(touchedPlace.file).join(finding.file)
    : `${finding.file} line ${finding.line}: ${finding.message}`;
  return {
    ...finding,
    file: touchedPlace.file,
    line: touchedPlace.line,
    column: touchedPlace.column,
    message,
    related: [{ file: finding.file, line: finding.line, column: finding.column, message: mentions ? touchedPlace.message : 'found here' }, ...others],
  };
}

/** A finding's identity across revisions: file, rule and message (lines shift, so they do not count). */
const findingKey = (d: Finding) => `${d.file}\u0000${d.rule}\u0000${d.message}`;

/** One line on what a partial run checked and reported, for a person reading the terminal or a log. */
export function describeChangedSince(report: ChangedSinceReport, ref: string, quietWarnings = 0): string {
  const changed = report.changedModelFiles.length;
  const checked = report.result.files;
  const { errors, warnings } = report.notReported;
  const files = (n: number) => `${n} model file${n === 1 ? '' : 's'}`;
  const older = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  const elsewhere = older ? ` ${older} in files this change did not touch ${errors + warnings === 1 ? 'was' : 'were'} there before and ${errors + warnings === 1 ? 'is' : 'are'} not shown; run \`opmodel lint\` to see ${errors + warnings === 1 ? 'it' : 'them'}.` : '';
  const shown = report.result.diagnostics.length;
  const quiet = quietWarnings > 0 ? ` ${plural(quietWarnings, 'warning')} not shown: --quiet.` : '';
  if (changed === 0) {
    const head = `No model file changed since ${ref} (${checked} checked)`;
    if (shown > 0) return `${head}; the findings above were caused elsewhere by the change.${quiet}${elsewhere}\n`;
    if (quietWarnings > 0) return `${head}; no errors.${quiet}${elsewhere}\n`;
    return older ? `${head}.${elsewhere}\n` : `${head}, and the whole model has no problems.\n`;
  }
  const scope = changed === 1 ? 'the 1 changed model file' : `the ${changed} changed model files`;
  if (shown === 0) return `✔ No ${quietWarnings > 0 ? 'errors' : 'problems'} in ${scope} (${files(checked)} checked).${quiet}${elsewhere}\n`;
  return `Reported: findings in ${scope} and new ones the change caused (${files(checked)} checked).${quiet}${elsewhere}\n`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
