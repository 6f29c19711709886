// Kind `guardrail`: context at one of three strengths (guardrail, principle, guidance).
import type { CommonFields, Ref } from './common.js';

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
