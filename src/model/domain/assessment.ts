// Derived figures of a self-assessment: total, band and weak categories. Never stored in files.
// The one place that reads the bands from the config and picks the latest assessment, for the
// `assessment` rule, `opmodel assess` and the handbook alike.

export const categories = ['strategy', 'execution', 'operations', 'tooling', 'talent'] as const;

export type Band = 'healthy' | 'structural-drift' | 'intervention-overdue';

/**
 * Thresholds: a total below `drift` is intervention-overdue, below `healthy` structural drift.
 * `absolute` when set in the config; otherwise they are the defaults for fifteen statements and
 * scale with the number of statements scored.
 */
export interface Thresholds {
  healthy: number;
  drift: number;
  absolute?: boolean;
}

/** The number of statements the default thresholds are set for: the seeds' diagnostic. */
export const defaultStatements = 15;

export const defaultThresholds: Thresholds = { healthy: 18, drift: 12 };

/**
 * The bands from the `assessment` rule's options in the config: a number is read as is (and the
 * thresholds are then absolute), anything else (absent, or a string such as "40", which the config
 * check refuses) leaves the default.
 */
export function thresholdsFrom(options: Readonly<Record<string, unknown>> | undefined): Thresholds {
  const number = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (!number(options?.healthy) && !number(options?.drift)) return { ...defaultThresholds };
  const read = (value: unknown, fallback: number) => (number(value) ? (value as number) : fallback);
  return { healthy: read(options?.healthy, defaultThresholds.healthy), drift: read(options?.drift, defaultThresholds.drift), absolute: true };
}

/** How the applied thresholds came about, for a report: "set in the config" or "the defaults for n statements". */
export function thresholdsSource(applied: Thresholds, scored: number): string {
  return applied.absolute ? 'set in the config' : `the defaults for ${scored} statement${scored === 1 ? '' : 's'}${scored === defaultStatements ? '' : ` (${defaultThresholds.healthy} and ${defaultThresholds.drift} for ${defaultStatements}, scaled)`}`;
}

/** The thresholds that apply to `scored` statements: absolute ones as they are, defaults scaled by scored/15, rounded down. */
export function thresholdsFor(thresholds: Thresholds, scored: number): Thresholds {
  if (thresholds.absolute) return { healthy: thresholds.healthy, drift: thresholds.drift, absolute: true };
  const scale = (value: number) => Math.floor((value * scored) / defaultStatements);
  return { healthy: scale(thresholds.healthy), drift: scale(thresholds.drift), absolute: false };
}

/** Dated assessments, newest first (one date: by file): `[0]` is the latest one of the whole set. */
export function newestFirst<T extends { file: string }>(assessments: readonly T[], dateOf: (assessment: T) => unknown): T[] {
  const dated = assessments.flatMap((assessment) => {
    const date = dateOf(assessment);
    return typeof date === 'string' ? [{ assessment, date }] : [];
  });
  dated.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.assessment.file < b.assessment.file ? -1 : a.assessment.file > b.assessment.file ? 1 : 0));
  return dated.map(({ assessment }) => assessment);
}

/** The latest assessments: the company-wide one (no `team`) and each team's, teams in id order. */
export interface LatestAssessments<T> {
  company: T | undefined;
  teams: { team: string; assessment: T }[];
  /** For each latest one, the assessment before it of the same team (or company-wide), if any. */
  previous: Map<T, T>;
}

/** "The latest assessment" per `team`, and the latest company-wide one (an assessment without `team`). */
export function latestPerTeam<T extends { file: string }>(
  assessments: readonly T[], dateOf: (assessment: T) => unknown, teamOf: (assessment: T) => unknown,
): LatestAssessments<T> {
  const latest = new Map<string, T>(); // by team; '' is company-wide
  const previous = new Map<T, T>();
  for (const assessment of newestFirst(assessments, dateOf)) {
    const team = teamOf(assessment);
    const key = typeof team === 'string' ? team : '';
    const newer = latest.get(key);
    if (!newer) latest.set(key, assessment);
    else if (!previous.has(newer)) previous.set(newer, assessment);
  }
  const ids = [...latest.keys()].filter((team) => team !== '').sort();
  return { company: latest.get(''), teams: ids.map((team) => ({ team, assessment: latest.get(team)! })), previous };
}

export interface CategoryScore {
  name: string;
  total: number;
  max: number;
  /** Statements scored 0 or 1. */
  low: number;
  /** Three or more low scores: this category's structural failure compounds underneath. */
  weak: boolean;
}

/** An assessment as scored: its total, band and categories (`ScoredStatement` in kinds/ is one statement's score). */
export interface AssessmentResult {
  total: number;
  max: number;
  band: Band;
  /** The statements scored (entries with a valid score). */
  scored: number;
  /** The thresholds the band was read against: see thresholdsFor. */
  thresholds: Thresholds;
  categories: CategoryScore[];
  weakCategories: string[];
}

/** Scores an assessment's frontmatter; entries that are not valid scores are skipped; default thresholds scale (thresholdsFor). */
export function scoreAssessment(data: { scores?: unknown }, thresholds: Thresholds = defaultThresholds): AssessmentResult {
  const scores = Array.isArray(data.scores) ? data.scores : [];
  const byCategory = new Map<string, CategoryScore>(categories.map((name) => [name, { name, total: 0, max: 0, low: 0, weak: false }]));
  let total = 0;
  let max = 0;
  let scored = 0;
  for (const entry of scores) {
    if (!entry || typeof entry !== 'object') continue;
    const { category, score } = entry as Record<string, unknown>;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 3) continue;
    total += score;
    max += 3;
    scored++;
    const c = typeof category === 'string' ? byCategory.get(category) : undefined;
    if (!c) continue;
    c.total += score;
    c.max += 3;
    if (score <= 1) c.low++;
  }
  for (const c of byCategory.values()) c.weak = c.low >= 3;
  const applied = thresholdsFor(thresholds, scored);
  const band: Band = total < applied.drift ? 'intervention-overdue' : total < applied.healthy ? 'structural-drift' : 'healthy';
  const list = [...byCategory.values()];
  return { total, max, band, scored, thresholds: applied, categories: list, weakCategories: list.filter((c) => c.weak).map((c) => c.name) };
}
