// Derived figures of a self-assessment: total, band and weak categories. Never stored in files.

export const categories = ['strategy', 'execution', 'operations', 'tooling', 'talent'] as const;

export type Band = 'healthy' | 'structural-drift' | 'intervention-overdue';

/** Thresholds: a total below `drift` is intervention-overdue, below `healthy` structural drift. */
export interface Thresholds {
  healthy: number;
  drift: number;
}

export const defaultThresholds: Thresholds = { healthy: 18, drift: 12 };

export interface CategoryScore {
  name: string;
  total: number;
  max: number;
  /** Statements scored 0 or 1. */
  low: number;
  /** Three or more low scores: this category's structural failure compounds underneath. */
  weak: boolean;
}

export interface AssessmentScore {
  total: number;
  max: number;
  band: Band;
  categories: CategoryScore[];
  weakCategories: string[];
}

/** Scores an assessment's frontmatter; entries that are not valid scores are skipped. */
export function scoreAssessment(data: { scores?: unknown }, thresholds: Thresholds = defaultThresholds): AssessmentScore {
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
