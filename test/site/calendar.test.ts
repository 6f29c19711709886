// The cadence page's quarter calendar (site/src/lib/calendar.ts): which weeks a quarter has and in
// which of them monthly and quarterly cadences are shown.
import { describe, expect, test } from 'vitest';
import { meetsInWeek, quarterWeeks, shortDate } from '../../site/src/lib/calendar.js';

const weeksOf = (quarter: string, frequency: string) => {
  const { weeks, start } = quarterWeeks(quarter, '2026-01-01');
  return weeks.flatMap((week, i) => (meetsInWeek(frequency, i, week, start) ? [`W${i + 1} ${shortDate(week)}`] : []));
};

describe('the quarter calendar', () => {
  test('a monthly cadence meets in the week of the month’s first working day', () => {
    // 1 Oct 2026 is a Thursday, 1 Nov a Sunday (so Monday 2 Nov), 1 Dec a Tuesday.
    expect(weeksOf('2026-Q4', 'monthly')).toEqual(['W1 28 Sept', 'W6 2 Nov', 'W10 30 Nov']);
  });

  test('a quarter starting on a weekend starts with the week of its first working day', () => {
    // Q1 2022 started on Saturday 1 Jan.
    const { weeks } = quarterWeeks('2022-Q1', '2026-01-01');
    expect(shortDate(weeks[0]!)).toBe('3 Jan');
    expect(weeksOf('2022-Q1', 'quarterly')).toEqual(['W1 3 Jan']);
    expect(weeksOf('2022-Q1', 'monthly')).toEqual(['W1 3 Jan', 'W5 31 Jan', 'W9 28 Feb']);
  });

  test('weekly and biweekly cadences', () => {
    expect(weeksOf('2026-Q4', 'weekly')).toHaveLength(14);
    expect(weeksOf('2026-Q4', 'biweekly')).toHaveLength(7);
  });
});
