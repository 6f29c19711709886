// Rule `assessment`: the latest self-assessment is in band structural-drift or intervention-overdue.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { newestFirst, scoreAssessment, thresholdsFrom } from '../model/domain/assessment.js';

export const rule = defineRule({
  id: 'assessment',
  description: 'The latest self-assessment scores in band `structural-drift` or `intervention-overdue`, or has weak categories.',
  defaultSeverity: 'warning',
  defaultOptions: { healthy: 18, drift: 12 },
  optionsSchema: {
    healthy: { type: 'integer', minimum: 0, description: 'The lowest total still in band healthy.' },
    drift: { type: 'integer', minimum: 0, description: 'The lowest total still in band structural-drift.' },
  },
  messages: {
    band: 'The latest assessment totals {{total}} of {{max}}: band {{band}} (healthy is {{healthy}} or more).{{weak}} Run `opmodel assess` for the report.',
    weak: 'The latest assessment is healthy overall, but {{weak}} Run `opmodel assess` for the report.',
  },
  check({ options, report, ofKind }) {
    const [latest] = newestFirst(ofKind('assessment'), (e) => e.data.date);
    if (!latest) return;
    const thresholds = thresholdsFrom(options);
    const score = scoreAssessment(latest.data, thresholds);
    const weakText = score.weakCategories.length
      ? ` Weak: ${score.weakCategories.join(', ')} (three or more statements scored 0 or 1 point to a structural failure there).`
      : '';
    const position = positionOf(latest, '/date');
    if (score.band !== 'healthy') {
      report({ file: latest.file, position, messageId: 'band', data: { total: score.total, max: score.max, band: score.band, healthy: thresholds.healthy, weak: weakText } });
    } else if (score.weakCategories.length > 0) {
      report({ file: latest.file, position, messageId: 'weak', data: { weak: weakText.trim().replace(/^Weak: /, 'weak: ') } });
    }
  },
});
