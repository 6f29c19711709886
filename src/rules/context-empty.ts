// Rule `context-empty`: an empty cell of the context grid.
import { defineRule } from './rule.js';
import { contextGrid } from '../model/domain/context-grid.js';

export const rule = defineRule({
  id: 'context-empty',
  description: 'An empty cell in the context table.',
  defaultSeverity: 'warning',
  scope: 'file',
  messages: {
    empty: "The cell '{{question}}' × '{{strength}}' is empty: link the guardrail, principle or guidance that answers it, or write 'none yet'.",
  },
  check({ report, ofKind }) {
    for (const entity of ofKind('context-table')) {
      if (entity.bodyUnparsed) continue;
      for (const { question, strength, cell } of contextGrid(entity).cells) {
        if (cell.text.trim() === '' && cell.links.length === 0) {
          report({ file: entity.file, position: cell, end: cell.end, messageId: 'empty', data: { question, strength } });
        }
      }
    }
  },
});
