// `opmodel who QUERY`: who decides, is consulted and informed on a decision, with SLA and escalation.
import { lint } from '../lint.js';
import { decisionMatrices, type DecisionRow } from '../model/decision-rights.js';
import { type Command, formatOption, parse, repoDir, UsageError } from './command.js';
import { escapeControl as stripControl } from '../reporters/escape.js';

export const command: Command = {
  help: `Usage: opmodel who QUERY [DIR] [--format text|json]

Find who decides, who is consulted and who is informed on a decision, with its
SLA and escalation path. QUERY is a few words of the decision, such as "pricing".

Options:
  --format NAME   text (default) or json
  --all           list every match, not only the best five

Every word of the query must match a word of the decision (or its stem, or with
one typo); small words such as "a" and "the" are ignored.
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, all: { type: 'boolean' } });
    const [query, dir, ...extra] = positionals;
    if (query === undefined || query.trim() === '') throw new UsageError('who needs a QUERY, such as `opmodel who "pricing change"`.');
    if (extra.length > 0) throw new UsageError('who takes QUERY and DIR only; put a query of several words in quotes.');
    const format = formatOption(values.format, ['text', 'json'] as const, 'text');
    const { model } = await lint(repoDir(dir));
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

const stopWords = new Set(['a', 'an', 'the', 'of', 'to', 'on', 'in', 'for', 'and', 'or', 'our', 'we', 'who', 'what', 's', 'is', 'be', 'by', 'with', 'at', 'it']);

/** The meaningful words of a text, lower-case and without accents. */
const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !stopWords.has(w));

/** Whether two words share a stem: one starts the other, or both start with the same 4+ letters. */
function sameStem(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.length >= 3 && longer.startsWith(shorter)) return true;
  let common = 0;
  while (common < shorter.length && a[common] === b[common]) common++;
  return common >= 4 && common >= shorter.length - 2;
}

/**
 * How well a decision's text matches a query: every meaningful query word must match a word of
 * the decision (exactly, by stem, or with one typo); the whole phrase in order scores highest.
 */
export function matchScore(query: string, decision: string): number {
  const q = words(query);
  const d = words(decision);
  if (q.length === 0 || d.length === 0) return 0;
  let score = d.join(' ').includes(q.join(' ')) ? 10 : 0;
  for (const term of q) {
    if (d.includes(term)) score += 3;
    else if (d.some((w) => sameStem(term, w))) score += 2;
    else if (term.length >= 5 && d.some((w) => w.length >= 4 && editDistanceAtMostOne(term, w))) score += 1;
    else return 0;
  }
  return score;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
