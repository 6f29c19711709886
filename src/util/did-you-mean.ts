// "Did you mean …?" suggestions for mistyped ids, field names and enum values.

/** Scratch rows for `distance`, grown as needed (one linter runs one comparison at a time). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
const far = 1 << 20;

/**
 * Edit distance between two strings (Levenshtein). Only distances up to `limit` are exact: the
 * table is computed in a band of width `limit` around the diagonal, and the answer is 99 as
 * soon as every cell of a row exceeds `limit`.
 */
export function distance(a: string, b: string, limit = 99): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > Math.min(limit, 8)) return 99;
  const band = Math.min(limit, Math.max(n, m));
  if (previousRow.length < m + 2) {
    previousRow = new Int32Array(m + 2);
    currentRow = new Int32Array(m + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= m + 1; j++) previous[j] = j <= band ? j : far;
  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(m, i + band);
    current[low - 1] = low === 1 ? i : far;
    let rowMin = current[low - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      let value = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const up = previous[j]! + 1;
      if (up < value) value = up;
      const left = current[j - 1]! + 1;
      if (left < value) value = left;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[high + 1] = far;
    if (rowMin > limit) return 99;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[m]!, 99);
}

/** Lower-cased copies of candidate lists that are asked about more than once. */
const lowered = new WeakMap<readonly string[], string[]>();

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  let lower = lowered.get(list);
  if (!lower) {
    lower = list.map((c) => c.toLowerCase());
    lowered.set(list, lower);
  }
  const target = word.toLowerCase();
  const allowed = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (let i = 0; i < list.length; i++) {
    const c = lower[i]!;
    // Plural/singular and prefix slips count as close.
    const prefix = Math.min(c.length, target.length) >= 4 && (c.startsWith(target) || target.startsWith(c));
    if (!prefix && Math.abs(c.length - target.length) > allowed) continue;
    // A prefix is the weakest acceptable match: a real near-spelling beats it
    // (`billing-iberia-head-of-prdouct` → `…-head-of-product`, not `billing-iberia`).
    let score = distance(target, c, allowed);
    if (prefix) score = Math.min(score, allowed);
    const closerLength = best !== undefined && Math.abs(c.length - target.length) < Math.abs(best.length - target.length);
    if (score < bestScore || (score === bestScore && closerLength)) {
      bestScore = score;
      best = list[i];
    }
  }
  return best !== undefined && bestScore <= allowed ? best : undefined;
}
