// When a file is due for review: its `review_by` date has passed. One judgement for the `stale` rule
// and the handbook's "needs review" flag.
import { isCalendarDate } from '../util/today.js';

/**
 * Whether an entity's `review_by` (a real YYYY-MM-DD date) is before `today`; a date that is today is
 * not past yet, and a retired guardrail is never due (SPEC: the `stale` rule).
 */
export function isPastReview(entity: { kind: string; data: Readonly<Record<string, unknown>> }, today: string): boolean {
  const date = entity.data.review_by;
  if (typeof date !== 'string' || !isCalendarDate(date)) return false; // the schema rule reports bad dates
  if (entity.kind === 'guardrail' && entity.data.status === 'retired') return false;
  return date < today;
}
