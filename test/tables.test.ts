// The tables opmodel's body reader (satteri) gives must be remark + GFM's: same cells, text and
// positions, and the same links and raw HTML, on tricky tables and every decision-rights and
// context-table body we have; and a cell's text is what a reader sees.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody } from '../dist/model/read/body.js';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { repoRoot } from './helpers.js';
import { difference, opmodelReader, remarkReader } from './body-readers.js';

function tableFiles(dir: string, into: string[] = []): string[] {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tableFiles(path, into);
    else if (/(decision-rights|context)\/[^/]+\.md$/.test(path)) into.push(path);
  }
  return into;
}

const tricky: [string, string][] = [
  ['no outer pipes', 'Decision | SLA | cpo\n--- | --- | ---\nShip it | 1 day | D\n'],
  ['escaped pipe and code', '| Decision | cpo |\n|---|---|\n| Pick `a \\| b` or **c** | D |\n'],
  ['links and emphasis in cells', '|   | Guardrails |\n|---|---|\n| Which problems to tackle | [Strategy](../operating-model.md) and _more_ |\n'],
  ['short and long rows', '| a | b | c |\n|---|:-:|--:|\n| 1 |\n| 1 | 2 | 3 | 4 |\n'],
  ['table after prose, then prose', 'Intro [x](a.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter [y](b.md).\n'],
  ['two tables', '| a | b |\n|---|---|\n| 1 | 2 |\n\n## Next\n\n| c | d |\n|---|---|\n| 3 | 4 |\n'],
  ['table in a code fence is not a table', '```\n| a | b |\n|---|---|\n```\n'],
  ['CRLF', '| a | b |\r\n|---|---|\r\n| 1 | [x](y.md) |\r\n'],
  ['html in a cell', '| a | b |\n|---|---|\n| <script>x</script> | <img src=x onerror=y> |\n'],
  ['a list line right after a table is no row', '| a | b |\n|---|---|\n| 1 | 2 |\n- not a row\n'],
  ['entities in cells', '| a | b |\n|---|---|\n| &nbsp; | AT&amp;T &lt;b&gt; &copy; &#35; &bogus; |\n'],
  ['underscores inside words stay', '| a | b |\n|---|---|\n| growth_squad_budget | _real emphasis_ |\n'],
  ['a table inside a block quote', '> | a | b |\n> |---|---|\n> | 1 | 2 |\n'],
];

const cells = (body: string) => readBody(body, 1, true).tables.map((t) => [t.header, ...t.rows].map((row) => row.map((c) => c.text)));

describe('the table reader agrees with remark + GFM', () => {
  it.each(tricky)('%s', (_, body) => {
    expect(difference(body, opmodelReader, remarkReader)).toBeUndefined();
  });

  const files = [
    ...tableFiles(join(repoRoot, 'model')),
    ...tableFiles(join(repoRoot, 'test', 'fixtures')),
    ...tableFiles(join(repoRoot, 'bench', '.corpus', '1k', 'model')),
  ];
  it(`on every table body we have (${files.length} files)`, () => {
    expect(files.length).toBeGreaterThan(5);
    let tables = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const body = text.slice(readFrontmatter(text).bodyOffset);
      expect(difference(body, opmodelReader, remarkReader), file).toBeUndefined();
      tables += readBody(body, 1, true).tables.length;
    }
    expect(tables).toBeGreaterThan(files.length * 0.9);
  });
});

describe('a cell holds the text a reader sees', () => {
  it('a list line right after a table is not a row of it', () => {
    expect(cells('| a | b |\n|---|---|\n| 1 | 2 |\n- not a row\n')).toEqual([[['a', 'b'], ['1', '2']]]);
  });

  it('entities decode; `&nbsp;` alone is an empty cell; an unknown entity stays as written', () => {
    expect(cells('| a | b | c |\n|---|---|---|\n| &nbsp; | AT&amp;T &lt;b&gt; &copy; &#35; | &bogus; |\n')).toEqual([
      [['a', 'b', 'c'], ['', 'AT&T <b> © #', '&bogus;']],
    ]);
  });

  it('underscores inside a word stay; emphasis, code marks and links leave their text', () => {
    expect(cells('| a | b | c |\n|---|---|---|\n| growth_squad_budget | _the_ **D** | `x \\| y` [Strategy](a.md) |\n')).toEqual([
      [['a', 'b', 'c'], ['growth_squad_budget', 'the D', 'x | y Strategy']],
    ]);
  });

  it('the decisions of the underscores-and-entities fixture read as written', () => {
    const file = join(repoRoot, 'test/fixtures/decision-matrix/valid-underscores-and-entities-in-cells/decision-rights/growth-decisions.md');
    const text = readFileSync(file, 'utf8');
    const [table] = readBody(text.slice(readFrontmatter(text).bodyOffset), 1, true).tables;
    expect(table!.rows.map((row) => row[0]!.text)).toEqual(['Move money between lines of the growth_squad_budget', 'Spend more than €10k on one R&D experiment']);
  });

  it('a table inside a block quote is a table', () => {
    expect(cells('> | a | b |\n> |---|---|\n> | 1 | 2 |\n')).toEqual([[['a', 'b'], ['1', '2']]]);
  });

  it('a pipe inside a bare web address still splits the row, as GFM says (satteri once kept it)', () => {
    expect(cells('Visit www.x.org/a|.b| a | b |\n|---|---|\n| c | d |\n')).toEqual([]);
  });

  it('a bare web address right before a cell\'s pipe ends at the pipe (satteri once took the pipe into its URL)', () => {
    const body = '| Decision | Context | Notes |\n|---|---|---|\n| Pricing | [Memo](../memo.md) www.x.org| [Log](../log.md) |\n';
    expect(difference(body, opmodelReader, remarkReader)).toBeUndefined();
    expect(readBody(body, 1, true).links.map((l) => l.url)).toContain('http://www.x.org');
  });
});
