// Rule `stale`: a `review_by` date that has passed.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';

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
      const date = entity.data.review_by;
      if (typeof date !== 'string' || !isCalendarDate(date)) continue; // the schema rule reports bad dates
      if (date < today) report({ file: entity.file, position: positionOf(entity, '/review_by'), messageId: 'stale', data: { date, kind: entity.kind } });
    }
  },
});

/** True for a YYYY-MM-DD string that names a real day (not 2024-02-30). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
