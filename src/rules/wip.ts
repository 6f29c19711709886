// Shared check for the WIP rules: too many active bets in one quarter.
import type { Entity } from '../model/domain/entity.js';
import type { RuleContext } from './rule.js';
import { positionOf } from './rule.js';

/** Reports every active bet of a quarter whose matching bets exceed `max`, at `pointer`. */
export function checkWip(context: RuleContext<'tooMany', { max: number }>, matches: (bet: Entity<'bet'>) => boolean, pointer: string): void {
  const { max } = context.options;
  const byQuarter = new Map<string, Entity<'bet'>[]>();
  for (const bet of context.ofKind('bet')) {
    if (bet.data.status !== 'active' || !matches(bet)) continue;
    const quarter = String(bet.data.quarter ?? '');
    const list = byQuarter.get(quarter) ?? [];
    list.push(bet);
    byQuarter.set(quarter, list);
  }
  for (const [quarter, bets] of byQuarter) {
    if (bets.length <= max) continue;
    for (const bet of bets) {
      const others = bets.filter((b) => b !== bet);
      context.report({
        file: bet.file,
        position: positionOf(bet, pointer),
        messageId: 'tooMany',
        data: { count: bets.length, quarter, max, others: others.map((b) => b.id).join(', ') },
        related: others.map((b) => ({ file: b.file, position: positionOf(b, '/status'), message: `also active in ${quarter}` })),
      });
    }
  }
}
