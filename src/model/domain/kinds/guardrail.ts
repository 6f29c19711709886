// Kind `guardrail`: context at one of three strengths (guardrail, principle, guidance).
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

/** A guardrail, principle or piece of guidance for one of the three context questions. */
export interface Guardrail extends CommonFields {
  /** Optional; must be `guardrail` when present. */
  kind?: 'guardrail';
  /** Strength: guardrail = do not cross; principle = our approach; guidance = what we prefer. */
  type: 'guardrail' | 'principle' | 'guidance';
  /** Which question it answers: which problems to tackle, how to solve them, how to build the solution. */
  scope: 'problems' | 'solutions' | 'build';
  /** Who owns it (→ role | team). */
  owner: Ref;
  /**
   * Whether it is in force.
   * @default "active"
   */
  status?: 'draft' | 'active' | 'retired';
  /**
   * How to ask for an exception.
   * @minLength 1
   */
  exceptions?: string;
}

/** The `guardrail` kind. */
export const guardrail = defineKind<Guardrail>()({
  name: 'guardrail',
  folder: 'guardrails',
  typeName: 'Guardrail',
  summary: 'a guardrail, principle or guidance',
  handbook: { section: 'guardrails', title: 'Guardrails', label: 'Guardrail', nav: 20 },
  relations: [
    { path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns guardrails' },
  ],
  template: ({ inOneYear }) => ({
    frontmatter: `type: guardrail # guardrail (do not cross) | principle (our approach) | guidance (what we prefer)
scope: problems # problems | solutions | build
owner: # the role or team id that owns it
review_by: ${inOneYear}
`,
    body: `
State the rule in one sentence, then why it exists.

## Requests it declines

- …
`,
  }),
});
