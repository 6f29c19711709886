// Derived figures of a self-assessment: total, band and weak categories. Never stored in files.
// The one place that reads the bands from the config and picks the latest assessment, for the
// `assessment` rule, `opmodel assess` and the handbook alike.

export const categories = ['strategy', 'execution', 'operations', 'tooling', 'talent'] as const;

export type Band = 'healthy' | 'structural-drift' | 'intervention-overdue';

/** Thresholds: a total below `drift` is intervention-overdue, below `healthy` structural drift. */
export interface Thresholds {
  healthy: number;
  drift: number;
}

export const defaultThresholds: Thresholds = { healthy: 18, drift: 12 };

/**
 * The bands from the `assessment` rule's options in the config: a number is read as is, anything else
 * (absent, or a string such as "40", which the config check refuses) leaves the default.
 */
export function thresholdsFrom(options: Readonly<Record<string, unknown>> | undefined): Thresholds {
  const read = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  return { healthy: read(options?.healthy, defaultThresholds.healthy), drift: read(options?.drift, defaultThresholds.drift) };
}

/** Dated assessments, newest first (one date: by file): `[0]` is "the latest assessment" everywhere. */
export function newestFirst<T extends { file: string }>(assessments: readonly T[], dateOf: (assessment: T) => unknown): T[] {
  const dated = assessments.flatMap((assessment) => {
    const date = dateOf(assessment);
    return typeof date === 'string' ? [{ assessment, date }] : [];
  });
  dated.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.assessment.file < b.assessment.file ? -1 : a.assessment.file > b.assessment.file ? 1 : 0));
  return dated.map(({ assessment }) => assessment);
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
  categories: CategoryScore[];
  weakCategories: string[];
}

/** Scores an assessment's frontmatter; entries that are not valid scores are skipped. */
export function scoreAssessment(data: { scores?: unknown }, thresholds: Thresholds = defaultThresholds): AssessmentResult {
  const scores = Array.isArray(data.scores) ? data.scores : [];
  const byCategory = new Map<string, CategoryScore>(categories.map((name) => [name, { name, total: 0, max: 0, low: 0, weak: false }]));
  let total = 0;
  let max = 0;
  for (const entry of scores) {
    if (!entry || typeof entry !== 'object') continue;
    const { category, score } = entry as Record<string, unknown>;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 3) continue;
    total += score;
    max += 3;
    const c = typeof category === 'string' ? byCategory.get(category) : undefined;
    if (!c) continue;
    c.total += score;
    c.max += 3;
    if (score <= 1) c.low++;
  }
  for (const c of byCategory.values()) c.weak = c.low >= 3;
  const band: Band = total < thresholds.drift ? 'intervention-overdue' : total < thresholds.healthy ? 'structural-drift' : 'healthy';
  const list = [...byCategory.values()];
  return { total, max, band, categories: list, weakCategories: list.filter((c) => c.weak).map((c) => c.name) };
}
