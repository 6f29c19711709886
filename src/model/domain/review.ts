// The weekly operating review agenda (SPEC §5 `opmodel review`): from the model and a date, what
// the meeting should look at. Pure: no files, no clock; the command renders it as Markdown or JSON.
import { rightKey, rightsByText } from './decision-rights.js';
import type { Entity } from './entity.js';
import { ofKind } from './kinds.js';
import { isCalendarDate, quarterEnd } from '../../util/today.js';

/** A section lists at most this many items and says how many more there are. */
export const sectionLimit = 10;

/** One leading indicator's latest value against the bet's numbers. */
export interface IndicatorReading {
  metric: string;
  value: number | null;
  baseline: number | null;
  goal: number | null;
}

export interface BetItem {
  bet: string;
  title: string;
  file: string;
  /** Why it is on the agenda. */
  reasons: ('check-in due' | 'at-risk' | 'off-track')[];
  /** The latest check-in's date, or null when there is none. */
  lastCheckIn: string | null;
  confidence: string | null;
  indicators: IndicatorReading[];
}

export interface HarmItem {
  bet: string;
  title: string;
  date: string;
  signal: string;
  file: string;
}

export interface ProposalItem {
  bet: string;
  title: string;
  next: string;
  date: string;
  file: string;
}

export interface DecisionItem {
  id: string;
  title: string;
  file: string;
  decision: string;
  decidedBy: string | null;
  date: string;
  sla: string | null;
  /** The last day within the SLA, when the SLA reads as a duration. */
  due: string | null;
  overdue: boolean;
}

export interface ReviewByItem {
  id: string;
  title: string;
  file: string;
  type: string;
  reviewBy: string;
}

export interface QuarterItem {
  bet: string;
  title: string;
  file: string;
  quarter: string;
  status: string;
}

export interface CadenceItem {
  id: string;
  title: string;
  file: string;
  frequency: string;
  /** The date it meets that week, when the model says enough to place it. */
  date: string | null;
  day: string | null;
  time: string | null;
  durationMinutes: number | null;
}

/** One agenda section: the first `sectionLimit` items and how many were left out. */
export interface Section<T> {
  items: T[];
  more: number;
}

export interface Agenda {
  asOf: string;
  /** How many days an active bet may go without a check-in before it is due. */
  checkInDays: number;
  /** Monday and Sunday of the week `asOf` falls in. */
  week: { start: string; end: string };
  bets?: Section<BetItem>;
  harmSignals?: Section<HarmItem>;
  proposals?: Section<ProposalItem>;
  decisions?: Section<DecisionItem>;
  pastReview?: Section<ReviewByItem>;
  quarterEnded?: Section<QuarterItem>;
  cadences?: Section<CadenceItem>;
}

const DAY = 86_400_000;
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDate = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v);
/** A date `days` days after `date`. */
export const addDays = (date: string, days: number) => iso(time(date) + days * DAY);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const titleOf = (e: Entity) => str(e.data.title) ?? e.id;

/**
 * The last day within an SLA that starts on `from`: `N business days` (Monday to Friday),
 * `N days`, `N weeks` or `N hours` (rounded up to whole days), case-insensitive; null for any
 * other text, which is never called overdue.
 */
export function slaDue(sla: string, from: string): string | null {
  const m = /^\s*(\d+)\s+(business\s+days?|days?|weeks?|hours?)\s*$/i.exec(sla);
  if (!m || !isDate(from)) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit.startsWith('business')) {
    let day = from;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      const weekday = new Date(time(day)).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left--;
    }
    return day;
  }
  if (unit.startsWith('week')) return addDays(from, 7 * n);
  if (unit.startsWith('hour')) return addDays(from, Math.ceil(n / 24));
  return addDays(from, n);
}

export { quarterEnd };

function section<T>(items: T[]): Section<T> | undefined {
  return items.length === 0 ? undefined : { items: items.slice(0, sectionLimit), more: Math.max(0, items.length - sectionLimit) };
}

/**
 * Each bet's check-ins dated on or before `today`, oldest first (one date: by id), so `.at(-1)` is
 * the latest: one reading for the `check-in-due` rule, the review agenda and the handbook's charts.
 */
export function checkInsByBet(entities: readonly Entity[], today: string): Map<string, Entity<'check-in'>[]> {
  const byBet = new Map<string, Entity<'check-in'>[]>();
  for (const checkIn of ofKind(entities as Entity[], 'check-in')) {
    const { bet, date } = checkIn.data;
    if (checkIn.broken || typeof bet !== 'string' || bet === '' || !isDate(date) || date > today) continue;
    const list = byBet.get(bet);
    if (list) list.push(checkIn);
    else byBet.set(bet, [checkIn]);
  }
  for (const list of byBet.values()) list.sort((a, b) => String(a.data.date).localeCompare(String(b.data.date)) || a.id.localeCompare(b.id));
  return byBet;
}

