// Text from model files made safe for GitHub: workflow commands (annotations), and the Markdown
// of the job summary and the pull-request comment. `--format github` and the Action both use it.
import { escapeControl } from './escape.js';

/** Encodes a workflow command's message exactly as @actions/core does (`escapeData`). */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Encodes a workflow command's property exactly as @actions/core does (`escapeProperty`): the
 * runner decodes it back to the same string, so a file name with a tab still names its file.
 */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A zero-width joiner after `@` keeps the text readable but stops GitHub from notifying anyone. */
const MENTION = /@(?=[A-Za-z0-9_-])/g;

/** Breaks every `@name` and `@org/team` so that no text we post can notify or ping a team. */
export function breakMentions(text: string): string {
  return text.replace(MENTION, '@\u200d');
}

/**
 * The text of an annotation before it is encoded: controls other than line breaks made visible
 * (no terminal escapes in the log), mentions broken. Line breaks stay; the encoding carries them.
 */
export function annotationText(text: string): string {
  return breakMentions(text.split(/(\r\n|\r|\n)/).map((part, index) => (index % 2 === 1 ? part : escapeControl(part))).join(''));
}

/**
 * Inline Markdown text (never at the start of a line) that renders as exactly the characters
 * given: what could open HTML, a link, emphasis, code, math, an entity or a new table cell is
 * backslash-escaped, line breaks become spaces, mentions are broken.
 */
export function markdownText(text: string): string {
  const flat = escapeControl(text.replace(/\r\n|\r|\n/g, ' '));
  // A bare URL may still become a link (GFM autolinks it), but only to where its visible text says.
  return breakMentions(flat.replace(/[\\`*_[\]<>|~$&]/g, (ch) => (ch === '&' ? '&amp;' : `\\${ch}`)));
}

/**
 * An inline code span holding the text literally: one line, fenced by more backticks than the
 * text has in a row, mentions broken. Not for table cells, where a `|` would end the cell: use
 * markdownText there.
 */
export function markdownCode(text: string): string {
  const flat = breakMentions(escapeControl(text.replace(/\r\n|\r|\n/g, ' ')));
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
