// Decision-rights matrices read from a decision-rights entity's GFM tables: who decides,
// who is consulted and informed, per decision, under the DCI, RACI or RAPID scheme.
import type { Entity, TableCell } from './entity.js';

export type Scheme = 'DCI' | 'RACI' | 'RAPID';

/** The letters each scheme allows, and the one that marks the decider. */
export const schemes: Record<Scheme, { letters: readonly string[]; decider: string; words: Record<string, string> }> = {
  DCI: { letters: ['D', 'C', 'I'], decider: 'D', words: { D: 'decides', C: 'consulted', I: 'informed' } },
  RACI: { letters: ['R', 'A', 'C', 'I'], decider: 'A', words: { R: 'responsible', A: 'accountable (decides)', C: 'consulted', I: 'informed' } },
  RAPID: { letters: ['R', 'A', 'P', 'I', 'D'], decider: 'D', words: { R: 'recommends', A: 'agrees', P: 'performs', I: 'input', D: 'decides' } },
};

/** One decision row. */
export interface DecisionRow {
  decision: string;
  line: number;
  column: number;
  sla: string | null;
  escalation: string | null;
  /** Column id (role or team) → letter, for non-empty cells. */
  cells: Record<string, string>;
  /** The decider's id, when the row has exactly one. */
  decides: string | null;
  consulted: string[];
  informed: string[];
  responsible: string[];
  /** How many cells the row's line has, as written (GFM pads a short row and drops extra cells). */
  written: number;
  /** The raw cells, for rules that point at one. */
  source: { decision: TableCell; sla?: TableCell; escalation?: TableCell; people: { column: string; cell: TableCell }[] };
}

/** One matrix (one table). */
export interface DecisionMatrix {
  scheme: Scheme;
  /** Role or team ids heading the letter columns. */
  columns: string[];
  /** Header cells of the letter columns, for positions. */
  columnCells: TableCell[];
  rows: DecisionRow[];
  /** How many cells the header row has. */
  width: number;
  line: number;
  column: number;
}

/** The scheme an entity declares (DCI by default; an unknown value falls back to DCI). */
export function schemeOf(entity: Entity): Scheme {
  const s = entity.data.scheme;
  return s === 'RACI' || s === 'RAPID' ? s : 'DCI';
}

const matricesOf = new WeakMap<Entity, DecisionMatrix[]>();

/** Reads every table of a decision-rights entity as a matrix (once per entity: several rules ask). */
export function decisionMatrices(entity: Entity): DecisionMatrix[] {
  let matrices = matricesOf.get(entity);
  if (!matrices) {
    matrices = readMatrices(entity);
    matricesOf.set(entity, matrices);
  }
  return matrices;
}

function readMatrices(entity: Entity): DecisionMatrix[] {
  const scheme = schemeOf(entity);
  const { decider, letters } = schemes[scheme];
  return entity.tables.map((table) => {
    let slaIndex = -1;
    let escalationIndex = -1;
    const people: { index: number; id: string; cell: TableCell }[] = [];
    table.header.forEach((cell, index) => {
      if (index === 0) return;
      const label = cell.text.trim().toLowerCase();
      if (label === 'sla') slaIndex = index;
      else if (label === 'escalation') escalationIndex = index;
      else people.push({ index, id: cell.text.trim(), cell });
    });
    const rows = table.rows.map((cells): DecisionRow => {
      const cellAt = (i: number) => cells[i];
      const row: DecisionRow = {
        decision: cellAt(0)?.text ?? '',
        line: cellAt(0)?.line ?? table.line,
        column: cellAt(0)?.column ?? 1,
        sla: slaIndex >= 0 ? nonEmpty(cellAt(slaIndex)?.text) : null,
        escalation: escalationIndex >= 0 ? nonEmpty(cellAt(escalationIndex)?.text) : null,
        cells: {},
        decides: null,
        consulted: [],
        informed: [],
        responsible: [],
        written: cells.length,
        source: { decision: cellAt(0) ?? { text: '', line: table.line, column: 1, links: [] }, people: [] },
      };
      if (slaIndex >= 0 && cellAt(slaIndex)) row.source.sla = cellAt(slaIndex)!;
      if (escalationIndex >= 0 && cellAt(escalationIndex)) row.source.escalation = cellAt(escalationIndex)!;
      const deciders: string[] = [];
      for (const person of people) {
        const cell = cellAt(person.index);
        if (!cell) continue;
        row.source.people.push({ column: person.id, cell });
        const letter = cell.text.trim().toUpperCase();
        if (letter === '') continue;
        row.cells[person.id] = letter;
        if (!letters.includes(letter)) continue;
        if (letter === decider) deciders.push(person.id);
        else if (letter === 'C' || (scheme === 'RAPID' && (letter === 'A' || letter === 'I'))) row.consulted.push(person.id);
        else if (letter === 'I') row.informed.push(person.id);
        else if (letter === 'R') row.responsible.push(person.id);
        else if (scheme === 'RAPID' && letter === 'P') row.informed.push(person.id);
      }
      if (deciders.length === 1) row.decides = deciders[0]!;
      return row;
    });
    return { scheme, columns: people.map((p) => p.id), columnCells: people.map((p) => p.cell), rows, width: table.header.length, line: table.line, column: table.column };
  });
}

function nonEmpty(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

/** A decision's text normalised for "the same question asked twice". */
export function normaliseDecision(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.?!:;\s]+$/, '').trim();
}

/** The key a decision record's `decision` is matched to a row by: the row's text, trimmed and lower-cased. */
export function rightKey(text: string): string {
  return text.trim().toLowerCase();
}

/** A decision-rights row with the file it is in and the letter that marks its decider. */
export interface RightRow {
  row: DecisionRow;
  file: string;
  letter: string;
}

/** Every decision-rights row by rightKey (the first row wins): what a decision record is taken under. */
export function rightsByText(decisionRights: readonly Entity[]): Map<string, RightRow> {
  const rows = new Map<string, RightRow>();
  for (const entity of decisionRights) {
    for (const matrix of decisionMatrices(entity)) {
      for (const row of matrix.rows) {
        const key = rightKey(row.decision);
        if (key !== '' && !rows.has(key)) rows.set(key, { row, file: entity.file, letter: schemes[matrix.scheme].decider });
      }
    }
  }
  return rows;
}
