// The fast body scan must find exactly the links and raw HTML that remark finds, at the same
// places: checked on tricky Markdown and on every body of the example model and the fixtures.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBody } from '../dist/model/scan.js';
import { parseBody } from '../dist/model/body-remark.js';
import { readFrontmatter } from '../dist/model/frontmatter.js';
import { repoRoot } from './helpers.js';

const tricky: [string, string][] = [
  ['plain link', 'See [the strategy](../operating-model.md) first.'],
  ['image and link on one line', '![chart](img/chart.png) and [a bet](../bets/x.md "title")'],
  ['link text over two lines', 'Read [the long\nexplanation](../guardrails/a.md) here.'],
  ['nested brackets', 'A [link with [nested] brackets](a.md) works.'],
  ['escaped brackets', 'Not a \\[link](a.md), but [this one](b.md).'],
  ['parentheses in the URL', '[wiki](https://en.wikipedia.org/wiki/Foo_(bar)) and [x](a(b).md)'],
  ['angle-bracket destination', '[spaced](<my file.md>) and [t](<a.md> "t")'],
  ['code span hides a link', 'Write `[x](y.md)` to link, like [this](z.md).'],
  ['double-backtick span', 'Use ``a ` [x](y.md)`` then [ok](ok.md).'],
  ['fenced code hides links', '```md\n[x](hidden.md)\n<script>alert(1)</script>\n```\n\n[shown](shown.md)'],
  ['tilde fence', '~~~\n[x](hidden.md)\n~~~\n[shown](s.md)'],
  ['indented code hides links', 'Para.\n\n    [x](hidden.md)\n\n[shown](s.md)'],
  ['list continuation is not code', '- item\n\n    [inside](list.md)\n'],
  ['reference definitions', '[a][ref] and [b]\n\n[ref]: ../bets/a.md\n[b]: <../bets/b c.md> "B"'],
  ['autolinks', 'Mail <mailto:a@b.example> or <https://example.com/x>.'],
  ['javascript link', '[x](javascript:alert(1)) and [y]( JaVaScRiPt:alert(2) )'],
  ['data link', '[x](data:text/html;base64,AAAA)'],
  ['script tag', 'Text <script>alert(1)</script> more.'],
  // (Unindented: remark drops a paragraph's continuation indent, so its columns would be off by it.)
  ['multi-line tag with handler', '<img\nsrc="x"\nonerror="alert(1)">'],
  ['iframe block', '<iframe src="https://example.com"></iframe>'],
  ['href javascript in html', '<a href="javascript:alert(1)">x</a>'],
  ['inline html is fine', 'Some <b>bold</b> and <abbr title="x">abbr</abbr>.'],
  ['CRLF', 'Line one [a](a.md)\r\nLine two [b](b.md)\r\n'],
  ['unclosed bracket', 'An [unclosed link(a.md) and [ok](b.md)'],
  ['empty destination', '[empty]() and [hash](#section)'],
];

describe('scanBody agrees with remark', () => {
  it.each(tricky)('%s', (_, body) => {
    const key = (l: { type: string; line: number; column: number; url: string }) => `${l.type} ${l.line}:${l.column} ${l.url}`;
    const html = (x: { unsafeHtml: { line: number; column: number; what: string }[] }) => x.unsafeHtml.map((u) => `${u.line}:${u.column} ${u.what}`).sort();
    const scanned = scanBody(body, 5);
    const parsed = parseBody(body, 5, false);
    expect(scanned.links.map(key).sort()).toEqual(parsed.links.map(key).sort());
    expect(html(scanned)).toEqual(html(parsed));
  });

  it('on every body of the example model and the fixtures', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.md')) files.push(path);
      }
    };
    walk(join(repoRoot, 'model'));
    walk(join(repoRoot, 'test', 'fixtures'));
    expect(files.length).toBeGreaterThan(100);
    const differing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fm = readFrontmatter(text);
      const body = text.slice(fm.bodyOffset);
      const a = scanBody(body, fm.bodyLine);
      const b = parseBody(body, fm.bodyLine, false);
      const key = (l: { line: number; column: number; url: string }) => `${l.line}:${l.column} ${l.url}`;
      if (a.links.map(key).sort().join() !== b.links.map(key).sort().join() || a.unsafeHtml.length !== b.unsafeHtml.length) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
