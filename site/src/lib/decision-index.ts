// The decision-rights finder's index: every matrix row with its decider and the people in it, as
// compact JSON the finder fetches (decision-rights/index.json). Built once per build from the data.
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
