// The default, human-readable report: findings grouped by file in aligned columns,
// after ESLint's "stylish" formatter, with every user-controlled string made inert.

import type { Finding, LintResult, Reporter, ReporterOptions, Severity } from '../types.js';
import { escapeControl, textWidth } from './escape.js';

type Paint = (text: string) => string;

interface Palette {
  file: Paint;
  position: Paint;
  severity: Record<Severity, Paint>;
  rule: Paint;
  related: Paint;
  summary: Record<Severity, Paint>;
}

const sgr =
  (open: string, close: string): Paint =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;
const plain: Paint = (text) => text;

const COLOUR: Palette = {
  file: sgr('4', '24'),
  position: sgr('2', '22'),
  severity: { error: sgr('31', '39'), warning: sgr('33', '39') },
  rule: sgr('2', '22'),
  related: sgr('2', '22'),
  summary: { error: sgr('1;31', '39;22'), warning: sgr('1;33', '39;22') },
};

const MONOCHROME: Palette = {
  file: plain,
  position: plain,
  severity: { error: plain, warning: plain },
  rule: plain,
  related: plain,
  summary: { error: plain, warning: plain },
};

/** Pads after the text, counting code points, so colour codes never skew alignment. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Groups diagnostics by file, keeping the order in which files first appear (already sorted). */
function groupByFile(diagnostics: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.file);
    if (group) group.push(diagnostic);
    else groups.set(diagnostic.file, [diagnostic]);
  }
  return groups;
}

function formatFile(file: string, diagnostics: Finding[], palette: Palette): string {
  const rows = diagnostics.map((d) => ({
    line: String(d.line),
    column: String(d.column),
    severity: d.severity,
    message: escapeControl(d.message),
    rule: escapeControl(d.rule),
    related: (d.related ?? []).map(
      (r) => `${escapeControl(r.file)}:${r.line}:${r.column} ${escapeControl(r.message)}`,
    ),
  }));
  const widest = (pick: (row: (typeof rows)[number]) => string): number =>
    Math.max(...rows.map((row) => textWidth(pick(row))));
  const lineWidth = widest((row) => row.line);
  const columnWidth = widest((row) => row.column);
  const severityWidth = widest((row) => row.severity);
  const messageWidth = widest((row) => row.message);
  const relatedIndent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2);

  const lines = [palette.file(escapeControl(file))];
  for (const row of rows) {
    // Padding sits outside the paint so that alignment is measured on visible text.
    const position = `${padStart(row.line, lineWidth)}:${row.column}`;
    lines.push(
      `  ${palette.position(position)}${' '.repeat(columnWidth - textWidth(row.column))}` +
        `  ${palette.severity[row.severity](row.severity)}${' '.repeat(severityWidth - row.severity.length)}` +
        `  ${padEnd(row.message, messageWidth)}  ${palette.rule(row.rule)}`,
    );
    for (const related of row.related) lines.push(`${relatedIndent}${palette.related(`↳ ${related}`)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Formats findings for a person at a terminal; returns '' when there are none. */
export const stylish: Reporter = (result: LintResult, options: ReporterOptions): string => {
  if (result.diagnostics.length === 0) return '';
  const palette = options.color ? COLOUR : MONOCHROME;
  const blocks = [...groupByFile(result.diagnostics)].map(([file, diagnostics]) =>
    formatFile(file, diagnostics, palette),
  );
  // Counted from what is printed, so the summary always agrees with the lines above it.
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return `${blocks.join('\n')}\n${palette.summary[errors > 0 ? 'error' : 'warning'](summary)}\n`;
};
