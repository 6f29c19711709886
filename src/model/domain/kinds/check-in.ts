// Kind `check-in`: one check-in of one bet: indicator values on a date, confidence, what next.
import type { BaseFields, IsoDate, Ref, Text } from './common.js';
import { defineKind } from './define.js';
import type { LeadingIndicator } from './bet.js';

/** The value of one leading indicator on the check-in's date. */
export interface IndicatorValue {
  /** The metric measured (→ metric): one of the bet's leading indicators. */
  metric: Ref;
  /** The value on that date, as a number in the metric's unit. */
  value: number;
  /**
   * What the number hides, if anything.
   * @minLength 1
   */
  note?: string;
}

/** A check-in of a bet. `title` is optional here: the handbook shows "<bet title>, <date>". */
export interface CheckIn extends BaseFields {
  /**
   * The title shown in the handbook; by default "<bet title>, <date>".
   * @minLength 1
   */
  title?: string;
  /** Optional; must be `check-in` when present. */
  kind?: 'check-in';
  /** The bet checked in on (→ bet). */
  bet: Ref;
  /** The date of the check-in. */
  date: IsoDate;
  /** How the owner rates the bet now. */
  confidence: 'on-track' | 'at-risk' | 'off-track';
  /** The value of each leading indicator on that date. */
  indicators?: IndicatorValue[];
  /** Harm signals seen since the last check-in. */
  harm_signals?: Text[];
  /** What the owner proposes next. */
  next?: 'continue' | 'pivot' | 'pause' | 'kill' | 'won' | 'lost';
}

/** The `check-in` kind. */
export const checkIn = defineKind<CheckIn>()({
  name: 'check-in',
  folder: 'check-ins',
  typeName: 'CheckIn',
  summary: 'a check-in of a bet',
  handbook: { section: 'check-ins', title: 'Check-ins', label: 'Check-in', nav: 110 },
  relations: [
    { path: ['bet'], targets: ['bet'], label: 'Bet', reverse: 'Check-ins' },
    { path: ['indicators', '*', 'metric'], targets: ['metric'], label: 'Indicators', reverse: 'Measured in check-ins' },
  ],
  crossFile: ['date', 'confidence', 'next'],
  // No `template`: `opmodel new check-in BET` writes checkInTemplate below, from the bet.
});

/** The file `opmodel new check-in BET` writes: the bet, the date, one line per leading indicator to fill in. */
export function checkInTemplate(bet: string, today: string, indicators: readonly Partial<LeadingIndicator>[]): string {
  const rows = indicators.map((i) => {
    const goal = typeof i.goal === 'number' ? ` (goal ${i.goal}${typeof i.baseline === 'number' ? `, from ${i.baseline}` : ''})` : '';
    return `  - metric: ${i.metric}\n    value: # the number on ${today}${goal}\n`;
  });
  return `---
bet: ${bet}
date: ${today}
confidence: # on-track | at-risk | off-track
${rows.length > 0 ? `indicators:\n${rows.join('')}` : ''}harm_signals: [] # any harm signal seen since the last check-in, one per line
next: continue # continue | pivot | pause | kill | won | lost
---

What we learned this week.
`;
}
