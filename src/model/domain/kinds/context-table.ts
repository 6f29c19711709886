// Kind `context-table`: the 3×3 grid of guardrails, principles and guidance, as a GFM table.
import type { CommonFields, Ref } from './common.js';
import { defineKind } from './define.js';

/** The context grid; the table lives in the body. */
export interface ContextTable extends CommonFields {
  /** Optional; must be `context-table` when present. */
  kind?: 'context-table';
  /** Who keeps the grid current (→ role | team). */
  owner?: Ref;
}

/** The `context-table` kind. */
export const contextTable = defineKind<ContextTable>()({
  name: 'context-table',
  folder: 'context',
  typeName: 'ContextTable',
  summary: 'the 3×3 context grid',
  handbook: { section: 'context', title: 'Context', label: 'Context table', nav: 40, pageSize: 20 },
  relations: [
    { path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns context tables' },
  ],
  tables: true,
  template: () => ({
    frontmatter: `owner: # the role or team id that keeps the grid current
`,
    body: `
|                           | Guardrails | Principles | Guidance |
|---------------------------|------------|------------|----------|
| Which problems to tackle  | [Product strategy](../operating-model.md) | | |
| How to solve the problem  | | | |
| How to build the solution | | | |
`,
  }),
});
