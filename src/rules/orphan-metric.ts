// Rule `orphan-metric`: a metric that no bet, team or the model steers by.
import { defineRule } from './rule.js';
import { referencesOf } from '../model/domain/relations.js';

export const rule = defineRule({
  id: 'orphan-metric',
  description: 'A metric that no bet, team or the model references.',
  defaultSeverity: 'warning',
  messages: {
    orphan: "Metric '{{id}}' is not used by any bet, team or the model: reference it from a bet's leading_indicators, a team's metrics or the model's north_star — or remove it.",
  },
  check({ entities, relations, report, ofKind }) {
    const used = new Set<string>();
    for (const entity of entities) {
      for (const reference of referencesOf(entity, relations)) {
        if (reference.field.targets.includes('metric') && reference.field.kind !== 'metric') used.add(reference.target);
      }
    }
    for (const metric of ofKind('metric')) {
      if (!used.has(metric.id)) report({ file: metric.file, position: { line: 1, column: 1 }, messageId: 'orphan', data: { id: metric.id } });
    }
  },
});
