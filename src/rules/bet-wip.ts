// Rule `bet-wip`: more active bets in one quarter than the portfolio can carry.
import { defineRule } from './rule.js';
import { checkWip } from './wip.js';

export const rule = defineRule({
  id: 'bet-wip',
  description: 'More `active` bets in one quarter than `max` (default 3).',
  defaultSeverity: 'error',
  defaultOptions: { max: 3 },
  optionsSchema: { max: { type: 'integer', minimum: 0, description: 'How many bets may be active in one quarter.' } },
  messages: {
    tooMany: '{{count}} bets are active in {{quarter}}, more than the limit of {{max}}: pause, finish or kill one (also active: {{others}}).',
  },
  check(context) {
    checkWip(context, () => true, '/status');
  },
});
