// `opmodel assess`: the score report of the latest structural self-assessment.
import { loadRepository } from '../lint.js';
import { newestFirst, scoreAssessment, thresholdsFrom } from '../model/domain/assessment.js';
import { type Command, formatOption, parse, repoDir, UsageError } from './command.js';
import { ofKind } from '../model/domain/kinds.js';

export const command: Command = {
  help: `Usage: opmodel assess [DIR] [--format text|json]

Score the latest self-assessment in model/assessments/: the total, the band
(healthy, structural-drift below 18, intervention-overdue below 12) and the
categories with three or more statements scored 0 or 1.

Options:
  --format NAME   text (default) or json
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' } });
    if (positionals.length > 1) throw new UsageError('assess takes one DIR.');
    const format = formatOption(values.format, ['text', 'json'] as const, 'text');
    const { model, config } = await loadRepository(repoDir(positionals[0]));
    const thresholds = thresholdsFrom(config.rules.assessment?.options);
    const assessments = newestFirst(ofKind(model.entities, 'assessment').filter((e) => !e.broken), (e) => e.data.date);
    const latest = assessments[0];
    if (!latest) {
      if (format === 'json') process.stdout.write(`${JSON.stringify({ assessment: null }, null, 2)}\n`);
      else process.stdout.write('There is no assessment yet. Create one with `opmodel new assessment "Q4 self-assessment"`.\n');
      return 0;
    }
    const score = scoreAssessment(latest.data, thresholds);
    const previous = assessments[1] ? scoreAssessment(assessments[1].data, thresholds) : undefined;
    if (format === 'json') {
      const report = {
        assessment: { file: latest.file, id: latest.id, title: latest.data.title ?? latest.id, date: latest.data.date },
        total: score.total,
        max: score.max,
        band: score.band,
        thresholds,
        categories: score.categories,
        weakCategories: score.weakCategories,
        previous: previous && assessments[1] ? { file: assessments[1].file, date: assessments[1].data.date, total: previous.total, band: previous.band } : null,
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${String(latest.data.title ?? latest.id)} (${String(latest.data.date)}, ${latest.file})`,
      '',
      `Total: ${score.total} of ${score.max} — ${score.band}`,
      `Bands: below ${thresholds.drift} intervention-overdue · below ${thresholds.healthy} structural-drift · ${thresholds.healthy}+ healthy`,
    ];
    if (previous && assessments[1]) lines.push(`Previous: ${previous.total} on ${String(assessments[1].data.date)} (${previous.band})`);
    lines.push('');
    for (const c of score.categories) {
      if (c.max === 0) continue;
      const bar = '█'.repeat(c.total) + '░'.repeat(c.max - c.total);
      lines.push(`  ${c.name.padEnd(11)} ${String(c.total).padStart(2)}/${String(c.max).padEnd(3)} ${bar}${c.weak ? `  ← weak: ${c.low} statements scored 0 or 1` : ''}`);
    }
    lines.push('');
    if (score.weakCategories.length > 0) {
      lines.push(`Weak categories: ${score.weakCategories.join(', ')}. Three or more low scores in one category point to one structural failure compounding underneath.`);
    } else {
      lines.push('No weak category: no area has three or more statements scored 0 or 1.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
