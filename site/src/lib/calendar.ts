// Calendar arithmetic for the cadence page: the weeks of a quarter and when each frequency meets.
import { meetingIn } from '@opmodel/model/domain/review.js';

const day = 86400000;

/** The first Monday-to-Friday day on or after `date`. */
export function firstWorkingDay(date: Date): Date {
  const result = new Date(date);
  while (result.getUTCDay() === 0 || result.getUTCDay() === 6) result.setUTCDate(result.getUTCDate() + 1);
  return result;
}

/** The last Monday-to-Friday day on or before `date`. */
function lastWorkingDay(date: Date): Date {
  const result = new Date(date);
  while (result.getUTCDay() === 0 || result.getUTCDay() === 6) result.setUTCDate(result.getUTCDate() - 1);
  return result;
}

/** The Monday starting the week that holds `date`. */
function mondayOf(date: Date): Date {
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return monday;
}

/**
 * The working weeks (Monday starts) of a `YYYY-Qn` quarter: from the week of its first working day
 * to the week of its last, so no week holds only a weekend of the quarter. Falls back to the
 * quarter containing `today`.
 */
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
  const last = lastWorkingDay(end);
  const weeks: Date[] = [];
  for (let week = mondayOf(firstWorkingDay(start)); week <= last; week = new Date(week.getTime() + 7 * day)) weeks.push(week);
  return { quarter: `${year}-Q${q}`, weeks, start, end };
}

/**
 * Whether a cadence of this frequency meets in week `index` (starting `week`) of the quarter starting
 * `start`. Monthly cadences meet in the week of each month's first working day (so not in a week
 * whose only day of the month is a weekend), quarterly ones in the week of the quarter's first.
 */
export function meetsInWeek(frequency: string | null, index: number, week: Date, start: Date): boolean {
  const holds = (date: Date) => date.getTime() >= week.getTime() && date.getTime() < week.getTime() + 7 * day;
  const firstOfMonth = (k: number) => firstWorkingDay(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1)));
  switch (frequency) {
    case 'daily':
    case 'weekly':
      return true;
    case 'biweekly':
      return index % 2 === 0;
    case 'monthly':
      return [0, 1, 2].some((k) => holds(firstOfMonth(k)));
    case 'quarterly':
      return holds(firstOfMonth(0));
    default:
      return false;
  }
}

/** Meetings per week, on average, for a frequency. */
export const perWeek: Record<string, number> = { daily: 5, weekly: 1, biweekly: 0.5, monthly: 12 / 52, quarterly: 4 / 52 };

/** Whether an ISO date falls in the week starting on `week`. */
export function inWeek(date: string, week: Date): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(time) && time >= week.getTime() && time < week.getTime() + 7 * day;
}

/** `Jul 6` for a week start. */
export function shortDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/**
 * When a cadence meets in the week starting `week` (week `index` of the quarter starting `start`):
 * the date, when its `day` (and `week` of the month or quarter) place it, as `opmodel review` places
 * it (within the quarter, `start` to `end`); `true` when it meets that week on a day the model does not say; `false` when it does not meet.
 */
export function meetingInWeek(cadence: { frequency: string | null; day: string | null; week: string | null }, index: number, week: Date, start: Date, end: Date): string | boolean {
  const frequency = cadence.frequency ?? '';
  // Which weeks a biweekly cadence meets in is not recorded: every other week from the quarter's first.
  if (frequency === 'biweekly' && index % 2 !== 0) return false;
  if (cadence.day) {
    const date = meetingIn(frequency, cadence.day, cadence.week, iso(week));
    // A date outside the quarter (its first week may begin in the one before) is that quarter's meeting.
    if (typeof date === 'string') return date >= iso(start) && date <= iso(end) ? date : false;
    if (date === null) return true;
    // A monthly or quarterly cadence with its week named does not meet this week.
    if (cadence.week) return false;
  }
  return meetsInWeek(cadence.frequency, index, week, start);
}

/** `Tue 09:30` for a meeting's date and time. */
export function dayAndTime(date: string, time: string | null): string {
  const weekday = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return time ? `${weekday} ${time}` : weekday;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
