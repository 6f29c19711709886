// Kind `cadence`: a recurring meeting or review and who takes part.
import type { CommonFields, Ref, Text } from './common.js';
import { defineKind } from './define.js';

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

/** The `cadence` kind. */
export const cadence = defineKind<Cadence>()({
  name: 'cadence',
  folder: 'cadences',
  typeName: 'Cadence',
  summary: 'a recurring ritual',
  plural: 'Cadences',
  relations: [
    { path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Runs cadences' },
    { path: ['participants', '*'], targets: ['team', 'role'], label: 'Participants', reverse: 'Takes part in cadences' },
  ],
  template: () => ({
    frontmatter: `frequency: weekly # daily | weekly | biweekly | monthly | quarterly
duration_minutes: 45
owner: # the role or team id that runs it
participants:
  - # a team or role id
inputs:
  - # what it reads
outputs:
  - # what it produces
`,
    body: `
The agenda, and what a good meeting ends with.
`,
  }),
});
