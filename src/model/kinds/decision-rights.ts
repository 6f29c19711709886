// Kind `decision-rights`: decision matrices kept as GFM tables in the body.
import type { CommonFields, Ref } from './common.js';

/** One or more decision-rights matrices; the rows live in the body as Markdown tables. */
export interface DecisionRights extends CommonFields {
  /** Optional; must be `decision-rights` when present. */
  kind?: 'decision-rights';
  /** Who keeps the matrix current (→ role | team). */
  owner?: Ref;
  /**
   * The letters the matrix uses. DCI: D decides, C consulted, I informed.
   * RACI: A decides. RAPID: D decides.
   * @default "DCI"
   */
  scheme?: 'DCI' | 'RACI' | 'RAPID';
}
