// Rule `decision-authority`: a decision record taken under a decision right that does not exist,
// or by someone who does not hold it; also a `supersedes` chain that comes back to itself.
import type { Entity } from '../model/domain/entity.js';
import { rightKey, rightsByText } from '../model/domain/decision-rights.js';
import { closest } from '../util/did-you-mean.js';
import { currentQuarter, isCalendarDate, quarterStart } from '../util/today.js';
import { defineRule, positionOf, type RuleContext } from './rule.js';

/**
 * Decision records the rights rules judge: `proposed` or `decided` (the default), dated on or
 * after the first day of the model's current quarter (`quarter:` of the model root, else today's).
 */
export function currentRecords({ ofKind, today }: Pick<RuleContext, 'ofKind' | 'today'>): Entity<'decision'>[] {
  const start = quarterStart(ofKind('model')[0]?.data.quarter) ?? quarterStart(currentQuarter(today))!;
  return ofKind('decision').filter((d) => {
    const status = d.data.status ?? 'decided';
    const date = d.data.date;
    return (status === 'proposed' || status === 'decided') && typeof date === 'string' && isCalendarDate(date) && date >= start;
  });
}

/** The row a renamed or mistyped right probably means: a near spelling, else the row sharing most words. */
function guessRight(text: string, rows: readonly string[]): string | undefined {
  const near = closest(text, rows);
  if (near) return near;
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const mine = words(text);
  let best: string | undefined;
  let bestShare = 0.6;
  for (const row of rows) {
    const theirs = words(row);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const share = shared / Math.max(mine.size, theirs.size, 1);
    if (share >= bestShare) {
      best = row;
      bestShare = share + 1e-9;
    }
  }
  return best;
}

export const rule = defineRule({
  id: 'decision-authority',
  description: 'A decision record under an unknown decision right, decided by someone who does not hold it, or in a `supersedes` cycle.',
  defaultSeverity: 'error',
  messages: {
    unknownRight: "No decision-rights row reads '{{decision}}'{{fix}}",
    wrongDecider: "`{{decided_by}}` does not decide '{{decision}}': {{decider}} holds {{letter}} on that row ({{file}} line {{line}}). Set `decided_by: {{decider}}`, or change the row first.",
    supersedesCycle: '`supersedes` goes round in a circle ({{chain}}): a record can only replace older ones. Remove the link that points back.',
  },
  check(context) {
    const { ofKind, report } = context;
    const rights = rightsByText(ofKind('decision-rights'));
    const texts = [...rights.values()].map((r) => r.row.decision.trim());
    for (const record of currentRecords(context)) {
      const decision = record.data.decision;
      if (typeof decision !== 'string' || decision.trim() === '') continue; // the schema rule's
      const right = rights.get(rightKey(decision));
      if (!right) {
        const guess = guessRight(decision, texts);
        report({
          file: record.file,
          position: positionOf(record, '/decision'),
          messageId: 'unknownRight',
          data: { decision, fix: guess ? '' : ': copy the first column of a row in decision-rights/, or add the row.' },
          ...(guess ? { expected: [guess] } : {}),
        });
        continue;
      }
      const decider = right.row.decides;
      const decidedBy = record.data.decided_by;
      if (decider === null || typeof decidedBy !== 'string' || decidedBy === decider) continue;
      report({
        file: record.file,
        position: positionOf(record, '/decided_by'),
        messageId: 'wrongDecider',
        data: { decided_by: decidedBy, decision: right.row.decision, decider, letter: right.letter, file: right.file, line: right.row.line },
        related: [{ file: right.file, position: right.row, message: `${decider} holds ${right.letter} here` }],
      });
    }
    reportCycles(ofKind('decision'), report);
  },
});

/** Reports each `supersedes` cycle once, at the `supersedes` of its first record by id. */
function reportCycles(records: Entity<'decision'>[], report: RuleContext<'supersedesCycle'>['report']): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  const next = (r: Entity<'decision'>) => (Array.isArray(r.data.supersedes) ? r.data.supersedes.filter((s): s is string => typeof s === 'string' && byId.has(s)) : []);
  const done = new Set<string>();
  const onPath: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id)) return;
    const at = onPath.indexOf(id);
    if (at >= 0) {
      const cycle = onPath.slice(at);
      const first = [...cycle].sort()[0]!;
      const key = [...cycle].sort().join(' ');
      if (reported.has(key)) return;
      reported.add(key);
      const from = cycle.indexOf(first);
      const chain = [...cycle.slice(from), ...cycle.slice(0, from), first].join(' → ');
      const record = byId.get(first)!;
      report({ file: record.file, position: positionOf(record, '/supersedes'), messageId: 'supersedesCycle', data: { chain } });
      return;
    }
    onPath.push(id);
    for (const target of next(byId.get(id)!)) visit(target);
    onPath.pop();
    done.add(id);
  };
  for (const id of [...byId.keys()].sort()) visit(id);
}
