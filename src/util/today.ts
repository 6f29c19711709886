// "Today" as every date rule, the handbook and the templates judge it: the current UTC date, or a
// fixed date (`--as-of`, or OPMODEL_TODAY) so that a run can be reproduced and CI never turns red
// by the calendar alone.

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The message for an OPMODEL_TODAY that is not a date, or undefined when it is fine or unset. */
export function todayEnvProblem(): string | undefined {
  const fromEnv = process.env.OPMODEL_TODAY;
  if (fromEnv === undefined || fromEnv === '' || isCalendarDate(fromEnv)) return undefined;
  return `OPMODEL_TODAY must be a date such as 2026-11-21, not ${JSON.stringify(fromEnv.slice(0, 40))}.`;
}

/** OPMODEL_TODAY (YYYY-MM-DD) when set, else the current UTC date. Throws on an OPMODEL_TODAY that is not a date. */
export function todayString(): string {
  const problem = todayEnvProblem();
  if (problem) throw new Error(problem);
  return process.env.OPMODEL_TODAY || new Date().toISOString().slice(0, 10);
}

/** The quarter a YYYY-MM-DD date falls in (default today), e.g. 2026-Q4. */
export function currentQuarter(today = todayString()): string {
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The year and number of a quarter written YYYY-Qn, or null for anything else. */
function quarterParts(quarter: unknown): { year: number; q: number; yyyy: string } | null {
  const m = typeof quarter === 'string' ? /^(\d{4})-Q([1-4])$/.exec(quarter) : null;
  return m ? { year: Number(m[1]), q: Number(m[2]), yyyy: m[1]! } : null;
}

/** The first day (YYYY-MM-DD) of a quarter written YYYY-Qn, or null. */
export function quarterStart(quarter: unknown): string | null {
  const parts = quarterParts(quarter);
  return parts ? `${parts.yyyy}-${String((parts.q - 1) * 3 + 1).padStart(2, '0')}-01` : null;
}

/** The last day (YYYY-MM-DD) of a quarter written YYYY-Qn, or null. */
export function quarterEnd(quarter: unknown): string | null {
  const parts = quarterParts(quarter);
  if (!parts) return null;
  const { year, q } = parts;
  return new Date(Date.UTC(q === 4 ? year + 1 : year, q === 4 ? 0 : q * 3, 1) - 86_400_000).toISOString().slice(0, 10);
}

/** The date a year after a YYYY-MM-DD date (default today), for review_by; 29 February becomes 28 February. */
export function inOneYear(today = todayString()): string {
  const day = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}-${day}`;
}
