// Kind `role`: a role in the organisation, and optionally who holds it.
import type { CommonFields, Ref } from './common.js';

/** A role; decision rights name roles, not people. */
export interface Role extends CommonFields {
  /** Optional; must be `role` when present. */
  kind?: 'role';
  /**
   * The person who holds the role now.
   * @minLength 1
   */
  holder?: string;
  /** The team the role sits in (→ team). */
  team?: Ref;
  /** The role this one reports to (→ role). */
  reports_to?: Ref;
  /**
   * The holder's GitHub handle.
   * @pattern ^@[A-Za-z0-9-]+$
   * @examples ["@octocat"]
   */
  github?: string;
}
