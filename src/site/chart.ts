// The geometry of a bet's indicator chart (values over check-ins against baseline and goal), computed
// at build time so the handbook draws a plain SVG without client code or a chart library.
import type { IndicatorChart } from './handbook-data.js';

/** The drawing area: the plot sits inside this box, leaving `pad` for the axis labels. */
export const chartBox = { width: 480, height: 200, left: 48, right: 84, top: 12, bottom: 28 };

/** Label rows closer than this (SVG units) are pushed apart, so "goal" and "baseline" never overprint. */
const labelGap = 13;

/** Points in SVG coordinates for one indicator: x spread evenly by check-in, y scaled to cover values, baseline and goal. */
export function indicatorChart(metric: string, baseline: number | null, goal: number | null, values: { date: string; value: number; checkIn: string }[]): IndicatorChart {
  const { width, height, left, right, top, bottom } = chartBox;
  const numbers = [...values.map((v) => v.value), ...(baseline === null ? [] : [baseline]), ...(goal === null ? [] : [goal])];
  let min = numbers.length ? Math.min(...numbers) : 0;
  let max = numbers.length ? Math.max(...numbers) : 1;
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const yOf = (value: number) => round(top + ((max - value) / (max - min)) * plotH);
  const xOf = (i: number) => round(values.length <= 1 ? left + plotW / 2 : left + (i / (values.length - 1)) * plotW);
  const baselineY = baseline === null ? null : yOf(baseline);
  const goalY = goal === null ? null : yOf(goal);
  return {
    metric, baseline, goal, min, max, width, height,
    plot: { left, right: width - right, top, bottom: height - bottom },
    points: values.map((v, i) => ({ ...v, x: xOf(i), y: yOf(v.value) })),
    baselineY,
    goalY,
    ...labels(baselineY, goalY),
  };
}

/**
 * Where the baseline and goal labels sit: right of the plot (where no point is drawn), level with
 * their line, pushed apart when the two lines are close.
 */
function labels(baselineY: number | null, goalY: number | null): { baselineLabelY: number | null; goalLabelY: number | null } {
  let b = baselineY === null ? null : baselineY + 4;
  let g = goalY === null ? null : goalY + 4;
  if (b !== null && g !== null && Math.abs(b - g) < labelGap) {
    const middle = (b + g) / 2;
    const goalAbove = g <= b;
    g = round(middle + (goalAbove ? -labelGap / 2 : labelGap / 2));
    b = round(middle + (goalAbove ? labelGap / 2 : -labelGap / 2));
  }
  return { baselineLabelY: b, goalLabelY: g };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
