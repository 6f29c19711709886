// Calendar arithmetic for the cadence page: the weeks of a quarter and when each frequency meets.

/** The weeks (Monday starts) covering a `YYYY-Qn` quarter; falls back to the quarter containing `today`. */
export function quarterWeeks(quarter: string | null, today: string): { quarter: string; weeks: Date[]; start: Date; end: Date } {
  let match = quarter?.match(/^(\d{4})-Q([1-4])$/);
  if (!match) {
    const [year, month] = today.split('-').map(Number);
    match = `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`.match(/^(\d{4})-Q([1-4])$/)!;
  }
  const year = Number(match[1]);
  const q = Number(match[2]);
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 0));
  const monday = new Date(start);
  monday.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const weeks: Date[] = [];
  for (let week = new Date(monday); week <= end; week = new Date(week.getTime() + 7 * 86400000)) weeks.push(week);
  return { quarter: `${year}-Q${q}`, weeks, start, end };
}

/** Whether a cadence of this frequency meets in week `index` (starting `week`) of the quarter starting `start`. */
export function meetsInWeek(frequency: string | null, index: number, week: Date, start: Date): boolean {
  const holds = (date: Date) => date.getTime() >= week.getTime() && date.getTime() < week.getTime() + 7 * 86400000;
  switch (frequency) {
    case 'daily':
    case 'weekly':
      return true;
    case 'biweekly':
      return index % 2 === 0;
    case 'monthly':
      // The week holding the first day of each month of the quarter.
      return [0, 1, 2].some((k) => holds(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1))));
    case 'quarterly':
      return index === 0;
    default:
      return false;
  }
}

/** Meetings per week, on average, for a frequency. */
export const perWeek: Record<string, number> = { daily: 5, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52 };

/** Whether an ISO date falls in the week starting on `week`. */
export function inWeek(date: string, week: Date): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(time) && time >= week.getTime() && time < week.getTime() + 7 * 86400000;
}

/** `Jul 6` for a week start. */
export function shortDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
