// What an editor sees for the YAML traps of writing frontmatter in a browser: the closing line
// with trailing spaces, a colon or ` #` in a value, a list item read as fields, tab and
// non-breaking-space indentation, `1.0`, CR-only line endings and a broken file's id. Each case
// is a rule fixture (test/fixtures/<rule>/<case>/); here the words of its finding are checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../dist/lint.js';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { fixturesDir, prepare } from './fixture-repo.js';
import { cleanTemp, testToday } from './helpers.js';

afterAll(cleanTemp);

/** The findings of one rule fixture, linted over a copy of the example model. */
async function findingsOf(fixture: string, config?: unknown) {
  const { root } = prepare(join(fixturesDir, fixture));
  if (config !== undefined) writeFileSync(join(root, 'opmodel.config.yaml'), JSON.stringify(config));
  const { result } = await lint(root, { today: testToday });
  return result.diagnostics;
}

describe('the closing line', () => {
  const fields = 'title: Engineering manager, Platform\nholder: Aino Virtanen\n';
  it.each([
    ['a trailing space', '--- '],
    ['trailing tabs', '---\t\t'],
    ['spaces and a tab', '--- \t '],
  ])('`---` with %s is a finding at that line, with the fix, and no field is dropped unseen', (_name, closing) => {
    for (const text of [`---\n${fields}${closing}\nteam: platform\n---\n\nBody.\n`, `---\n${fields}${closing}\n\nBody.\n`]) {
      const read = readFrontmatter(text);
      expect(read.problems).toEqual([{ message: 'This line looks like the end of the frontmatter but is not: remove the spaces after `---`.', line: 4, column: 1 }]);
      // No data at all rather than the fields before the line only: the file is reported, never half read.
      expect(read.data).toBeUndefined();
    }
  });

  it('any other line starting with `---` inside the frontmatter is a finding too (gray-matter would end the block there)', () => {
    const read = readFrontmatter(`---\n${fields}---- notes\nteam: platform\n---\n`);
    expect(read.problems.map((p) => p.line)).toEqual([4]);
    expect(read.data).toBeUndefined();
  });

  it('a CRLF file still closes at `---`', () => {
    const read = readFrontmatter(`---\r\n${fields.replace(/\n/g, '\r\n')}---\r\n\r\nBody.\r\n`);
    expect(read.problems).toEqual([]);
    expect(read.data).toEqual({ title: 'Engineering manager, Platform', holder: 'Aino Virtanen' });
  });

  it('the fixture reports the line in the model', async () => {
    const found = await findingsOf('frontmatter/closing-line-with-trailing-space');
    expect(found.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['model/roles/platform-lead.md:7 frontmatter']);
    expect(found[0]!.message).toContain('remove the spaces after `---`');
  });
});

describe('plain words with the right fix', () => {
  it('a colon in a value: quote the value (not "put a space after the colon")', async () => {
    const [finding, ...rest] = await findingsOf('frontmatter/colon-in-value');
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('put the whole value in quotes, `title: "Technician app: offline first"`');
    expect(finding!.message).not.toMatch(/space after the colon|compact mapping/i);
  });

  it('a list item that became a set of fields: quote the item', async () => {
    const [finding, ...rest] = await findingsOf('schema/list-item-read-as-fields');
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('put the item in quotes, `- "Phones: tablets only"`');
    expect(finding!.message).not.toContain('set of fields');
  });

  it('tab indentation', async () => {
    const found = await findingsOf('frontmatter/tab-indentation');
    expect(found.map((d) => [d.line, d.message])).toEqual([[8, 'Indent with spaces; this line starts with a tab.']]);
  });

  it('non-breaking-space indentation and a line holding only one', async () => {
    const [indent] = await findingsOf('frontmatter/nbsp-indentation');
    expect(indent!.message).toBe('Indent with spaces; this line starts with a non-breaking space (often pasted from a document).');
    const [blank] = await findingsOf('frontmatter/line-of-only-nbsp');
    expect(blank!.message).toBe('This line holds only a non-breaking space (often pasted from a document): make it empty.');
  });

  it('`version: 1.0` is to be quoted as written, "1.0", not "1"', async () => {
    const [finding] = await findingsOf('schema/version-not-a-string');
    expect(finding!.message).toBe('`version` must be text, not number 1.0 — put it in quotes, e.g. `"1.0"`.');
  });
});

