// "Did you mean …?" suggestions for mistyped ids, field names and enum values.

/** Edit distance between two strings (Levenshtein); stops early once it must exceed `limit`. */
export function distance(a: string, b: string, limit = 99): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > Math.min(limit, 8)) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return 99;
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    // Plural/singular and prefix slips count as close.
    const prefix = Math.min(c.length, lower.length) >= 4 && (c.startsWith(lower) || lower.startsWith(c));
    if (!prefix && Math.abs(c.length - lower.length) > allowed) continue;
    // A prefix is the weakest acceptable match: a real near-spelling beats it
    // (`billing-iberia-head-of-prdouct` → `…-head-of-product`, not `billing-iberia`).
    let score = distance(lower, c, allowed);
    if (prefix) score = Math.min(score, allowed);
    const closerLength = best !== undefined && Math.abs(c.length - lower.length) < Math.abs(best.length - lower.length);
    if (score < bestScore || (score === bestScore && closerLength)) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= allowed ? best : undefined;
}

/** ` Did you mean 'x'?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best ? `; did you mean '${best}'?` : '';
}
