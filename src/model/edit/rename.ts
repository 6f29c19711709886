// The plan of `opmodel rename`: every place in the model's files that holds an id as a reference —
// frontmatter reference fields, body links, decision-rights column headers and escalation cells —
// as small text edits at their source positions, so nothing else in a file changes.
import { posix } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { BodyLink, BodyTable, Entity, TableCell } from '../domain/entity.js';
import { decisionMatrices } from '../domain/decision-rights.js';
import { readFrontmatter } from '../read/frontmatter.js';
import { linkTarget, resolveLinkTarget } from '../domain/link-target.js';
import { referencesOf, type RelationField } from '../domain/relations.js';

/** One replacement in a file's text. */
interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** What the edit rewrites, for the summary; undefined for padding that keeps a table aligned. */
  what?: string;
}

/** One changed line, for the printed plan. */
export interface LineChange {
  line: number;
  before: string;
  after: string;
}

/** A file the rename writes: its text before and after, and what changed. */
export interface FileRewrite {
  /** Repository-relative path the new text is written to. */
  file: string;
  /** Where the text was read from: differs from `file` only for the moved file. */
  from: string;
  before: string;
  after: string;
  /** How many references (fields, links, matrix cells) in it now name the new id. */
  references: number;
  lines: LineChange[];
}

/** A place that holds the id but cannot be rewritten without changing more than the id. */
export interface RenameProblem {
  file: string;
  line: number;
  message: string;
}

/** The full plan of a rename. */
export interface RenamePlan {
  kind: string;
  oldId: string;
  newId: string;
  /** The moved file's old and new paths. */
  from: string;
  to: string;
  /** Every file written, the moved one included (even when its text stays the same). */
  files: FileRewrite[];
  /** The number of references rewritten, across all files. */
  references: number;
  /** Mentions of the id in text that are not references (prose, free fields): left as they are. */
  leftAlone: { file: string; line: number }[];
  problems: RenameProblem[];
}

/** What the plan needs: the loaded entities, every reference field, and each file's text. */
export interface RenameInput {
  entities: readonly Entity[];
  relations: readonly RelationField[];
  /** The current text of a repository-relative file. */
  textOf(file: string): string;
}

/** Plans renaming the entity `entity` to `newId`: the edits in every file, and what cannot be done. */
export function planRename(input: RenameInput, entity: Entity, newId: string): RenamePlan {
  const oldId = entity.id;
  const to = posix.join(posix.dirname(entity.file), `${newId}.md`);
  const problems: RenameProblem[] = [];
  const files: FileRewrite[] = [];
  const leftAlone: { file: string; line: number }[] = [];
  let references = 0;
  for (const holder of input.entities) {
    const text = input.textOf(holder.file);
    const moved = holder === entity;
    const problem = (offset: number, message: string) => problems.push({ file: holder.file, line: lineAt(text, offset), message });
    let edits: TextEdit[] = [];
    if (holder.broken) {
      // Its references cannot be found: the user must fix it first if it names the id at all.
      const mention = mentionsOf(text, oldId)[0];
      if (mention !== undefined) problem(mention, `this file could not be read, so its references to '${oldId}' cannot be updated: fix the problems \`opmodel lint\` reports in it first.`);
      continue;
    }
    const pointers = referencesOf(holder, input.relations)
      .filter((r) => r.target === oldId)
      .map((r) => ({ pointer: r.pointer, what: r.field.path.filter((p) => p !== '*').join('.') }));
    if (moved && holder.data.id === oldId) pointers.push({ pointer: '/id', what: 'id' });
    const frame = pointers.length > 0 || holder.bodyUnparsed ? frontmatterFrame(text) : undefined;
    if (frame) edits.push(...frontmatterEdits(text, frame, pointers, oldId, newId, problem));
    if (holder.bodyUnparsed) {
      const mention = mentionsOf(text, oldId).find((offset) => offset >= (frame?.bodyOffset ?? 0));
      if (mention !== undefined) problem(mention, `the body of this file was too large or complex to read, so its links to '${oldId}' cannot be found: simplify it first.`);
    }
    edits.push(...linkEdits(text, holder, entity.file, oldId, newId, problem));
    if (holder.kind === 'decision-rights') edits.push(...matrixEdits(text, holder, oldId, newId, problem));
    edits = edits.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) {
      if (edits[i]!.start < edits[i - 1]!.end) problem(edits[i]!.start, `two references to '${oldId}' overlap here: rename this one by hand.`);
    }
    const covered = (offset: number) => edits.some((e) => offset >= e.start && offset < Math.max(e.end, e.start + 1));
    for (const offset of mentionsOf(text, oldId)) if (!covered(offset)) leftAlone.push({ file: moved ? to : holder.file, line: lineAt(text, offset) });
    if (edits.length === 0 && !moved) continue;
    let after = text;
    for (const edit of [...edits].reverse()) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    const count = edits.filter((e) => e.what !== undefined).length;
    references += count;
    files.push({ file: moved ? to : holder.file, from: holder.file, before: text, after, references: count, lines: changedLines(text, after) });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { kind: entity.kind, oldId, newId, from: entity.file, to, files, references, leftAlone, problems };
}

