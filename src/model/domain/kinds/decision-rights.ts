// Kind `decision-rights`: decision matrices kept as GFM tables in the body.
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

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

/** The `decision-rights` kind. */
export const decisionRights = defineKind<DecisionRights>()({
  name: 'decision-rights',
  folder: 'decision-rights',
  typeName: 'DecisionRights',
  summary: 'decision-rights matrices',
  handbook: { section: 'decision-rights', title: 'Decision rights', label: 'Decision rights', nav: 30 },
  relations: [
    { path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns decision rights' },
  ],
  tables: true,
  crossFile: ['scheme'],
  template: ({ title }) => ({
    frontmatter: `owner: # the role or team id that keeps this matrix current
scheme: DCI
`,
    body: `
D decides, C is consulted, I is informed. One D per row.

| Decision | SLA | Escalation | role-id | other-role-id |
|----------|-----|------------|---------|---------------|
| ${title} | 5 business days | role-id | D | C |
`,
  }),
});
