// Rule `check-in-due`: an active bet nobody has checked in on for more than `max_days`.
import { addDays, checkInsByBet, defaultCheckInDays } from '../model/domain/review.js';
import { defineRule, positionOf } from './rule.js';

export const rule = defineRule({
  id: 'check-in-due',
  description: 'An `active` bet whose latest check-in is more than `max_days` (default 14) before today, or that has none.',
  defaultSeverity: 'warning',
  defaultOptions: { max_days: defaultCheckInDays },
  optionsSchema: { max_days: { type: 'integer', minimum: 0, description: 'How many days may pass between check-ins of an active bet.' } },
  messages: {
    none: 'This bet is active but has no check-in: run `opmodel new check-in {{bet}}` and fill in its leading indicators.',
    overdue: 'The last check-in of this active bet was on {{date}}, {{days}} days ago (more than {{max}}): run `opmodel new check-in {{bet}}`.',
  },
  check({ ofKind, today, options, report }) {
    const byBet = checkInsByBet(ofKind('check-in'), today);
    const dueBefore = addDays(today, -options.max_days);
    for (const bet of ofKind('bet')) {
      if (bet.data.status !== 'active') continue;
      const last = byBet.get(bet.id)?.at(-1)?.data.date;
      const position = positionOf(bet, '/status');
      if (!last) report({ file: bet.file, position, messageId: 'none', data: { bet: bet.id } });
      else if (last < dueBefore) {
        const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last}T00:00:00Z`)) / 86_400_000);
        report({ file: bet.file, position, messageId: 'overdue', data: { bet: bet.id, date: last, days, max: options.max_days } });
      }
    }
  },
});
