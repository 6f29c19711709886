// Rule `decision-matrix`: a matrix row without exactly one decider, a letter outside the scheme,
// an unknown role or team column, an unknown escalation, or a malformed table.
import { defineRule } from './rule.js';
import { decisionMatrices, schemes } from '../model/domain/decision-rights.js';
import { closest } from '../util/did-you-mean.js';

export const rule = defineRule({
  id: 'decision-matrix',
  description: 'A decision-rights row without exactly one decider, a letter outside the scheme, an unknown role column, or a malformed table.',
  defaultSeverity: 'error',
  messages: {
    noTable: 'No decision table was found: add a Markdown table whose first column is the decision and whose other columns are role or team ids.',
    noColumns: 'The table has no role or team columns: add a column per role or team id, such as `cpo`.',
    unknownColumn: "Column '{{column}}' is not a role or team id{{fix}}",
    emptyDecision: 'This row has no decision text: write the decision in the first column.',
    noDecider: "'{{decision}}' has no decider: mark exactly one role or team with {{letter}}.",
    manyDeciders: "'{{decision}}' has {{count}} deciders ({{who}}): exactly one may hold {{letter}}; make the others C or I.",
    badLetter: "'{{letter}}' is not a {{scheme}} letter: use {{allowed}}, or leave the cell empty.",
    badEscalation: "Escalation '{{target}}' is not a role or team id{{fix}}",
    fewCells: "'{{decision}}' has {{written}} cells where the header has {{width}}: the {{missing}} as empty, so nobody in {{columns}} has a letter on this row. Add the missing cells (an empty one is `| |`).",
    manyCells: "'{{decision}}' has {{written}} cells where the header has {{width}}: the extra {{extra}} {{are}} ignored. Remove {{them}}, or add a column to the header.",
  },
  check({ byId, report, ofKind }) {
    const people = [...byId.values()].filter((e) => e.kind === 'role' || e.kind === 'team').map((e) => e.id);
    // The fix for an unknown id: a close role or team id as data, else a hint in the message.
    const fixFor = (name: string) => {
      const guess = closest(name, people);
      return guess ? { data: '', expected: [guess] } : { data: ': use the id of a role or team file.' };
    };
    const isPerson = (id: string) => {
      const target = byId.get(id);
      return target !== undefined && (target.kind === 'role' || target.kind === 'team');
    };
    for (const entity of ofKind('decision-rights')) {
      if (entity.bodyUnparsed) continue;
      const matrices = decisionMatrices(entity);
      if (matrices.length === 0) {
        report({ file: entity.file, position: { line: entity.bodyLine, column: 1 }, messageId: 'noTable' });
        continue;
      }
      for (const matrix of matrices) {
        const { letters, decider } = schemes[matrix.scheme];
        if (matrix.columns.length === 0) report({ file: entity.file, position: matrix, messageId: 'noColumns' });
        matrix.columns.forEach((column, i) => {
          if (isPerson(column)) return;
          const fix = fixFor(column);
          report({ file: entity.file, position: matrix.columnCells[i]!, end: matrix.columnCells[i]!.end, messageId: 'unknownColumn', data: { column, fix: fix.data }, expected: fix.expected });
        });
        for (const row of matrix.rows) {
          const at = { line: row.line, column: row.column };
          if (row.decision.trim() === '') {
            report({ file: entity.file, position: at, messageId: 'emptyDecision' });
            continue;
          }
          if (row.written < matrix.width) {
            const missing = matrix.width - row.written;
            const columns = matrix.columns.filter((column) => !row.source.people.some((p) => p.column === column)).map((c) => `\`${c}\``).join(', ') || 'the last columns';
            report({ file: entity.file, position: at, messageId: 'fewCells', data: { decision: row.decision, written: row.written, width: matrix.width, missing: missing === 1 ? 'last cell reads' : `last ${missing} cells read`, columns } });
          } else if (row.written > matrix.width) {
            const extra = row.written - matrix.width;
            report({ file: entity.file, position: at, messageId: 'manyCells', data: { decision: row.decision, written: row.written, width: matrix.width, extra: extra === 1 ? 'one' : String(extra), are: extra === 1 ? 'is' : 'are', them: extra === 1 ? 'it' : 'them' } });
          }
          let deciders = 0;
          const who: string[] = [];
          for (const { column, cell } of row.source.people) {
            const letter = cell.text.trim().toUpperCase();
            if (letter === '') continue;
            if (!letters.includes(letter)) {
              report({ file: entity.file, position: cell, end: cell.end, messageId: 'badLetter', data: { letter: cell.text.trim(), scheme: matrix.scheme, allowed: letters.join(', ') } });
            } else if (letter === decider) {
              deciders++;
              who.push(column);
            }
          }
          if (deciders === 0) report({ file: entity.file, position: at, messageId: 'noDecider', data: { decision: row.decision, letter: decider } });
          if (deciders > 1) report({ file: entity.file, position: at, messageId: 'manyDeciders', data: { decision: row.decision, count: deciders, who: who.join(', '), letter: decider } });
          if (row.escalation && !isPerson(row.escalation) && row.source.escalation) {
            const fix = fixFor(row.escalation);
            report({ file: entity.file, position: row.source.escalation, end: row.source.escalation.end, messageId: 'badEscalation', data: { target: row.escalation, fix: fix.data }, expected: fix.expected });
          }
        }
      }
    }
  },
});
