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
  /** The day it meets (weekly, biweekly, monthly and quarterly cadences). */
  day?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
  /**
   * The time it starts, "HH:MM" on the 24-hour clock.
   * @pattern ^([01]\d|2[0-3]):[0-5]\d$
   * @examples ["09:30"]
   */
  time?: string;
  /** The week it meets in: of the month, or of the quarter for quarterly cadences. */
  week?: 'first' | 'second' | 'third' | 'fourth' | 'last';
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
  handbook: { section: 'cadences', title: 'Cadences', label: 'Cadence', nav: 80, pageSize: 40 },
  relations: [
    { path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Runs cadences' },
    { path: ['participants', '*'], targets: ['team', 'role'], label: 'Participants', reverse: 'Takes part in cadences' },
  ],
  template: () => ({
    frontmatter: `frequency: weekly # daily | weekly | biweekly | monthly | quarterly
duration_minutes: 45
day: tuesday # monday … sunday
time: "09:30" # 24-hour
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
