// `opmodel assess`: the score report of the latest structural self-assessments: the company-wide
// one first, then each team's latest.
import { loadRepository } from '../lint.js';
import { type AssessmentResult, latestPerTeam, scoreAssessment, type Thresholds, thresholdsFrom, thresholdsSource } from '../model/domain/assessment.js';
import { type Command, formatOption, noteLeftOut, parse, repoDir, UsageError } from './command.js';
import { ofKind } from '../model/domain/kinds.js';
import type { Entity } from '../model/domain/entity.js';

export const command: Command = {
  help: `Usage: opmodel assess [DIR] [--format text|json]

Score the latest self-assessment in model/assessments/ (the company-wide one,
then each team's latest): the total, the band and the categories with three or
more statements scored 0 or 1. For fifteen statements the bands are healthy
from 18, structural-drift below 18, intervention-overdue below 12; with fewer
or more statements they scale (10 statements: 12 and 8). Thresholds set in
opmodel.config.yaml are used as they are.

Options:
  --format NAME   text (default) or json
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' } });
    if (positionals.length > 1) throw new UsageError('assess takes one DIR.');
    const format = formatOption(values.format, ['text', 'json'] as const, 'text');
    const { model, config } = await loadRepository(repoDir(positionals[0]));
    noteLeftOut(model, ['assessment']);
    const thresholds = thresholdsFrom(config.rules.assessment?.options);
    const all = ofKind(model.entities, 'assessment').filter((e) => !e.broken);
    const latest = latestPerTeam(all, (e) => e.data.date, (e) => e.data.team);
    const reports = [
      ...(latest.company ? [report(latest.company, undefined, latest.previous.get(latest.company), thresholds)] : []),
      ...latest.teams.map(({ team, assessment }) => report(assessment, team, latest.previous.get(assessment), thresholds)),
    ];
    if (format === 'json') {
      const teams = latest.teams.map(({ team }, i) => ({ team, ...reports[i + (latest.company ? 1 : 0)]!.json }));
      const company = latest.company ? reports[0]!.json : { assessment: null };
      process.stdout.write(`${JSON.stringify({ ...company, teams }, null, 2)}\n`);
      return 0;
    }
    if (reports.length === 0) {
      process.stdout.write('There is no assessment yet. Create one with `opmodel new assessment "Q4 self-assessment"`.\n');
      return 0;
    }
    if (!latest.company) reports.unshift({ json: {}, text: ['There is no company-wide assessment (one without `team`) yet; the teams\' latest follow.'] });
    process.stdout.write(`${reports.map((r) => r.text.join('\n')).join('\n\n')}\n`);
    return 0;
  },
};

/** One latest assessment's report, as JSON and as text; `before` is the one before it of the same team (or company-wide). */
function report(entity: Entity<'assessment'>, team: string | undefined, before: Entity<'assessment'> | undefined, thresholds: Thresholds): { json: Record<string, unknown>; text: string[] } {
  const score = scoreAssessment(entity.data, thresholds);
  const written = Array.isArray(entity.data.scores) ? entity.data.scores.length : 0;
  if (written > score.scored) {
    const n = written - score.scored;
    process.stderr.write(`opmodel: ${entity.file}: ${n} statement${n === 1 ? ' has' : 's have'} no valid score (a whole number from 0 to 3) and ${n === 1 ? 'is' : 'are'} left out of the total: run \`opmodel lint\` to see which.\n`);
  }
  const previous: AssessmentResult | undefined = before ? scoreAssessment(before.data, thresholds) : undefined;
  const json = {
    assessment: { file: entity.file, id: entity.id, title: entity.data.title ?? entity.id, date: entity.data.date, team: team ?? null },
    total: score.total,
    max: score.max,
    band: score.band,
    thresholds: score.thresholds,
    categories: score.categories,
    weakCategories: score.weakCategories,
    previous: previous && before ? { file: before.file, date: before.data.date, total: previous.total, band: previous.band } : null,
  };
  const { healthy, drift } = score.thresholds;
  const lines = [
    `${team ? `Team ${team}: ` : ''}${String(entity.data.title ?? entity.id)} (${String(entity.data.date)}, ${entity.file})`,
    '',
    `Total: ${score.total} of ${score.max} — ${score.band}`,
    `Bands: below ${drift} intervention-overdue · below ${healthy} structural-drift · ${healthy}+ healthy (${thresholdsSource(score.thresholds, score.scored)})`,
  ];
  if (previous && before) lines.push(`Previous: ${previous.total} on ${String(before.data.date)} (${previous.band})`);
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
  return { json, text: lines };
}
