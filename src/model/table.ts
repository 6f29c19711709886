// GFM tables read straight from their lines: rows split on unescaped pipes, cell text as a reader
// sees it, links from the fast scan. test/tables.test.ts checks the result equals remark + GFM's
// on every table of the example model, the fixtures and generated models.
import type { BodyLink, BodyTable, TableCell, UnsafeHtml } from './entity.js';
import { scanBody } from './scan.js';

/** A GFM delimiter row: `| --- | :-: |`. */
export const delimiterRow = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Where a table starts: a line with a pipe, followed by a delimiter row with as many cells. */
export function isTableStart(line: string, next: string | undefined): boolean {
  if (next === undefined || !line.includes('|') || !delimiterRow.test(next)) return false;
  return splitRow(line).length === splitRow(next).length;
}

/** Whether a line ends a table: blank, or the start of another block. */
export function endsTable(line: string): boolean {
  return line.trim() === '' || /^ {0,3}(#{1,6}(\s|$)|>|`{3,}|~{3,})/.test(line);
}

/**
 * Reads one table from its lines (header, delimiter, rows). `firstLine` is the file line of the
 * header. Links and raw HTML in cells are added to `links` and `unsafeHtml`.
 */
export function readTable(lines: string[], firstLine: number, links: BodyLink[], unsafeHtml: UnsafeHtml[]): BodyTable {
  const scanned = scanBody(lines.join('\n'), firstLine);
  links.push(...scanned.links);
  unsafeHtml.push(...scanned.unsafeHtml);
  const rowAt = (index: number): TableCell[] => {
    const line = lines[index]!;
    return splitRow(line).map((cell) => {
      const position = { line: firstLine + index, column: cell.start + 1 };
      const cellLinks = scanned.links.filter((l) => l.line === position.line && l.column > cell.start && l.column <= cell.end);
      return { text: plainText(cell.raw), links: cellLinks, ...position };
    });
  };
  const header = rowAt(0);
  const rows: TableCell[][] = [];
  for (let i = 2; i < lines.length; i++) {
    // Rows are kept as written, shorter or longer than the header (as remark's syntax tree does).
    rows.push(rowAt(i));
  }
  return { line: firstLine, column: header[0]?.column ?? 1, header, rows };
}

interface RawCell {
  raw: string;
  /** 0-based column where the cell starts: its leading pipe, or its first character. */
  start: number;
  /** 0-based column just past the cell. */
  end: number;
}

/** Splits a row on pipes that are not escaped; leading and trailing pipes are optional. */
export function splitRow(line: string): RawCell[] {
  const text = line.replace(/\r$/, '');
  const cells: RawCell[] = [];
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let start = i;
  let contentStart = i;
  if (text[i] === '|') contentStart = ++i;
  for (; i <= text.length; i++) {
    if (i < text.length && text[i] === '\\') {
      i++;
      continue;
    }
    if (i === text.length || text[i] === '|') {
      const raw = text.slice(contentStart, i);
      const last = i === text.length;
      if (!(last && raw.trim() === '' && cells.length > 0)) cells.push({ raw, start, end: i });
      start = i;
      contentStart = i + 1;
    }
  }
  return cells;
}

/** A cell's text as a reader sees it: links become their text, emphasis and code marks go. */
export function plainText(raw: string): string {
  // Most cells (a letter, an id, "5 business days") hold no Markdown at all.
  if (!/[\\[\]<>`*_~&!]/.test(raw)) return raw.trim();
  return raw
    .replace(/\\\|/g, '|')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[A-Za-z/][^>]*>/g, '')
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, __, code: string) => code.trim())
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .trim();
}
