// opmodel's body reader (satteri) must find exactly the links and raw HTML that remark + GFM
// find, at the same places: checked on tricky Markdown and on every body of the example model
// and the fixtures. (The public suites and the fuzz are in markdown-conformance.test.ts.)
import { describe, expect, it } from 'vitest';
import { readBody } from '../dist/model/read/body.js';
import { difference, modelBodies, opmodelReader, remarkReader } from './body-readers.js';

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

describe('the body reader agrees with remark + GFM on links and raw HTML', () => {
  it.each(tricky)('%s', (_, body) => {
    expect(difference(body, opmodelReader, remarkReader)).toBeUndefined();
  });

  it('on every body of the example model and the fixtures', () => {
    const bodies = modelBodies();
    expect(bodies.length).toBeGreaterThan(100);
    const differing = bodies.filter(({ body }) => difference(body, opmodelReader, remarkReader)).map(({ file }) => file);
    expect(differing).toEqual([]);
  });

  it('gives file positions: lines counted from where the body starts, columns in characters', () => {
    const read = readBody('Intro line.\n\n> Über [a bet](../bets/x.md) and <img src=x onerror=alert(1)>\n', 7, false);
    expect(read.links.map((l) => [l.line, l.column, l.url, l.text])).toEqual([[9, 8, '../bets/x.md', 'a bet']]);
    expect(read.unsafeHtml.map((u) => [u.line, u.column, u.what])).toEqual([[9, 45, 'the `onerror` event handler']]);
  });

  it('decodes entities and escapes in destinations, so a disguised scheme is still seen', () => {
    const read = readBody('[x](javascript&colon;alert(1)) [y](a\\_b.md) [z](%2E%2E/c&amp;d.md)\n', 1, false);
    expect(read.links.map((l) => l.url)).toEqual(['javascript:alert(1)', 'a_b.md', '%2E%2E/c&d.md']);
    expect(read.unsafeHtml.map((u) => u.what)).toEqual(['a `javascript:` link']);
  });
});
