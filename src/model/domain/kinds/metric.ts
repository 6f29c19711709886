// Kind `metric`: a north-star, input, leading or health metric.
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

/** A metric that bets and teams steer by. */
export interface Metric extends CommonFields {
  /** Optional; must be `metric` when present. */
  kind?: 'metric';
  /** What the metric is for. */
  type: 'north-star' | 'input' | 'leading' | 'health';
  /** Who owns the number (→ team | role). */
  owner?: Ref;
  /**
   * The unit, e.g. `%`, `minutes`, `EUR`.
   * @minLength 1
   */
  unit?: string;
  /** Which way is better. */
  direction?: 'up' | 'down';
  /**
   * Where the number comes from: an https link to the dashboard or query.
   * @format uri
   * @pattern ^https://
   */
  source?: string;
}

/** The `metric` kind. */
export const metric = defineKind<Metric>()({
  name: 'metric',
  folder: 'metrics',
  typeName: 'Metric',
  summary: 'a metric',
  handbook: { section: 'metrics', title: 'Metrics', label: 'Metric', nav: 70 },
  relations: [
    { path: ['owner'], targets: ['team', 'role'], label: 'Owner', reverse: 'Owns metrics' },
  ],
  template: () => ({
    frontmatter: `type: input # north-star | input | leading | health
owner: # the team or role id that owns the number
unit: "%"
direction: up
`,
    body: `
How the number is computed, where it comes from, and what moves it.
`,
  }),
});
