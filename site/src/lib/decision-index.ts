// The decision-rights finder's index: every matrix row with its decider and the people in it, as
// compact JSON the finder fetches (decision-rights/index.json). Built once per build from the data.
// Also how the finder narrows it: opmodel's own word matcher, the one `opmodel who` uses.
import { matchedTerms, queryTerms, wordsOf } from '@opmodel/model/domain/match.js';
import type { HandbookEntity } from './data';

/** The index as shipped: people and matrices once, rows pointing at them by position. */
export interface DecisionIndex {
  /** [id, title] of every role or team named in a matrix. */
  people: [string, string][];
  /** [title, base-relative page path] of every decision-rights file. */
  files: [string, string][];
  /** [decision, file, row anchor, decider (person index or -1), people in the row (indexes)]. */
  rows: [string, number, string, number, number[]][];
}

/** The finder's index over the decision-rights entities. */
export function decisionIndex(files: HandbookEntity[], titleOf: (id: string) => string): DecisionIndex {
  const people: [string, string][] = [];
  const position = new Map<string, number>();
  const person = (id: string) => {
    let at = position.get(id);
    if (at === undefined) {
      at = people.length;
      people.push([id, titleOf(id)]);
      position.set(id, at);
    }
    return at;
  };
  const rows: DecisionIndex['rows'] = [];
  files.forEach((file, f) => {
    for (const matrix of file.matrices ?? []) {
      for (const row of matrix.rows) {
        const involved = [...new Set([...Object.keys(row.cells), ...(row.escalation ? [row.escalation] : [])])].map(person);
        rows.push([row.decision, f, row.anchor, row.decides ? person(row.decides) : -1, involved]);
      }
    }
  });
  return { people, files: files.map((file) => [file.title, file.path]), rows };
}

/** A row of the index as the finder searches it: the words of its decision and of its people's names. */
export interface FinderRow {
  decision: string;
  file: number;
  anchor: string;
  decider: number;
  people: number[];
  words: string[];
}

/** The index's rows with their words, computed once per page. */
export function finderRows(index: DecisionIndex): FinderRow[] {
  const peopleWords = index.people.map(([id, title]) => [...wordsOf(title), ...wordsOf(id)]);
  return index.rows.map(([decision, file, anchor, decider, people]) => ({
    decision, file, anchor, decider, people,
    words: [...wordsOf(decision), ...people.flatMap((at) => peopleWords[at]!)],
  }));
}

/**
 * The rows a query finds (among those of person `who`, an index into people, or all for -1): those
 * matching every word of the query, as `opmodel who` matches; when none does, those matching the most
 * words (`partial`).
 */
export function findRows(rows: readonly FinderRow[], query: string, who = -1): { found: readonly FinderRow[]; partial: boolean; filtered: boolean } {
  const terms = queryTerms(query);
  const candidates = who === -1 ? rows : rows.filter((r) => r.people.includes(who));
  const filtered = terms.length > 0 || who !== -1;
  if (terms.length === 0) return { found: candidates, partial: false, filtered };
  const found = candidates.filter((r) => matchedTerms(terms, r.words) === terms.length);
  if (found.length > 0 || terms.length === 1) return { found, partial: false, filtered };
  const scores = candidates.map((r) => matchedTerms(terms, r.words));
  const best = Math.max(0, ...scores);
  return best > 0 ? { found: candidates.filter((_, i) => scores[i] === best), partial: true, filtered } : { found, partial: false, filtered };
}