/** Where a file's YAML block sits in its text (after any BOM and the opening `---` line). */
interface Frame {
  start: number;
  end: number;
  bodyOffset: number;
}

function frontmatterFrame(text: string): Frame | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const read = readFrontmatter(text.slice(bom));
  if (read.problems.length > 0 || !read.data) return undefined;
  const head = text.slice(0, bom + read.bodyOffset);
  const closing = head.endsWith('\r\n') ? 5 : head.endsWith('\n') ? 4 : 3;
  return { start: text.indexOf('\n') + 1, end: head.length - closing, bodyOffset: head.length };
}

/** Edits that rewrite the id at each JSON Pointer, keeping quotes, comments and layout. */
function frontmatterEdits(
  text: string,
  frame: Frame,
  pointers: { pointer: string; what: string }[],
  oldId: string,
  newId: string,
  problem: (offset: number, message: string) => void,
): TextEdit[] {
  if (pointers.length === 0) return [];
  const block = text.slice(frame.start, frame.end);
  const doc = parseDocument(block, { version: '1.2', schema: 'core', uniqueKeys: false, merge: false });
  const edits: TextEdit[] = [];
  for (const { pointer, what } of pointers) {
    const node = nodeAt(doc.contents as YamlNode | null, pointer);
    const start = frame.start + (node?.range?.[0] ?? 0);
    if (!isScalar(node) || !node.range) {
      problem(start, `${what} names '${oldId}' through a YAML alias (\`*name\`): write the id out, then rename again.`);
      continue;
    }
    const source = block.slice(node.range[0], node.range[1]);
    const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
    if ((node.type === Scalar.PLAIN || quote) && source === `${quote}${oldId}${quote}`) {
      edits.push({ start: start + quote.length, end: start + quote.length + oldId.length, text: newId, what });
    } else {
      problem(start, `${what} writes '${oldId}' in a way rename cannot change alone (escapes or a block scalar): write it as \`${oldId}\`, then rename again.`);
    }
  }
  return edits;
}

/** The YAML node a JSON Pointer names; an alias on the way is returned as is. */
function nodeAt(root: YamlNode | null, pointer: string): YamlNode | null | undefined {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isAlias(node)) return node;
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === step)?.value;
    else if (isSeq(node)) node = node.items[Number(step)];
    else return undefined;
  }
  return node as YamlNode | null | undefined;
}

