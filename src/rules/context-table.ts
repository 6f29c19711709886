// Rule `context-table`: a context table whose header or row labels are not the 3×3 grid.
import { defineRule } from './rule.js';
import { contextGrid } from '../model/domain/context-grid.js';

export const rule = defineRule({
  id: 'context-table',
  description: 'A context table whose header or row labels are not the 3×3 grid of strengths and questions.',
  defaultSeverity: 'error',
  scope: 'file',
  messages: { problem: '{{message}}' },
  check({ report, ofKind }) {
    for (const entity of ofKind('context-table')) {
      if (entity.bodyUnparsed) continue;
      for (const problem of contextGrid(entity).problems) {
        report({ file: entity.file, position: problem.at, messageId: 'problem', data: { message: problem.message } });
      }
    }
  },
});
