// Kind `assessment`: the structural self-assessment, statements scored 0 to 3.
import type { CommonFields, IsoDate, Ref } from './common.js';
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
  /** Whose assessment it is (→ team); without it, the whole company's. */
  team?: Ref;
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
  relations: [
    { path: ['team'], targets: ['team'], label: 'Team', reverse: 'Assessments' },
  ],
  crossFile: 'all',
  template: ({ today }) => ({ frontmatter: assessmentFrontmatter(today), body: assessmentBody }),
});

/** The fifteen statements of the self-assessment, three per category, as the templates write them. */
export const assessmentStatements: readonly Pick<ScoredStatement, 'statement' | 'category'>[] = [
  { category: 'strategy', statement: 'Every bet names one owner, the leading indicators it moves and what it will not do' },
  { category: 'strategy', statement: "Anyone on a team can say this quarter's top three bets without looking them up" },
  { category: 'strategy', statement: 'We turn work down by pointing at a written guardrail or non-goal, not at whoever objects loudest' },
  { category: 'execution', statement: 'A bet moves from idea to customers through one delivery cadence that every function joins' },
  { category: 'execution', statement: 'We pause or stop a bet when its leading indicators stall, not when the budget runs out' },
  { category: 'execution', statement: 'Design, engineering and go-to-market plan a release together before it is built' },
  { category: 'operations', statement: 'A weekly review of about 45 minutes reads indicators and decides, rather than collecting status' },
  { category: 'operations', statement: 'A request to another team has a written response time and a named person to escalate to' },
  { category: 'operations', statement: 'For each recurring decision we can say who decides, who is consulted and who is told' },
  { category: 'tooling', statement: 'Our tools follow the way we agreed to work, not each team\'s own habits' },
  { category: 'tooling', statement: 'The numbers a bet is steered by come from one source everyone trusts' },
  { category: 'tooling', statement: 'Changes to how we work are proposed, reviewed and recorded in one place' },
  { category: 'talent', statement: 'A senior title comes with the decision rights that match it' },
  { category: 'talent', statement: 'A new hire can read how we work on day one and act on it by week two' },
  { category: 'talent', statement: 'People are hired and promoted for the capabilities our bets need next, not past ones' },
];

/** The frontmatter of a new assessment: the fifteen statements, each with `score` (0 until scored). */
export function assessmentFrontmatter(today: string, scores: readonly number[] = []): string {
  const rows = assessmentStatements.map(({ statement, category }, i) => `  - statement: ${statement}\n    category: ${category}\n    score: ${scores[i] ?? 0}\n`);
  return `date: ${today}
# team: whose assessment it is (a team id); leave it out for the whole company's
scores:
  # Score each statement 0 (never true), 1 (rarely), 2 (mostly) or 3 (consistently true).
  # Of the 45 points, below 18 is structural drift and below 12 intervention is overdue;
  # three or more scores of 0 or 1 in one category name its structural failure.
${rows.join('')}`;
}

const assessmentBody = `
What we learned from scoring, and what we will change first.
`;
