// The Markdown the Action posts: the job summary (counts, every finding, the model diff) and the
// pull-request comment (the model diff, found again by its hidden marker). Pure functions.
import type { Finding, LintResult } from '../types.js';
import { markdownText } from '../reporters/github-text.js';
import { toRelativeUri } from '../reporters/sarif.js';

/** The hidden line that marks opmodel's one comment on a pull request. */
export const commentMarker = '<!-- opmodel -->';

/** GitHub keeps a comment body under 65,536 characters; the summary under 1 MiB per step. */
const COMMENT_LIMIT = 60_000;
const TABLE_ROWS = 1_000;

/** What the summary and the comment say about the run. */
export interface RunReport {
  result: LintResult;
  /** The diff of the model from base to head, as `opmodel diff --format markdown` prints it. */
  diff?: string;
  /** A partial run: how many model files changed, and older findings checked but not shown. */
  partial?: { changedModelFiles: number; notReported: { errors: number; warnings: number } };
  /** Where a finding's file can be opened: `https://github.com/o/r/blob/SHA/` (ends with `/`). */
  blobUrl?: string;
  /** Prefix of the model repository inside the git repository (`''` or `sub/`). */
  prefix: string;
  /** The workflow run's page, for "details in the job summary". */
  runUrl?: string;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One line of counts: "❌ 2 errors and 1 warning" or "✅ No problems". */
export function countsLine(result: LintResult): string {
  if (result.errors === 0 && result.warnings === 0) return '✅ No problems';
  return `${result.errors > 0 ? '❌' : '⚠️'} ${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')}`;
}

function scopeLine(report: RunReport): string {
  const checked = plural(report.result.files, 'model file');
  if (!report.partial) return `in the whole model (${checked} checked).`;
  const changed = report.partial.changedModelFiles;
  const { errors, warnings } = report.partial.notReported;
  const parts = [errors ? plural(errors, 'older error') : '', warnings ? plural(warnings, 'older warning') : ''].filter(Boolean);
  const older = parts.length ? ` ${parts.join(' and ')} in files this pull request did not touch ${errors + warnings === 1 ? 'is' : 'are'} not counted.` : '';
  if (changed === 0) return `caused by this pull request, which changed no model file (${checked} checked).${older}`;
  return `in the ${plural(changed, 'model file')} this pull request changed and the findings it caused elsewhere (${checked} checked).${older}`;
}

function fileCell(report: RunReport, file: string, line: number): string {
  const shown = markdownText(`${file}:${line}`);
  // In <…> a `)` in a file name cannot end the link; every other special character is %-encoded.
  return report.blobUrl ? `[${shown}](<${report.blobUrl}${toRelativeUri(report.prefix + file)}#L${line}>)` : shown;
}

function findingRow(report: RunReport, d: Finding): string {
  const related = (d.related ?? []).map((r) => `<br>↳ ${fileCell(report, r.file, r.line)} ${markdownText(r.message)}`).join('');
  const severity = d.severity === 'error' ? '❌ error' : '⚠️ warning';
  return `| ${severity} | ${fileCell(report, d.file, d.line)} | ${markdownText(d.rule)} | ${markdownText(d.message)}${related} |`;
}

/** The job summary: counts, a table of every finding, and the model diff. */
export function summaryMarkdown(report: RunReport): string {
  const { result } = report;
  const lines = ['## opmodel lint', '', `${countsLine(result)} ${scopeLine(report)}`, ''];
  if (result.diagnostics.length > 0) {
    lines.push('GitHub shows at most 10 error and 10 warning annotations per step; every finding is listed here.', '');
    lines.push('| | Where | Rule | Finding |', '|---|---|---|---|');
    for (const d of result.diagnostics.slice(0, TABLE_ROWS)) lines.push(findingRow(report, d));
    if (result.diagnostics.length > TABLE_ROWS) lines.push('', `…and ${plural(result.diagnostics.length - TABLE_ROWS, 'more finding')}: run \`npx opmodel lint\` to see them all.`);
    lines.push('');
  }
  if (report.diff) lines.push(report.diff.trimEnd(), '');
  return `${lines.join('\n')}\n`;
}

/** The pull-request comment: the marker, the model diff, and one line on the lint result. */
export function commentMarkdown(report: RunReport): string {
  let diff = (report.diff ?? '').trimEnd();
  if (diff.length > COMMENT_LIMIT) diff = `${diff.slice(0, diff.lastIndexOf('\n', COMMENT_LIMIT))}\n\n…the rest is in the job summary.`;
  const details = report.runUrl ? ` — [details in the job summary](${report.runUrl})` : '';
  return `${commentMarker}\n${diff}\n\n**opmodel lint:** ${countsLine(report.result)} ${scopeLine(report)}${details}\n`;
}
