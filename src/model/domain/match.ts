// Matching a question to decisions, one matcher for `opmodel who` and the handbook's "Who decides…?"
// finder (which bundles this module for the browser: keep it free of Node imports). The query is split
// into words, small words are dropped, and every remaining word must match a word of the row — exactly,
// by a shared stem (pricing ~ prices, hiring ~ hire), as the start of a longer word (what you are still
// typing), with one typo, or through a few synonyms of the verbs decisions start with (a new bet ~ add a bet).

/** Words a query may contain that say nothing about the decision. */
export const stopWords = new Set(['a', 'an', 'the', 'of', 'to', 'on', 'in', 'for', 'and', 'or', 'our', 'we', 'who', 'what', 'is', 'be', 'by', 'with', 'at', 'it', 's', 'decides', 'decide']);

/** Verbs that mean the same in a decision's wording; matched by stem. */
const synonyms: string[][] = [
  ['add', 'new', 'create', 'open', 'start', 'launch', 'introduce'],
  ['kill', 'stop', 'cancel', 'retire', 'drop'],
  ['hire', 'recruit'],
];

/** Lower-case words without accents, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a query that have to match: its words without the small ones. */
export function queryTerms(query: string): string[] {
  return [...new Set(wordsOf(query).filter((word) => !stopWords.has(word)))];
}

const suffixes: [string, string][] = [
  ['ings', ''], ['ing', ''], ['ations', ''], ['ation', ''], ['ions', ''], ['ion', ''], ['ies', 'y'], ['ied', 'y'],
  ['ers', ''], ['er', ''], ['es', ''], ['ed', ''], ['ly', ''], ['s', ''], ['e', ''],
];

/** A light English stem: `pricing`, `prices`, `price` → `pric`; `hiring`, `hire`, `hired` → `hir`. */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    known = word;
    for (const [suffix, replacement] of suffixes) {
      if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
        known = word.slice(0, -suffix.length) + replacement;
        break;
      }
    }
    // The words of one page or one build are few and recur in every row: remember them.
    if (stems.size > 50_000) stems.clear();
    stems.set(word, known);
  }
  return known;
}
const stems = new Map<string, string>();

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function oneEditApart(a: string, b: string): boolean {
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

/** Whether two words are the same word for the filter (without synonyms). */
function sameWord(term: string, word: string): boolean {
  if (term === word) return true;
  if (word.startsWith(term)) return true; // still typing: `pric` finds `prices`
  const a = stem(term);
  const b = stem(word);
  if (a === b) return true;
  // A shared stem as `opmodel who` sees it: one starts the other, or 4+ letters in common.
  const shorter = Math.min(term.length, word.length);
  if (shorter >= 3 && term.startsWith(word)) return true;
  const common = commonPrefix(term, word);
  if (common >= 4 && common >= shorter - 2) return true;
  return term.length >= 5 && word.length >= 4 && oneEditApart(term, word);
}

/** The synonyms of a term (their words and stems), or null: looked up once per term. */
function synonymsOf(term: string): { names: Set<string>; stems: Set<string> } | null {
  let known = groups.get(term);
  if (known === undefined) {
    const group = synonyms.find((names) => names.some((name) => name === term || stem(name) === stem(term)));
    known = group ? { names: new Set(group), stems: new Set(group.map(stem)) } : null;
    groups.set(term, known);
  }
  return known;
}
const groups = new Map<string, { names: Set<string>; stems: Set<string> } | null>();

/** Whether a query term matches a word of the row, synonyms included. */
export function termMatches(term: string, word: string): boolean {
  if (sameWord(term, word)) return true;
  const group = synonymsOf(term);
  return group !== null && (group.names.has(word) || group.stems.has(stem(word)));
}

/** How many of the terms match some word of the row. */
export function matchedTerms(terms: readonly string[], rowWords: readonly string[]): number {
  return terms.filter((term) => rowWords.some((word) => termMatches(term, word))).length;
}

/** Whether every term matches a word of the row. */
export function matchesAll(terms: readonly string[], rowWords: readonly string[]): boolean {
  return matchedTerms(terms, rowWords) === terms.length;
}

/** Example queries for the filter's placeholder: the first few that find a decision in these rows. */
export function exampleQueries(rows: readonly string[][], count = 3): string[] {
  const candidates = ['pricing', 'hiring', 'a new bet', 'a discount', 'an incident', 'the API', 'onboarding', 'a new role', 'a guardrail exception', 'a team'];
  // Each distinct word is judged once per term (a model's rows repeat the same few hundred words).
  const words = new Set(rows.flat());
  const found: string[] = [];
  for (const query of candidates) {
    if (found.length === count) break;
    const matching = queryTerms(query).map((term) => new Set([...words].filter((word) => termMatches(term, word))));
    if (rows.some((row) => matching.every((set) => row.some((word) => set.has(word))))) found.push(query);
  }
  if (found.length > 0) return found;
  // None of ours fit: the first meaningful word of the first decisions.
  return [...new Set(rows.map((row) => row.find((word) => !stopWords.has(word) && word.length > 3)).filter((word): word is string => Boolean(word)))].slice(0, count);
}

/**
 * How well a decision's text matches a query, 0 when it does not: every query term must match a word
 * of the decision; an exact word scores more than a stem, typo or synonym, the whole phrase in order most.
 */
export function matchScore(query: string, decision: string): number {
  const terms = queryTerms(query);
  const words = wordsOf(decision).filter((word) => !stopWords.has(word));
  if (terms.length === 0 || words.length === 0) return 0;
  let score = words.join(' ').includes(terms.join(' ')) ? 10 : 0;
  for (const term of terms) {
    if (words.includes(term)) score += 3;
    else if (words.some((word) => termMatches(term, word))) score += 2;
    else return 0;
  }
  return score;
}
