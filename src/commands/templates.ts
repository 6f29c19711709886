// The file `opmodel new` writes: the title line, then the kind's template (its definition in
// src/model/domain/kinds/). Dates in it follow the same "today" as lint (OPMODEL_TODAY or the UTC date).
import { currentQuarter, inOneYear, todayString } from '../util/today.js';
import { builtinKind } from '../model/domain/kinds.js';

export { currentQuarter, inOneYear };

const quote = (text: string) => JSON.stringify(text);

/** The file text of a new entity of `kind` titled `title`, from the kind's template (a custom kind gets a bare one), dated `today`. */
export function template(kind: string, title: string, today = todayString()): string {
  const made = builtinKind(kind)?.template?.({ title, today, quarter: currentQuarter(today), inOneYear: inOneYear(today) });
  return `---\ntitle: ${quote(title)}\n${made?.frontmatter ?? ''}---\n${made?.body ?? '\n'}`;
}
