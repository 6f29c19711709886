// Rule `initiative-wip`: more active strategic initiatives in one quarter than `max`.
import { defineRule } from './rule.js';
import { checkWip } from './wip.js';

export const rule = defineRule({
  id: 'initiative-wip',
  description: 'More active `strategic-initiative` bets in one quarter than `max` (default 1).',
  defaultSeverity: 'warning',
  defaultOptions: { max: 1 },
  optionsSchema: { max: { type: 'integer', minimum: 0, description: 'How many strategic initiatives may be active in one quarter.' } },
  messages: {
    tooMany: '{{count}} strategic initiatives are active in {{quarter}}, more than the limit of {{max}}: run one at a time, or make one a product-group bet (also active: {{others}}).',
  },
  check(context) {
    checkWip(context, (bet) => bet.data.level === 'strategic-initiative', '/level');
  },
});