/** How many days may pass between an active bet's check-ins unless the config sets `check-in-due`'s `max_days`. */
export const defaultCheckInDays = 14;

/**
 * The agenda of the weekly operating review as of `today` (YYYY-MM-DD). `checkInDays` is how long
 * an active bet may go without a check-in: pass `check-in-due`'s `max_days` (checkInDaysFrom).
 */
export function reviewAgenda(entities: readonly Entity[], today: string, checkInDays = defaultCheckInDays): Agenda {
  const monday = addDays(today, -((new Date(time(today)).getUTCDay() + 6) % 7));
  const agenda: Agenda = { asOf: today, checkInDays, week: { start: monday, end: addDays(monday, 6) } };
  const live = <K extends string>(kind: K) => ofKind(entities as Entity[], kind).filter((e) => !e.broken);
  const bets = live('bet');
  const betTitle = new Map(bets.map((b) => [b.id, titleOf(b)]));
  const byBet = checkInsByBet(entities, today);
  const latest = new Map([...byBet].map(([bet, list]) => [bet, list.at(-1)!]));
  // Newest first, for the week's harm signals.
  const checkIns = [...byBet.values()].flat().sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)) || a.id.localeCompare(b.id));
  const active = bets.filter((b) => b.data.status === 'active');

  // Active bets whose check-in is due, or that are at risk or off track.
  const dueBefore = addDays(today, -checkInDays);
  const betItems: BetItem[] = [];
  for (const bet of active) {
    const last = latest.get(bet.id);
    const reasons: BetItem['reasons'] = [];
    if (!last || String(last.data.date) < dueBefore) reasons.push('check-in due');
    const confidence = str(last?.data.confidence);
    if (confidence === 'at-risk' || confidence === 'off-track') reasons.push(confidence);
    if (reasons.length === 0) continue;
    const values = Array.isArray(last?.data.indicators) ? last.data.indicators : [];
    const indicators = (Array.isArray(bet.data.leading_indicators) ? bet.data.leading_indicators : [])
      .filter((i) => i && typeof i.metric === 'string')
      .map((i) => ({ metric: i.metric, value: num(values.find((v) => v?.metric === i.metric)?.value), baseline: num(i.baseline), goal: num(i.goal) }));
    betItems.push({ bet: bet.id, title: titleOf(bet), file: bet.file, reasons, lastCheckIn: last ? String(last.data.date) : null, confidence, indicators });
  }
  agenda.bets = section(betItems);

  // Harm signals seen in the last week, newest first.
  const weekAgo = addDays(today, -7);
  agenda.harmSignals = section(
    checkIns
      .filter((c) => String(c.data.date) > weekAgo && Array.isArray(c.data.harm_signals))
      .flatMap((c) => (c.data.harm_signals as unknown[]).filter((s): s is string => str(s) !== null).map((signal) => ({ bet: c.data.bet as string, title: betTitle.get(c.data.bet as string) ?? String(c.data.bet), date: String(c.data.date), signal, file: c.file }))),
  );

  // Active bets whose latest check-in proposes to pivot, pause, kill or close.
  agenda.proposals = section(
    active.flatMap((bet) => {
      const last = latest.get(bet.id);
      const next = str(last?.data.next);
      return last && next && next !== 'continue' ? [{ bet: bet.id, title: titleOf(bet), next, date: String(last.data.date), file: last.file }] : [];
    }),
  );

  // Proposed decision records, those past the row's SLA first.
  const rights = rightsByText(live('decision-rights'));
  const decisions = live('decision')
    .filter((d) => d.data.status === 'proposed')
    .map((d): DecisionItem => {
      const decision = String(d.data.decision ?? '');
      const sla = rights.get(rightKey(decision))?.row.sla ?? null;
      const date = isDate(d.data.date) ? d.data.date : '';
      const due = sla && date ? slaDue(sla, date) : null;
      return { id: d.id, title: titleOf(d), file: d.file, decision, decidedBy: str(d.data.decided_by), date, sla, due, overdue: due !== null && today > due };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  agenda.decisions = section(decisions);

  // Guardrails and principles past review_by (guidance is meant to change more often).
  agenda.pastReview = section(
    live('guardrail')
      .filter((g) => (g.data.type === 'guardrail' || g.data.type === 'principle') && isPastReview(g, today))
      .map((g) => ({ id: g.id, title: titleOf(g), file: g.file, type: String(g.data.type), reviewBy: String(g.data.review_by) }))
      .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.id.localeCompare(b.id)),
  );

  // Bets still open whose quarter has ended: close them, or move them on.
  agenda.quarterEnded = section(
    bets
      .filter((b) => ['active', 'paused', 'proposed'].includes(String(b.data.status)))
      .flatMap((b) => {
        const end = quarterEnd(b.data.quarter);
        return end && end < today ? [{ bet: b.id, title: titleOf(b), file: b.file, quarter: String(b.data.quarter), status: String(b.data.status) }] : [];
      }),
  );

  // Cadences that meet that week.
  agenda.cadences = section(
    live('cadence')
      .flatMap((c): CadenceItem[] => {
        const frequency = String(c.data.frequency ?? '');
        const day = str(c.data.day);
        const date = meetingIn(frequency, day, str(c.data.week), monday);
        if (date === undefined) return [];
        return [{ id: c.id, title: titleOf(c), file: c.file, frequency, date, day, time: str(c.data.time), durationMinutes: num(c.data.duration_minutes) }];
      })
      .sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9') || (a.time ?? '').localeCompare(b.time ?? '') || a.id.localeCompare(b.id)),
  );
  return agenda;
}

