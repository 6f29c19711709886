// Kind `assessment`: the structural self-assessment, statements scored 0 to 3.
import type { CommonFields, IsoDate } from './common.js';
import { defineKind } from './define.js';

/** One statement of the self-assessment and its score. */
export interface ScoredStatement {
  /**
   * The statement, e.g. "Every bet has a named owner".
   * @minLength 1
   */
  statement: string;
  /** The area the statement belongs to. */
  category: 'strategy' | 'execution' | 'operations' | 'tooling' | 'talent';
  /**
   * 0 = never true, 1 = rarely, 2 = mostly, 3 = consistently true.
   * @asType integer
   * @minimum 0
   * @maximum 3
   */
  score: number;
}

/** A dated self-assessment. Totals, bands and weak categories are derived, never stored. */
export interface Assessment extends CommonFields {
  /** Optional; must be `assessment` when present. */
  kind?: 'assessment';
  /** When the assessment was taken. */
  date: IsoDate;
  /**
   * The scored statements.
   * @minItems 1
   */
  scores: ScoredStatement[];
}

/** The `assessment` kind. */
export const assessment = defineKind<Assessment>()({
  name: 'assessment',
  folder: 'assessments',
  typeName: 'Assessment',
  summary: 'a structural self-assessment',
  handbook: { section: 'assessments', title: 'Assessment', label: 'Assessment', nav: 90 },
  relations: [],
  crossFile: 'all',
  template: ({ today }) => ({
    frontmatter: `date: ${today}
scores:
  # Score each statement 0 (never true) to 3 (consistently true). Ten statements, two per
  # category: a total below 18 is structural drift, below 12 intervention is overdue.
  - statement: Every bet has one named owner, leading indicators and written non-goals
    category: strategy
    score: 0
  - statement: Anyone on a team can name this quarter's top three bets unprompted
    category: strategy
    score: 0
  - statement: Work moves through one delivery cadence with cross-functional checkpoints
    category: execution
    score: 0
  - statement: Bets are stopped or killed when their leading indicators say so
    category: execution
    score: 0
  - statement: A weekly operating review reads the leading indicators, not status reports
    category: operations
    score: 0
  - statement: Internal requests have an SLA and an escalation path
    category: operations
    score: 0
  - statement: Tools follow a shared method rather than each team's habit
    category: tooling
    score: 0
  - statement: The numbers a bet steers by come from one agreed source
    category: tooling
    score: 0
  - statement: Senior titles come with matching decision rights
    category: talent
    score: 0
  - statement: A new hire can operate by week two from the written operating model
    category: talent
    score: 0
`,
    body: `
What we learned from scoring, and what we will change first.
`,
  }),
});
