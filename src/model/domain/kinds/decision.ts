// Kind `decision`: a decision record, taken under one decision-rights row and named by its text.
import type { CommonFields, IsoDate, Ref } from './common.js';
import { defineKind } from './define.js';

/** What was decided, by whom, under which decision right. "Superseded by" is derived, never stored. */
export interface Decision extends CommonFields {
  /** Optional; must be `decision` when present. */
  kind?: 'decision';
  /**
   * The decision right it is taken under: the text of a decision-rights row, exactly as in the
   * matrix's first column (case-insensitive).
   * @minLength 1
   * @examples ["Change list prices or plan packaging"]
   */
  decision: string;
  /** Who decided (→ role | team): the row's decider. */
  decided_by: Ref;
  /** When it was decided (or proposed). */
  date: IsoDate;
  /**
   * Where the record stands.
   * @default "decided"
   */
  status?: 'proposed' | 'decided' | 'superseded';
  /** Earlier decision records this one replaces (→ decision). */
  supersedes?: Ref[];
  /** Who was consulted before deciding (→ role | team). */
  consulted?: Ref[];
  /** Who was told afterwards (→ role | team). */
  informed?: Ref[];
  /** The bets it affects (→ bet). */
  bets?: Ref[];
}

/** The `decision` kind. */
export const decision = defineKind<Decision>()({
  name: 'decision',
  folder: 'decisions',
  typeName: 'Decision',
  summary: 'a decision record',
  handbook: { section: 'decisions', title: 'Decision log', label: 'Decision record', nav: 100 },
  relations: [
    { path: ['decided_by'], targets: ['role', 'team'], label: 'Decided by', reverse: 'Decided' },
    { path: ['supersedes', '*'], targets: ['decision'], label: 'Supersedes', reverse: 'Superseded by' },
    { path: ['consulted', '*'], targets: ['role', 'team'], label: 'Consulted', reverse: 'Consulted on decisions' },
    { path: ['informed', '*'], targets: ['role', 'team'], label: 'Informed', reverse: 'Informed of decisions' },
    { path: ['bets', '*'], targets: ['bet'], label: 'Bets', reverse: 'Decisions' },
  ],
  crossFile: ['decision', 'date', 'status'],
  template: ({ today }) => ({
    frontmatter: `decision: # the decision right, exactly as the first column of its decision-rights row
decided_by: # the role or team id that holds D (A for RACI) on that row
date: ${today}
status: proposed # proposed | decided | superseded
consulted:
  - # a role or team id the row marks C
`,
    body: `
## Context

## Options weighed

## Decision

## Consequences
`,
  }),
});
