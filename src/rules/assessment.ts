// Rule `assessment`: a latest self-assessment (the company-wide one, and each team's) is in band
// structural-drift or intervention-overdue, or has weak categories.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { latestPerTeam, scoreAssessment, thresholdsFrom, thresholdsSource } from '../model/domain/assessment.js';

export const rule = defineRule({
  id: 'assessment',
  description: 'The latest self-assessment (company-wide, and each team\'s) scores in band `structural-drift` or `intervention-overdue`, or has weak categories.',
  defaultSeverity: 'warning',
  // The defaults for fifteen statements; they scale with the number scored. Thresholds are read from
  // the config itself (thresholdsFrom), since only the numbers set there are absolute.
  defaultOptions: { healthy: 18, drift: 12 },
  optionsSchema: {
    healthy: { type: 'integer', minimum: 0, description: 'The lowest total still in band healthy. Default 18 for fifteen statements, scaled by the number scored; a number set here is absolute.' },
    drift: { type: 'integer', minimum: 0, description: 'The lowest total still in band structural-drift. Default 12 for fifteen statements, scaled by the number scored; a number set here is absolute.' },
  },
  messages: {
    band: 'The latest assessment{{whose}} totals {{total}} of {{max}}: band {{band}} (healthy is {{healthy}} or more). Thresholds {{healthy}} and {{drift}}: {{source}}.{{weak}} Run `opmodel assess` for the report.',
    weak: 'The latest assessment{{whose}} is healthy overall, but {{weak}} Run `opmodel assess` for the report.',
  },
  check({ config, report, ofKind }) {
    const latest = latestPerTeam(ofKind('assessment'), (e) => e.data.date, (e) => e.data.team);
    const judged = [
      ...(latest.company ? [{ whose: '', assessment: latest.company }] : []),
      ...latest.teams.map(({ team, assessment }) => ({ whose: ` of team ${team}`, assessment })),
    ];
    const thresholds = thresholdsFrom(config.rules.assessment?.options);
    for (const { whose, assessment } of judged) {
      const score = scoreAssessment(assessment.data, thresholds);
      const weakText = score.weakCategories.length
        ? ` Weak: ${score.weakCategories.join(', ')} (three or more statements scored 0 or 1 point to a structural failure there).`
        : '';
      const position = positionOf(assessment, '/date');
      const { healthy, drift } = score.thresholds;
      if (score.band !== 'healthy') {
        report({
          file: assessment.file, position, messageId: 'band',
          data: { whose, total: score.total, max: score.max, band: score.band, healthy, drift, source: thresholdsSource(score.thresholds, score.scored), weak: weakText },
        });
      } else if (score.weakCategories.length > 0) {
        report({ file: assessment.file, position, messageId: 'weak', data: { whose, weak: weakText.trim().replace(/^Weak: /, 'weak: ') } });
      }
    }
  },
});
