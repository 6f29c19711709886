// Kind `role`: a role in the organisation, and optionally who holds it.
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

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

/** The `role` kind. */
export const role = defineKind<Role>()({
  name: 'role',
  folder: 'roles',
  typeName: 'Role',
  summary: 'a role',
  handbook: {
    section: 'roles', title: 'Roles', label: 'Role', nav: 60,
    description: 'Roles, who holds them and their reporting lines.',
    noun: { one: 'role', many: 'roles' },
    lede: 'Each role page lists who holds it and what it decides, is consulted or informed on.',
  },
  relations: [
    { path: ['team'], targets: ['team'], label: 'Team', reverse: 'Roles' },
    { path: ['reports_to'], targets: ['role'], label: 'Reports to', reverse: 'Direct reports' },
  ],
  template: () => ({
    frontmatter: `holder: # the person who holds the role now
team: # the team id the role sits in
reports_to: # the role id this role reports to
`,
    body: `
What this role is accountable for, and what it decides.
`,
  }),
});
