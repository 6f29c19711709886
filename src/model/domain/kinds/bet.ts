// Kind `bet`: a strategic bet with an owner, leading indicators and explicit non-goals.
import type { CommonFields, Ref, IsoDate, Quarter, Text } from './common.js';
import { defineKind } from './define.js';

/** A positive signal that shows the bet is working. */
export interface LeadingIndicator {
  /** The metric that moves (→ metric). */
  metric: Ref;
  /**
   * The target, in words.
   * @minLength 1
   * @examples ["activation rate from 31% to 40%"]
   */
  target: string;
  /** When the target should be reached. */
  by?: IsoDate;
  /** Where the metric stood when the bet started: the number behind `target`, for charting check-ins. */
  baseline?: number;
  /** The number the bet aims to reach: the number behind `target`. */
  goal?: number;
}

/** A signal that the bet is doing harm. */
export interface HarmSignal {
  /** The metric that would show it (→ metric), if there is one. */
  metric?: Ref;
  /**
   * What we would see.
   * @minLength 1
   */
  signal: string;
}

/** An option considered and not picked. */
export interface Alternative {
  /** @minLength 1 */
  option: string;
  /**
   * Why it was not picked.
   * @minLength 1
   */
  why_not: string;
}

/** A strategic bet: translated strategy with an owner, leading indicators and non-goals. */
export interface Bet extends CommonFields {
  /** Optional; must be `bet` when present. */
  kind?: 'bet';
  /** Where the bet stands. Killing a bet is a normal outcome. */
  status: 'proposed' | 'active' | 'paused' | 'won' | 'lost' | 'killed';
  /** The team or role accountable for the bet (→ team | role). */
  owner: Ref;
  /** The quarter the bet runs in. */
  quarter: Quarter;
  /**
   * How far the bet reaches: one team, a product group, or the whole organisation.
   * @default "team"
   */
  level?: 'team' | 'product-group' | 'strategic-initiative';
  /** The teams that take part (→ team). */
  teams?: Ref[];
  /**
   * The opportunity or problem the bet addresses.
   * @minLength 1
   */
  problem: string;
  /**
   * Positive signals that would show progress.
   * @minItems 1
   */
  leading_indicators: LeadingIndicator[];
  /** Signals that the bet is hurting customers or the business. */
  harm_signals?: HarmSignal[];
  /**
   * What this bet will not do.
   * @minItems 1
   */
  non_goals: Text[];
  /** Guardrails the bet must respect (→ guardrail). */
  guardrails?: Ref[];
  /** Options considered and not picked. */
  alternatives?: Alternative[];
  /** Dates of cross-functional checkpoints. */
  checkpoints?: IsoDate[];
  /** Roles that signed the bet off (→ role). */
  signed_off_by?: Ref[];
}

/** The `bet` kind. */
export const bet = defineKind<Bet>()({
  name: 'bet',
  folder: 'bets',
  typeName: 'Bet',
  summary: 'a strategic bet',
  handbook: { section: 'bets', title: 'Bets', label: 'Bet', nav: 10, facet: { field: 'quarter', label: 'By quarter', none: 'No quarter' } },
  relations: [
    { path: ['owner'], targets: ['team', 'role'], label: 'Owner', reverse: 'Owns bets' },
    { path: ['teams', '*'], targets: ['team'], label: 'Teams', reverse: 'Takes part in bets' },
    { path: ['leading_indicators', '*', 'metric'], targets: ['metric'], label: 'Leading indicators', reverse: 'Steers bets' },
    { path: ['harm_signals', '*', 'metric'], targets: ['metric'], label: 'Harm signals', reverse: 'Harm signal of bets' },
    { path: ['guardrails', '*'], targets: ['guardrail'], label: 'Guardrails', reverse: 'Binds bets' },
    { path: ['signed_off_by', '*'], targets: ['role'], label: 'Signed off by', reverse: 'Signed off bets' },
  ],
  crossFile: ['status', 'quarter', 'level'],
  template: ({ quarter }) => ({
    frontmatter: `status: proposed
owner: # the team or role id that owns this bet, e.g. growth
quarter: ${quarter}
level: team
problem: # the opportunity or problem this bet addresses, in one sentence
leading_indicators:
  - metric: # a metric id
    target: # what moves, from what to what, e.g. "activation from 31% to 40%"
    baseline: # the number today, e.g. 31 (check-ins and the chart compare against it)
    goal: # the number you aim for, e.g. 40
non_goals:
  - # what this bet will not do
`,
    body: `
## Hypothesis

We believe that … will result in … We will know we are right when …

## Learnings
`,
  }),
});
