// `opmodel who QUERY`: who decides, is consulted and informed on a decision, with SLA and escalation.
import { loadRepository } from '../lint.js';
import { decisionMatrices, type DecisionRow } from '../model/domain/decision-rights.js';
import { matchScore } from '../model/domain/match.js';
import { type Command, formatOption, noteLeftOut, parse, repoDir, UsageError } from './command.js';
import { escapeControl as stripControl } from '../reporters/escape.js';

export const command: Command = {
  help: `Usage: opmodel who QUERY [DIR] [--all] [--format text|json]

Find who decides, who is consulted and who is informed on a decision, with its
SLA and escalation path. QUERY is a few words of the decision, such as "pricing".

Options:
  --format NAME   text (default) or json
  --all           list every match, not only the best five

Every word of the query must match a word of the decision (or its stem, a
synonym such as new ~ add, or with one typo); small words such as "a", "the" and
"who decides" are ignored. The handbook's "Who decides…?" finder matches the same way.
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, all: { type: 'boolean' } });
    const [query, dir, ...extra] = positionals;
    if (query === undefined || query.trim() === '') throw new UsageError('who needs a QUERY, such as `opmodel who "pricing change"`.');
    if (extra.length > 0) throw new UsageError('who takes QUERY and DIR only; put a query of several words in quotes.');
    const format = formatOption(values.format, ['text', 'json'] as const, 'text');
    const { model } = await loadRepository(repoDir(dir));
    noteLeftOut(model, ['decision-rights']);
    const candidates: { row: DecisionRow; file: string; scheme: string; score: number }[] = [];
    for (const entity of model.entities) {
      if (entity.kind !== 'decision-rights' || entity.broken) continue;
      for (const matrix of decisionMatrices(entity)) {
        for (const row of matrix.rows) {
          const score = matchScore(query, row.decision);
          if (score > 0) candidates.push({ row, file: entity.file, scheme: matrix.scheme, score });
        }
      }
    }
    candidates.sort((a, b) => b.score - a.score || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row.line - b.row.line));
    const shown = values.all ? candidates : candidates.slice(0, 5);
    if (format === 'json') {
      const matches = shown.map(({ row, file, scheme }) => ({
        decision: row.decision,
        file,
        line: row.line,
        scheme,
        decides: row.decides,
        consulted: row.consulted,
        informed: row.informed,
        ...(scheme === 'RACI' || scheme === 'RAPID' ? { responsible: row.responsible } : {}),
        sla: row.sla,
        escalation: row.escalation,
      }));
      process.stdout.write(`${JSON.stringify({ matches }, null, 2)}\n`);
      return 0;
    }
    if (shown.length === 0) {
      process.stdout.write(`No decision matches "${stripControl(query)}". Try fewer or other words.\n`);
      return 0;
    }
    const lines: string[] = [];
    for (const { row, file, scheme } of shown) {
      lines.push(`${stripControl(row.decision)}`, `  ${file}:${row.line} (${scheme})`);
      lines.push(`  decides:     ${row.decides ?? '(nobody — fix this row)'}`);
      if (row.responsible.length) lines.push(`  responsible: ${row.responsible.join(', ')}`);
      lines.push(`  consulted:   ${row.consulted.join(', ') || '—'}`);
      lines.push(`  informed:    ${row.informed.join(', ') || '—'}`);
      lines.push(`  SLA:         ${stripControl(row.sla ?? '—')}`);
      lines.push(`  escalation:  ${stripControl(row.escalation ?? '—')}`, '');
    }
    if (candidates.length > shown.length) {
      const more = candidates.length - shown.length;
      lines.push(`${more} more ${more === 1 ? 'match' : 'matches'}; use --all to see them.`, '');
    }
    process.stdout.write(lines.join('\n'));
    return 0;
  },
};
