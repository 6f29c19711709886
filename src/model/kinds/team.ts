// Kind `team`: a product team, product group, platform or enabling team.
import type { CommonFields, Ref } from './common.js';

/** A team and the outcomes it owns. */
export interface Team extends CommonFields {
  /** Optional; must be `team` when present. */
  kind?: 'team';
  /** The shape of the team. */
  type: 'product-team' | 'product-group' | 'platform' | 'enabling';
  /** The role that leads the team (→ role). */
  lead?: Ref;
  /** Roles in the team (→ role). */
  members?: Ref[];
  /** The product group the team belongs to (→ team). */
  parent?: Ref;
  /** Outcome metrics the team owns (→ metric). */
  metrics?: Ref[];
  /**
   * The GitHub team handle, used for CODEOWNERS.
   * @pattern ^@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$
   * @examples ["@acme/growth"]
   */
  github?: string;
}
