// Rule `check-in-metric`: a check-in reporting a metric that is not one of its bet's leading indicators.
import { closest } from '../util/did-you-mean.js';
import { defineRule, positionOf } from './rule.js';

export const rule = defineRule({
  id: 'check-in-metric',
  description: "A check-in indicator whose metric is not one of its bet's leading indicators.",
  defaultSeverity: 'warning',
  messages: {
    notLeading: '`{{metric}}` is not a leading indicator of `{{bet}}` ({{leading}}): report one of those, or add it to the bet\'s `leading_indicators` first.',
  },
  check({ ofKind, byId, report }) {
    for (const checkIn of ofKind('check-in')) {
      const bet = typeof checkIn.data.bet === 'string' ? byId.get(checkIn.data.bet) : undefined;
      if (!bet || bet.kind !== 'bet' || bet.broken) continue; // a missing bet is the ref rule's
      const indicators = Array.isArray(bet.data.leading_indicators) ? (bet.data.leading_indicators as unknown[]) : [];
      const leading = indicators.flatMap((i) => (i && typeof i === 'object' && typeof (i as { metric?: unknown }).metric === 'string' ? [(i as { metric: string }).metric] : []));
      const values = Array.isArray(checkIn.data.indicators) ? checkIn.data.indicators : [];
      values.forEach((value, index) => {
        const metric = value && typeof value === 'object' ? value.metric : undefined;
        // A metric that does not exist at all is the ref rule's; one that is not text, the schema rule's.
        if (typeof metric !== 'string' || leading.includes(metric) || !byId.has(metric)) return;
        const guess = closest(metric, leading);
        report({
          file: checkIn.file,
          position: positionOf(checkIn, `/indicators/${index}/metric`),
          messageId: 'notLeading',
          data: { metric, bet: bet.id, leading: leading.length > 0 ? leading.map((m) => `\`${m}\``).join(', ') : 'it has none' },
          ...(guess ? { expected: [guess] } : {}),
        });
      });
    }
  },
});