/**
 * When a cadence meets in the week starting `monday`: its date, null when it meets that week on
 * a day the model does not say (daily, or no `day`), or undefined
 * when it does not meet that week or the model does not say enough to place it.
 */
export function meetingIn(frequency: string, day: string | null, week: string | null, monday: string): string | null | undefined {
  const offset = day ? (weekdays.indexOf(day as (typeof weekdays)[number]) + 6) % 7 : -1;
  const dayThisWeek = offset >= 0 && weekdays.includes(day as (typeof weekdays)[number]) ? addDays(monday, offset) : null;
  if (frequency === 'daily') return null;
  if (frequency === 'weekly') return dayThisWeek;
  // Which weeks a biweekly cadence meets in is not recorded: it is listed, as every other week.
  if (frequency === 'biweekly') return dayThisWeek;
  if ((frequency !== 'monthly' && frequency !== 'quarterly') || !dayThisWeek || !week) return undefined;
  // The nth (or last) such weekday of its month or quarter.
  const [y, m] = [Number(dayThisWeek.slice(0, 4)), Number(dayThisWeek.slice(5, 7)) - 1];
  const firstMonth = frequency === 'monthly' ? m : m - (m % 3);
  const start = iso(Date.UTC(y, firstMonth, 1));
  const end = iso(Date.UTC(y, firstMonth + (frequency === 'monthly' ? 1 : 3), 1) - DAY);
  const nth = Math.floor((time(dayThisWeek) - time(start)) / (7 * DAY));
  if (week === 'last') return addDays(dayThisWeek, 7) > end ? dayThisWeek : undefined;
  return ['first', 'second', 'third', 'fourth'].indexOf(week) === nth ? dayThisWeek : undefined;
}

/**
 * Whether an entity's `review_by` (a real YYYY-MM-DD date) is before `today`; a date that is today is
 * not past yet, and a retired guardrail is never due. One judgement for the `stale` rule, the
 * handbook's "needs review" flag and this agenda.
 */
export function isPastReview(entity: { kind: string; data: Readonly<Record<string, unknown>> }, today: string): boolean {
  const date = entity.data.review_by;
  if (typeof date !== 'string' || !isCalendarDate(date)) return false; // the schema rule reports bad dates
  if (entity.kind === 'guardrail' && entity.data.status === 'retired') return false;
  return date < today;
}

/** `check-in-due`'s `max_days` from the config's rule options (checked when the config loads), else the default. */
export function checkInDaysFrom(options: Readonly<Record<string, unknown>> | undefined): number {
  const days = options?.max_days;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : defaultCheckInDays;
}

/** The sentence an empty agenda says, or null when the agenda has something to review. */
export function nothingToReview(agenda: Agenda): string | null {
  const sections = [agenda.bets, agenda.harmSignals, agenda.proposals, agenda.decisions, agenda.pastReview, agenda.quarterEnded, agenda.cadences];
  return sections.some(Boolean) ? null : `Nothing to review: every active bet checked in within ${agenda.checkInDays} days and is on track.`;
}

/** A date on the agenda, as its readers say it: "17 November", with the year only when it is not the agenda's. */
export function agendaDate(date: string, asOf: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(date.startsWith(asOf.slice(0, 4)) ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}
