// The cadence page's quarter calendar (site/src/lib/calendar.ts): which weeks a quarter has and in
// which of them monthly and quarterly cadences are shown.
import { describe, expect, test } from 'vitest';
import { dayAndTime, meetingInWeek, meetsInWeek, quarterWeeks, shortDate } from '../../site/src/lib/calendar.js';

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

describe('cadences placed on their day, time and week', () => {
  const placed = (cadence: { frequency: string; day: string | null; week: string | null }, quarter = '2026-Q4') => {
    const { weeks, start, end } = quarterWeeks(quarter, '2026-01-01');
    return weeks.flatMap((week, i) => {
      const meets = meetingInWeek(cadence, i, week, start, end);
      return meets === false ? [] : [typeof meets === 'string' ? meets : `W${i + 1}`];
    });
  };

  test('a weekly cadence meets on its day every week of the quarter', () => {
    const dates = placed({ frequency: 'weekly', day: 'tuesday', week: null });
    // The first week starts Monday 28 September: its Tuesday is still in Q3.
    expect(dates).toHaveLength(13);
    expect(dates.slice(0, 3)).toEqual(['2026-10-06', '2026-10-13', '2026-10-20']);
    for (const date of dates) expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(2);
  });

  test('a monthly cadence meets on the first Wednesday of each month, as `opmodel review` places it', () => {
    expect(placed({ frequency: 'monthly', day: 'wednesday', week: 'first' })).toEqual(['2026-10-07', '2026-11-04', '2026-12-02']);
  });

  test('a quarterly cadence in the last week meets once, inside the quarter (not the last Wednesday of the one before)', () => {
    expect(placed({ frequency: 'quarterly', day: 'wednesday', week: 'last' })).toEqual(['2026-12-30']);
  });

  test('a biweekly cadence meets every other week on its day; one without a day falls back to the week marks', () => {
    expect(placed({ frequency: 'biweekly', day: 'friday', week: null }).slice(0, 3)).toEqual(['2026-10-02', '2026-10-16', '2026-10-30']);
    expect(placed({ frequency: 'monthly', day: null, week: null })).toEqual(['W1', 'W6', 'W10']);
  });

  test('the label says the weekday and the time', () => {
    expect(dayAndTime('2026-11-17', '09:30')).toBe('Tue 09:30');
    expect(dayAndTime('2026-11-17', null)).toBe('Tue');
  });
});
