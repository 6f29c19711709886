// Rule `stale`: a `review_by` date that has passed.
import type { Rule } from './rule.js';
import { positionOf } from './rule.js';

export const rule: Rule = {
  id: 'stale',
  description: '`review_by` in the past.',
  defaultSeverity: 'warning',
  messages: {
    stale: 'review_by {{date}} has passed: re-read this {{kind}} with its owner, then set a new review_by date.',
  },
  check({ entities, today, report }) {
    for (const entity of entities) {
      const date = entity.data.review_by;
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      if (date < today) report({ file: entity.file, position: positionOf(entity, '/review_by'), messageId: 'stale', data: { date, kind: entity.kind } });
    }
  },
};