describe('yaml-comment', () => {
  it('says what YAML dropped and that quoting is the fix, as a warning', async () => {
    const [finding, ...rest] = await findingsOf('yaml-comment/channel-name-in-value');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'yaml-comment', severity: 'warning', line: 7, column: 28 });
    expect(finding!.message).toMatch(/^YAML reads `#product-decisions.*` as a comment and drops it: `exceptions` reads only "Ask the CPO in"\. To keep it, write it in quotes: `exceptions: "Ask the CPO in #product-decisions/);
  });

  it('names a list item by its text', async () => {
    const [finding] = await findingsOf('yaml-comment/issue-number-in-list-item');
    expect(finding!.message).toContain('this list item reads only "Paying a premium for hard-to-fill shifts (see"');
  });

  it('can be turned off', async () => {
    expect(await findingsOf('yaml-comment/channel-name-in-value', { rules: { 'yaml-comment': 'off' } })).toEqual([]);
  });

  it('leaves comments written as comments, quoted values, block text and # without a space before it', () => {
    const read = readFrontmatter(
      '---\n# A comment line\ntitle: "Hiring: our #1 priority"\nowner: cpo # until March\nlanguage: C# and F#\nurl: https://example.com/page#section\n' +
        "single: 'ask in #deals'\nnotes: >-\n  Ask in #deals,\n  not by email.\ntags: [a, b] # fine\nempty: #nothing\n---\n",
    );
    expect(read.problems).toEqual([]);
    expect(read.droppedComments).toEqual([]);
  });

  it('finds the cut in the full reader and the simple one alike, with a tab before the #', () => {
    const text = '---\ntitle: Weekly digest\nexceptions: ask in\t#deals\nnon_goals:\n  - see #412\n---\n';
    for (const options of [{}, { simpleReader: false }]) {
      const read = readFrontmatter(text, options);
      expect(read.data).toMatchObject({ exceptions: 'ask in', non_goals: ['see'] });
      expect(read.droppedComments.map((c) => [c.line, c.column])).toEqual([
        [3, 20],
        [5, 9],
      ]);
    }
  });
});

describe('a broken file still defines its id', () => {
  it('an empty role file: one finding at the file, no `ref` finding in the files that name it', async () => {
    const found = await findingsOf('file/empty-role-still-defines-its-id');
    expect(found.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['model/roles/platform-lead.md:1 file']);
  });

  it('a role file whose frontmatter cannot be parsed: one finding, at its line', async () => {
    const found = await findingsOf('frontmatter/unparsable-role-still-defines-its-id');
    expect(found.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['model/roles/platform-lead.md:3 frontmatter']);
  });
});

describe('Unicode spaces', () => {
  it('a non-breaking space inside or after a value is text, as YAML reads it, by both readers', () => {
    const text = readFileSync(join(fixturesDir, 'frontmatter/valid-pasted-non-breaking-spaces/roles/platform-lead.md'), 'utf8');
    for (const options of [{}, { simpleReader: false }]) {
      const read = readFrontmatter(text, options);
      expect(read.problems).toEqual([]);
      expect(read.data).toMatchObject({ title: 'Engineering manager,\u00a0Platform\u00a0', holder: 'Aino\u00a0Virtanen' });
    }
  });
});

describe('CR-only line endings', () => {
  it('are line breaks: a role saved that way is a role, and its team may name it', async () => {
    expect(await findingsOf('frontmatter/valid-cr-line-endings')).toEqual([]);
  });

  it('a finding in such a file is on the line an editor shows', async () => {
    const found = await findingsOf('schema/cr-line-endings-unknown-field');
    expect(found.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([['model/roles/integration-engineer.md', 5, 1, 'schema']]);
  });
});

describe('YAML errors say what to do', () => {
  const messages = (text: string) => readFrontmatter(text).problems.map((p) => p.message);
  it('an unquoted @handle: quote it', () => {
    expect(messages('---\ntitle: Designer\ngithub: @alice\n---\n')).toEqual([expect.stringContaining('put the value in double quotes, e.g. github: "@alice"')]);
  });
  it('a list item indented out of line: how list items are written, not a quote or bracket', () => {
    const found = messages('---\ntitle: Faster onboarding\nleading_indicators:\n  - metric: activation\n   target: from 31% to 40%\n---\n');
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).not.toContain('quote or bracket');
    expect(found.join(' ')).toContain('line up each field of a list item with the first one after its `- `');
  });
  it('every message ends in one full stop or question mark, never "?."', () => {
    const cases = ['---\ntitle: A\nowner growth\nstatus: active\n---\n', '---\ntitle:Our first bet\n---\n', '---\ntitle: "open\nstatus: active\n---\n', '---\ntitle: A\n\tstatus: x\n---\n'];
    for (const text of cases) for (const m of messages(text)) expect(m, text).toMatch(/[^.?!][.?!]$|`[.?!]?$/);
  });
});
