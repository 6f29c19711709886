// Rule `stale`: a `review_by` date that has passed.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { isPastReview } from '../model/domain/review.js';

export const rule = defineRule({
  id: 'stale',
  description: '`review_by` in the past.',
  defaultSeverity: 'warning',
  scope: 'file',
  messages: {
    stale: 'review_by {{date}} has passed: re-read this {{kind}} with its owner, then set a new review_by date.',
  },
  check({ entities, today, report }) {
    for (const entity of entities) {
      if (isPastReview(entity, today)) report({ file: entity.file, position: positionOf(entity, '/review_by'), messageId: 'stale', data: { date: String(entity.data.review_by), kind: entity.kind } });
    }
  },
});
