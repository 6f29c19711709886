// The handbook parses bodies with satteri (Astro's native Markdown parser) when it can, for speed;
// its syntax trees must be remark-parse + remark-gfm's, so the pages say exactly what they said.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { markdownParser, parseMarkdown } from '../../src/site/markdown.js';

const remark = unified().use(remarkParse).use(remarkGfm);

interface Node {
  type: string;
  position?: { start: { line: number } };
  children?: Node[];
  [key: string]: unknown;
}

/** The tree without positions and parser data, keys sorted: what the HTML is made from. */
function canonical(node: Node): unknown {
  const { position: _position, data: _data, children, ...rest } = node;
  const entries = Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1));
  if (children) entries.push(['children', children.map(canonical)]);
  return Object.fromEntries(entries);
}

const topLines = (tree: Node) => (tree.children ?? []).map((child) => child.position?.start.line);

const tricky = [
  'www.example.com and https://x.y/z?a=1. and foo@bar.com',
  'a ~one~ b ~~two~~',
  '- [ ] task\n- [x] done',
  'Foot[^1]\n\n[^1]: note',
  '| a | b |\n|---|:-:|\n| `x|y` | \\| |\n| c |',
  '<div>\n*raw*\n</div>\n\ntext <span>x</span> <script>alert(1)</script>',
  'Setext\n===\n\nH2\n---',
  'a\r\nb\r\n\r\nc',
  '\tcode\n\n    code2',
  '&amp; &copy; &#35; &bogus;',
  '*a **b** c*  **a*b*c** _a_b_',
  '[x][y]\n\n[y]: /url "t"',
  '> > > deep\n> - list\n>   - more',
  '[link](<a b> "t") ![img](x.png) [js](javascript:alert(1))',
  '```js\ncode\n```\n~~~\nx\n~~~',
  'line  \nbreak\\\nx',
  '1) a\n2) b\n\n3. c',
  '<https://auto.link> <mailto:a@b.c>',
  'a NUL \u0000 here',
  '| Decision | cpo | cto |\n|---|---|---|\n| Add a bet | D | C |\n\nAfter the table.',
];

describe('the handbook’s Markdown parser', () => {
  test('is satteri here (Astro ships it)', () => {
    expect(markdownParser).toBe('satteri');
  });

  test.each(tricky.map((text, i) => [i, text]))('builds remark’s tree for tricky input %i', (_i, text) => {
    const ours = parseMarkdown(text as string) as Node;
    const theirs = remark.parse(text as string) as unknown as Node;
    expect(canonical(ours)).toEqual(canonical(theirs));
    expect(topLines(ours)).toEqual(topLines(theirs));
  });

  test('builds remark’s tree for every body of the example model and the fixture', () => {
    for (const dir of [join(import.meta.dirname, '../../model'), join(import.meta.dirname, 'fixture/model')]) {
      for (const file of readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.md'))) {
        const body = readFileSync(join(dir, file), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
        const ours = parseMarkdown(body) as Node;
        const theirs = remark.parse(body) as unknown as Node;
        expect(canonical(ours), file).toEqual(canonical(theirs));
        expect(topLines(ours), file).toEqual(topLines(theirs));
      }
    }
  });
});
