// The table reader must give the tables remark + GFM gives: same cells, text and positions,
// and the same links and raw HTML, on every decision-rights and context-table body we have.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTableBody } from '../dist/model/body.js';
import { parseBody } from '../dist/model/body-remark.js';
import { readFrontmatter } from '../dist/model/frontmatter.js';
import { repoRoot } from './helpers.js';

function tableFiles(dir: string, into: string[] = []): string[] {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tableFiles(path, into);
    else if (/(decision-rights|context)\/[^/]+\.md$/.test(path)) into.push(path);
  }
  return into;
}

const summary = (body: ReturnType<typeof parseBody>) => ({
  tables: body.tables.map((t) => ({
    line: t.line,
    header: t.header.map((c) => `${c.line}:${c.column} ${c.text}`),
    rows: t.rows.map((r) => r.map((c) => `${c.line}:${c.column} ${c.text} [${c.links.map((l) => l.url).join(' ')}]`)),
  })),
  links: body.links.map((l) => `${l.type} ${l.line}:${l.column} ${l.url}`).sort(),
  html: body.unsafeHtml.map((u) => `${u.line}:${u.column} ${u.what}`).sort(),
});

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
];

describe('the table reader agrees with remark + GFM', () => {
  it.each(tricky)('%s', (_, body) => {
    expect(summary(parseTableBody(body, 5))).toEqual(summary(parseBody(body, 5, true)));
  });

  const files = [
    ...tableFiles(join(repoRoot, 'model')),
    ...tableFiles(join(repoRoot, 'test', 'fixtures')),
    ...tableFiles(join(repoRoot, 'bench', '.corpus', '1k', 'model')),
  ];
  it(`on every table body we have (${files.length} files)`, () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fm = readFrontmatter(text);
      const body = text.slice(fm.bodyOffset);
      expect(summary(parseTableBody(body, fm.bodyLine)), file).toEqual(summary(parseBody(body, fm.bodyLine, true)));
    }
  });
});
