// Kind `cadence`: a recurring meeting or review and who takes part.
import type { CommonFields, Ref, Text } from './common.js';

/** A ritual of the operating rhythm. */
export interface Cadence extends CommonFields {
  /** Optional; must be `cadence` when present. */
  kind?: 'cadence';
  /** How often it happens. */
  frequency: 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
  /**
   * How long it lasts, in minutes.
   * @asType integer
   * @exclusiveMinimum 0
   */
  duration_minutes?: number;
  /** Who runs it (→ role | team). */
  owner?: Ref;
  /**
   * Teams and roles that take part (→ team | role).
   * @minItems 1
   */
  participants?: Ref[];
  /** What it reads. */
  inputs?: Text[];
  /** What it produces. */
  outputs?: Text[];
}
