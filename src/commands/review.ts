// `opmodel review [DIR] [--as-of DATE] [--format markdown|json]`: the agenda of the weekly
// operating review, from src/model/domain/review.ts, as Markdown for the meeting notes or as JSON.
import { loadRepository } from '../lint.js';
import { agendaDate, checkInDaysFrom, nothingToReview, reviewAgenda, type Agenda, type Section } from '../model/domain/review.js';
import { markdownCode, markdownText } from '../reporters/github-text.js';
import { asOf, asOfOption, type Command, formatOption, noteLeftOut, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel review [DIR] [--as-of DATE] [--format markdown|json]

The agenda of the weekly operating review: active bets whose check-in is due
(none in 14 days, or check-in-due's max_days) or that are at risk or off track, with their latest numbers
against the goal; harm signals seen in the last week; bets proposing to pivot,
pause, kill or close; proposed decisions waiting, and those past their SLA;
guardrails and principles past review_by; bets whose quarter has ended; and the
cadences that meet that week. Empty sections are left out.

Options:
  --as-of DATE    the review's date (default: today)
  --format NAME   markdown (default, ready to paste into the meeting notes) or json
`,
  async run(args) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, ...asOfOption });
    if (positionals.length > 1) throw new UsageError('review takes one DIR.');
    const format = formatOption(values.format, ['markdown', 'json'] as const, 'markdown');
    const today = asOf(values['as-of']);
    const root = repoDir(positionals[0]);
    const { config, model } = await loadRepository(root);
    noteLeftOut(model);
    const agenda = reviewAgenda(model.entities, today, checkInDaysFrom(config.rules['check-in-due']?.options));
    process.stdout.write(format === 'json' ? `${JSON.stringify({ version: 1, ...agenda }, null, 2)}\n` : agendaMarkdown(agenda));
    return 0;
  },
};

const text = markdownText;
const code = markdownCode;
const longDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

function list<T>(lines: string[], heading: string, section: Section<T> | undefined, item: (t: T) => string[]): void {
  if (!section) return;
  lines.push(`## ${heading}`, '');
  for (const t of section.items) lines.push(...item(t));
  if (section.more > 0) lines.push(`- …and ${section.more} more`);
  lines.push('');
}

/** The agenda as Markdown, ready to paste into the meeting notes. */
export function agendaMarkdown(agenda: Agenda): string {
  // A date as "16 November", with its year when it is not the review's year.
  const short = (date: string) => agendaDate(date, agenda.asOf);
  const lines = [`# Weekly operating review, ${longDate(agenda.asOf)} ${agenda.asOf.slice(0, 4)}`, ''];
  const nothing = nothingToReview(agenda);
  if (nothing) return `${lines.join('\n')}${nothing}\n`;
  list(lines, 'Bets to discuss', agenda.bets, (b) => {
    const why = b.reasons.map((r) => (r === 'check-in due' ? (b.lastCheckIn ? `check-in due (last ${short(b.lastCheckIn)})` : 'no check-in yet') : `**${r}**`));
    const head = `- **${text(b.title)}** (${code(b.bet)}): ${why.join(', ')}${b.lastCheckIn && !b.reasons.includes('check-in due') ? ` on ${short(b.lastCheckIn)}` : ''}`;
    const numbers = b.lastCheckIn
      ? b.indicators.map((i) => `  - ${code(i.metric)}: ${i.value ?? 'no value'}${i.goal !== null ? ` against a goal of ${i.goal}` : ''}${i.baseline !== null ? ` (from ${i.baseline})` : ''}`)
      : [];
    return [head, ...numbers];
  });
  list(lines, 'Harm signals this week', agenda.harmSignals, (h) => [`- *${text(h.title)}*, ${short(h.date)}: ${text(h.signal)}`]);
  list(lines, 'Bets proposing a change', agenda.proposals, (p) => [`- *${text(p.title)}* (${code(p.bet)}): the owner proposes to **${p.next === 'won' || p.next === 'lost' ? `close it as ${p.next}` : p.next}** (check-in of ${short(p.date)})`]);
  list(lines, 'Decisions waiting', agenda.decisions, (d) => {
    const who = d.decidedBy ? `for ${code(d.decidedBy)} to decide` : 'with no decider named';
    const late = d.overdue ? `; **past its SLA** of ${text(d.sla!)} (due ${short(d.due!)})` : d.due ? `; due by ${short(d.due)}` : '';
    return [`- *${text(d.title)}*: "${text(d.decision)}", ${who}, proposed ${d.date ? short(d.date) : 'on no date'}${late}`];
  });
  list(lines, 'Guardrails and principles past review', agenda.pastReview, (g) => [`- *${text(g.title)}* (${g.type}, ${code(g.id)}): review was due ${short(g.reviewBy)}`]);
  list(lines, 'Bets whose quarter has ended', agenda.quarterEnded, (b) => [`- *${text(b.title)}* (${code(b.bet)}): ${b.quarter} is over and the bet is still ${b.status}; close it as won, lost or killed, or move it to this quarter`]);
  list(lines, 'Cadences this week', agenda.cadences, (c) => {
    const when = c.frequency === 'daily' ? 'Every day' : c.date ? longDate(c.date) : 'This week';
    const every = c.frequency === 'biweekly' ? ' (every other week)' : '';
    return [`- ${when}${c.time ? ` ${c.time}` : ''}${every}: ${text(c.title)}${c.durationMinutes ? `, ${c.durationMinutes} minutes` : ''}`];
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
