// Rule `decision-consulted`: a decision record that did not consult everyone its decision right marks C.
import { defineRule, positionOf } from './rule.js';
import { rightsByText } from '../model/domain/decision-rights.js';
import { currentRecords } from './decision-authority.js';

export const rule = defineRule({
  id: 'decision-consulted',
  description: "A decision record whose `consulted` leaves out a role or team its decision-rights row marks C.",
  defaultSeverity: 'warning',
  messages: {
    missing: "'{{decision}}' is to be taken after consulting {{missing}} ({{file}} line {{line}}): consult them and add them to `consulted`, or say in the body why not.",
  },
  check(context) {
    const { ofKind, report } = context;
    const rights = rightsByText(ofKind('decision-rights'));
    for (const record of currentRecords(context)) {
      if (typeof record.data.decision !== 'string') continue;
      const right = rights.get(record.data.decision.trim().toLowerCase());
      if (!right) continue; // decision-authority's
      const consulted = new Set(Array.isArray(record.data.consulted) ? record.data.consulted : []);
      const missing = right.row.consulted.filter((id) => !consulted.has(id) && id !== record.data.decided_by);
      if (missing.length === 0) continue;
      report({
        file: record.file,
        position: positionOf(record, record.data.consulted !== undefined ? '/consulted' : '/decision'),
        messageId: 'missing',
        data: { decision: right.row.decision, missing: missing.map((id) => `\`${id}\``).join(', '), file: right.file, line: right.row.line },
        related: [{ file: right.file, position: right.row, message: 'the row that marks them C' }],
      });
    }
  },
});
