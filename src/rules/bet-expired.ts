// Rule `bet-expired`: a bet still proposed or active after its quarter has ended.
import { quarterEnd } from '../util/today.js';
import { defineRule, positionOf } from './rule.js';

export const rule = defineRule({
  id: 'bet-expired',
  description: 'A `proposed` or `active` bet whose quarter has ended.',
  defaultSeverity: 'warning',
  scope: 'file',
  messages: {
    expired: '{{quarter}} ended on {{end}} and this bet is still {{status}}: close it (won, lost, killed) or move it to a new quarter.',
  },
  check({ ofKind, today, report }) {
    for (const bet of ofKind('bet')) {
      const status = bet.data.status;
      if (status !== 'proposed' && status !== 'active') continue;
      const end = quarterEnd(bet.data.quarter);
      if (end === null || end >= today) continue;
      report({ file: bet.file, position: positionOf(bet, '/status'), messageId: 'expired', data: { quarter: String(bet.data.quarter), end, status } });
    }
  },
});
