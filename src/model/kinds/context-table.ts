// Kind `context-table`: the 3×3 grid of guardrails, principles and guidance, as a GFM table.
import type { CommonFields, Ref } from './common.js';

/** The context grid; the table lives in the body. */
export interface ContextTable extends CommonFields {
  /** Optional; must be `context-table` when present. */
  kind?: 'context-table';
  /** Who keeps the grid current (→ role | team). */
  owner?: Ref;
}