/** Edits that point every relative or root-absolute body link to the moved file at its new name. */
function linkEdits(text: string, holder: Entity, oldFile: string, oldId: string, newId: string, problem: (offset: number, message: string) => void): TextEdit[] {
  const edits: TextEdit[] = [];
  const used = new Set<number>();
  for (const link of holder.links) {
    if (targetOf(holder.file, link) !== oldFile) continue;
    const lineStart = offsetOfLine(text, link.line);
    const at = findDestination(text, link, lineStart + Math.max(0, link.column - 1), used) ?? findDestination(text, link, lineStart, used);
    const path = link.url.replace(/[?#][\s\S]*$/, '');
    const segment = `${oldId}.md`;
    if (at === undefined || !(path === segment || path.endsWith(`/${segment}`))) {
      problem(lineStart, `the link to '${link.url}' cannot be rewritten as written: change it to the new file name by hand.`);
      continue;
    }
    used.add(at);
    const start = at + path.length - segment.length;
    edits.push({ start, end: start + oldId.length, text: newId, what: 'link' });
  }
  return edits;
}

/** The file a body link points at: relative links from the file, root-absolute ones from the repository root. */
function targetOf(file: string, link: BodyLink): string | undefined {
  const target = linkTarget(file, link);
  if (target !== undefined || !/^\/(?!\/)/.test(link.url)) return target;
  // A root-absolute link (`/model/roles/x.md`), for readers that leave it unresolved.
  return resolveLinkTarget('', `.${link.url}`);
}

/** The offset of a link's destination as written (`](url`, `]: url`), searching from `from`. */
function findDestination(text: string, link: BodyLink, from: number, used: Set<number>): number | undefined {
  const url = link.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\](?:\\(|:)[ \\t]*(?:\\r?\\n[ \\t]*)?<?(${url})(?=[\\s)>]|$)`, 'g');
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index + match[0].length - match[1]!.length;
    if (!used.has(at)) return at;
  }
  return undefined;
}

/** Edits of decision-rights column headers and escalation cells that hold the id. */
function matrixEdits(text: string, holder: Entity, oldId: string, newId: string, problem: (offset: number, message: string) => void): TextEdit[] {
  const edits: TextEdit[] = [];
  decisionMatrices(holder).forEach((matrix, index) => {
    const table = holder.tables[index];
    if (!table) return;
    const cells: { row: number; column: number; what: string }[] = [];
    matrix.columnCells.forEach((cell) => {
      if (cell.text.trim() === oldId) cells.push({ row: -1, column: table.header.indexOf(cell), what: 'matrix column' });
    });
    for (const row of matrix.rows) {
      const cell = row.source.escalation;
      if (cell && cell.text.trim() === oldId) {
        const rowIndex = table.rows.findIndex((r) => r.includes(cell));
        cells.push({ row: rowIndex, column: table.rows[rowIndex]!.indexOf(cell), what: 'escalation' });
      }
    }
    if (cells.length > 0) edits.push(...tableCellEdits(text, table, cells, oldId, newId, problem));
  });
  return edits;
}

interface SourceCell {
  /** Offsets in the file text of the cell's content between its pipes. */
  start: number;
  end: number;
}

/**
 * Rewrites cells of one table. An aligned table (every row's pipes in the same places) stays
 * aligned: the new id takes the cell's padding, and when it needs more room the column grows by
 * padding each of its cells. Any other table keeps its spacing around the new id.
 */
function tableCellEdits(
  text: string,
  table: BodyTable,
  targets: { row: number; column: number; what: string }[],
  oldId: string,
  newId: string,
  problem: (offset: number, message: string) => void,
): TextEdit[] {
  const rowLines = [table.header, ...table.rows].map((row) => rowCells(text, row));
  const lines = [rowLines[0] ?? [], delimiterCells(text, rowLines[0] ?? []), ...rowLines.slice(1)];
  const lineOfRow = (row: number) => lines[row === -1 ? 0 : row + 2];
  const widths = (line: SourceCell[]) => line.map((c) => c.end - c.start).join(',');
  const prefix = (line: SourceCell[]) => (line[0] ? line[0].start - text.lastIndexOf('\n', line[0].start - 1) : 0);
  const aligned = lines.every((l) => l !== undefined && l.length === lines[0]!.length && widths(l) === widths(lines[0]!) && prefix(l) === prefix(lines[0]!));
  const edits: TextEdit[] = [];
  const grow = new Map<number, number>();
  const planned: { cell: SourceCell; lead: string; core: string; column: number; what: string }[] = [];
  for (const target of targets) {
    const cell = lineOfRow(target.row)?.[target.column];
    const raw = cell ? text.slice(cell.start, cell.end) : '';
    const found = cell ? mentionsOf(raw, oldId) : [];
    if (!cell || found.length !== 1) {
      problem(cell?.start ?? offsetOfLine(text, table.line), `this matrix cell names '${oldId}' in a way rename cannot change alone: rename it by hand.`);
      continue;
    }
    const lead = /^[ \t]*/.exec(raw)![0];
    const core = raw.trim().replace(new RegExp(`(?<![a-z0-9-])${oldId}(?![a-z0-9-])`), newId);
    const needed = lead.length + core.length + (raw.length > raw.trimEnd().length ? 1 : 0);
    if (aligned && needed > raw.length) grow.set(target.column, Math.max(grow.get(target.column) ?? 0, needed - raw.length));
    planned.push({ cell, lead, core, column: target.column, what: target.what });
  }
  for (const { cell, lead, core, column, what } of planned) {
    const raw = text.slice(cell.start, cell.end);
    const trail = aligned ? ' '.repeat(Math.max(0, raw.length + (grow.get(column) ?? 0) - lead.length - core.length)) : raw.slice(raw.trimEnd().length);
    edits.push({ start: cell.start, end: cell.end, text: `${lead}${core}${trail}`, what });
  }
  // Every other cell of a grown column gets the same extra width (dashes in the delimiter row).
  for (const [column, extra] of grow) {
    lines.forEach((line, index) => {
      const cell = line?.[column];
      if (!cell || planned.some((p) => p.cell.start === cell.start)) return;
      if (index === 1) {
        const at = text.lastIndexOf('-', cell.end - 1) + 1;
        edits.push({ start: at, end: at, text: '-'.repeat(extra) });
      } else {
        edits.push({ start: cell.end, end: cell.end, text: ' '.repeat(extra) });
      }
    });
  }
  return edits;
}

/**
 * A table row's cells as file offsets of their content between pipes, from the body reader's
 * cell positions (a cell runs from its leading pipe, if any, to the next pipe; the row's last
 * cell also takes the closing pipe). Undefined when a cell has no end position.
 */
function rowCells(text: string, row: TableCell[]): SourceCell[] | undefined {
  const first = row[0];
  if (!first) return [];
  const lineStart = offsetOfLine(text, first.line);
  const cells: SourceCell[] = [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    if (cell.end === undefined || cell.line !== first.line || cell.end.line !== first.line) return undefined;
    let start = lineStart + cell.column - 1;
    let end = lineStart + cell.end.column - 1;
    if (text[start] === '|') start++;
    // The closing pipe, unless it is the cell's own escaped `\|`.
    if (i === row.length - 1 && end > start && text[end - 1] === '|' && /(?:^|[^\\])(?:\\\\)*$/.test(text.slice(start, end - 1))) end--;
    cells.push({ start, end });
  }
  return cells;
}

/**
 * The delimiter row's cells (`|---|---|`, the line after the header) where its pipes stand where
 * the header's do, so the spans of the header's cells one line down; else undefined.
 */
function delimiterCells(text: string, header: SourceCell[]): SourceCell[] | undefined {
  const first = header[0];
  if (!first) return undefined;
  const headerStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const next = text.indexOf('\n', first.start);
  if (next === -1) return undefined;
  const shift = next + 1 - headerStart;
  const pipeBelow = (at: number) => text[at] !== '|' || text[at + shift] === '|';
  const cells = header.map((cell) => ({ start: cell.start + shift, end: cell.end + shift }));
  return header.every((cell) => pipeBelow(cell.start - 1) && pipeBelow(cell.end)) && !cells.some((cell) => text.slice(cell.start, cell.end).includes('\n')) ? cells : undefined;
}

/** Offsets where `id` appears as a whole word (not part of a longer id). */
export function mentionsOf(text: string, id: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
    const before = text[at - 1];
    const after = text[at + id.length];
    if (!/[A-Za-z0-9_-]/.test(before ?? ' ') && !/[A-Za-z0-9_-]/.test(after ?? ' ')) found.push(at);
  }
  return found;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The lines that differ between two texts with the same line breaks. */
function changedLines(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changes: LineChange[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) changes.push({ line: i + 1, before: (a[i] ?? '').replace(/\r$/, ''), after: (b[i] ?? '').replace(/\r$/, '') });
  }
  return changes;
}
