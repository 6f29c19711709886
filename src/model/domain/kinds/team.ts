// Kind `team`: a product team, product group, platform or enabling team.
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

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

/** The `team` kind. */
export const team = defineKind<Team>()({
  name: 'team',
  folder: 'teams',
  typeName: 'Team',
  summary: 'a team',
  handbook: { section: 'teams', title: 'Teams', label: 'Team', nav: 50, unitInTitle: false },
  relations: [
    { path: ['lead'], targets: ['role'], label: 'Lead', reverse: 'Leads teams' },
    { path: ['members', '*'], targets: ['role'], label: 'Members', reverse: 'Member of teams' },
    { path: ['parent'], targets: ['team'], label: 'Parent team', reverse: 'Teams within' },
    { path: ['metrics', '*'], targets: ['metric'], label: 'Outcome metrics', reverse: 'Owned as an outcome by' },
  ],
  template: () => ({
    frontmatter: `type: product-team # product-team | product-group | platform | enabling
lead: # the role id of the team's lead
members: []
metrics: []
`,
    body: `
What the team owns, for whom, and how to reach it.
`,
  }),
});
