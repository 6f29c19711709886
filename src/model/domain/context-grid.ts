// The 3×3 context grid read from a context-table entity: strengths across, questions down.
import type { Entity, TableCell } from './entity.js';

export const strengths = ['guardrails', 'principles', 'guidance'] as const;
export const questions = ['which problems to tackle', 'how to solve the problem', 'how to build the solution'] as const;

/** The table's cells by row question and column strength, or the first problem found. */
export interface ContextGrid {
  cells: { question: string; strength: string; cell: TableCell }[];
  problems: { at: { line: number; column: number }; message: string }[];
}

/** Reads an entity's first table as the context grid. */
export function contextGrid(entity: Entity): ContextGrid {
  const grid: ContextGrid = { cells: [], problems: [] };
  const table = entity.tables[0];
  if (!table) {
    grid.problems.push({ at: { line: entity.bodyLine, column: 1 }, message: 'No context table was found: add the 3×3 table with columns Guardrails, Principles, Guidance.' });
    return grid;
  }
  const header = table.header.slice(1).map((c) => c.text.trim().toLowerCase());
  const columnOrder: string[] = [];
  table.header.slice(1).forEach((cell, i) => {
    const label = header[i]!;
    if (!(strengths as readonly string[]).includes(label) || columnOrder.includes(label)) {
      grid.problems.push({ at: cell, message: `Column '${cell.text}' is not one of Guardrails, Principles, Guidance (each once).` });
    }
    columnOrder.push(label);
  });
  // A missing column is reported only when there are fewer than three: a misspelt one says enough.
  for (const s of strengths) {
    if (header.length < strengths.length && !header.includes(s)) grid.problems.push({ at: table, message: `The table has no '${s[0]!.toUpperCase()}${s.slice(1)}' column: the grid needs Guardrails, Principles and Guidance.` });
  }
  const seenRows: string[] = [];
  for (const row of table.rows) {
    const label = (row[0]?.text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const at = row[0] ?? table;
    if (!(questions as readonly string[]).includes(label) || seenRows.includes(label)) {
      grid.problems.push({ at, message: `Row '${row[0]?.text ?? ''}' is not one of: Which problems to tackle, How to solve the problem, How to build the solution (each once).` });
      continue;
    }
    seenRows.push(label);
    row.slice(1).forEach((cell, i) => {
      const strength = columnOrder[i];
      if (strength) grid.cells.push({ question: label, strength, cell });
    });
  }
  for (const q of questions) {
    if (table.rows.length < questions.length && !seenRows.includes(q)) grid.problems.push({ at: table, message: `The table has no row '${q[0]!.toUpperCase()}${q.slice(1)}': the grid needs all three questions.` });
  }
  return grid;
}
