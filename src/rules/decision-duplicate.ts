// Rule `decision-duplicate`: the same decision written in two places (one source of truth per question).
import { defineRule } from './rule.js';
import { decisionMatrices, normaliseDecision } from '../model/domain/decision-rights.js';

export const rule = defineRule({
  id: 'decision-duplicate',
  description: 'The same decision text in two places.',
  defaultSeverity: 'error',
  messages: {
    duplicate: "'{{decision}}' is already decided in {{first}} line {{line}}: keep one row, so there is one answer to who decides.",
  },
  check({ report, ofKind }) {
    const seen = new Map<string, { file: string; line: number; column: number }>();
    for (const entity of ofKind('decision-rights')) {
      for (const matrix of decisionMatrices(entity)) {
        for (const row of matrix.rows) {
          const key = normaliseDecision(row.decision);
          if (key === '') continue;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, { file: entity.file, line: row.line, column: row.column });
            continue;
          }
          report({
            file: entity.file,
            position: row,
            messageId: 'duplicate',
            data: { decision: row.decision, first: first.file, line: first.line },
            related: [{ file: first.file, position: first, message: 'first decided here' }],
          });
        }
      }
    }
  },
});
