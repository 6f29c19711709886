// Runs one shared lint result, and one full of hostile file names and messages,
// through every --format reporter and checks what users and CI depend on.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { annotationText, breakMentions, markdownCode, markdownText } from '../src/reporters/github-text.js';
import { formatNames, isFormatName, reporters } from '../src/reporters/index.js';
import type { Finding, LintResult, ReporterOptions } from '../src/types.js';

const options: ReporterOptions = {
  color: false,
  version: '0.1.0',
  rules: [
    { id: 'cadence-coverage', description: 'Teams in active bets take part in a cadence.', defaultSeverity: 'warning', docs: 'docs/rules/cadence-coverage.md' },
    { id: 'decision-duplicate', description: 'A decision is recorded in one place.', defaultSeverity: 'error', docs: 'docs/rules/decision-duplicate.md' },
    { id: 'id', description: 'Ids are well-formed, match the file name and are unique.', defaultSeverity: 'error', docs: 'docs/rules/id.md' },
    { id: 'ref', description: 'References point at existing entities of an allowed kind.', defaultSeverity: 'error', docs: 'docs/rules/ref.md' },
    { id: 'stale', description: 'review_by is not in the past.', defaultSeverity: 'off', docs: 'docs/rules/stale.md' },
  ],
};

/** The shared fixture: three files, errors and warnings, one cross-file finding. */
const result: LintResult = {
  root: '/srv/acme ops',
  files: 12,
  errors: 3,
  warnings: 2,
  diagnostics: [
    { file: 'model/bets/self-serve.md', line: 7, column: 3, severity: 'error', rule: 'ref', message: "owner 'growth-sqaud' is not a team or role id; did you mean 'growth-squad'?" },
    { file: 'model/bets/self-serve.md', line: 12, column: 1, severity: 'warning', rule: 'stale', message: 'review_by 2024-01-31 is in the past; review the bet and move review_by forward' },
    {
      file: 'model/decisions/pricing.md', line: 4, column: 10, severity: 'error', rule: 'decision-duplicate',
      message: "'Set list prices' is also decided in model/decisions/sales.md; keep one",
      related: [{ file: 'model/decisions/sales.md', line: 3, column: 1, message: 'first defined here' }],
    },
    { file: 'model/teams/growth squad.md', line: 1, column: 1, severity: 'error', rule: 'id', message: "id 'growth-squad' differs from the file name 'growth squad'; rename one" },
    { file: 'model/teams/growth squad.md', line: 15, column: 2, severity: 'warning', rule: 'cadence-coverage', message: "team 'growth-squad' is in an active bet but takes part in no cadence" },
  ],
};

const clean: LintResult = { root: '/srv/acme', files: 12, errors: 0, warnings: 0, diagnostics: [] };

/** Positions of 0 and names no URI can hold as they are, for the schema check. */
const hostileResult: LintResult = {
  root: '/srv/evil\nroot ü',
  files: 2,
  errors: 1,
  warnings: 1,
  diagnostics: [
    { file: 'model/bets/x\n::error::y %0A 日本.md', line: 0, column: 0, severity: 'error', rule: 'custom', message: '\x1b[31m@everyone <img src=x onerror=alert(1)>' },
    { file: 'model/bets/\ud800lone.md', line: 2, column: 1, severity: 'warning', rule: 'ref', message: 'x', related: [{ file: 'a b.md', line: 1, column: 1, message: '' }] },
  ],
};

const ANSI = /\x1b\[[0-9;]*m/g;
const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe('registry', () => {
  it('names every format once, stylish first', () => {
    expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github']);
    expect(Object.keys(reporters).sort()).toEqual([...formatNames].sort());
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('junit')).toBe(false);
    expect(isFormatName('constructor')).toBe(false);
  });
});

describe('stylish', () => {
  const output = reporters.stylish(result, options);

  it('prints nothing for a clean model', () => {
    expect(reporters.stylish(clean, options)).toBe('');
  });

  it('groups findings under one header per file, in order, and counts them', () => {
    const out = lines(output);
    const headers = out.filter((line) => line.startsWith('model/'));
    expect(headers).toEqual(['model/bets/self-serve.md', 'model/decisions/pricing.md', 'model/teams/growth squad.md']);
    const teams = out.indexOf('model/teams/growth squad.md');
    expect(out[teams + 1]).toMatch(/^ {2}\s*1:1 +error +id 'growth-squad' differs .* id$/);
    expect(out[teams + 2]).toMatch(/^ {2}15:2 +warning +team 'growth-squad' .* cadence-coverage$/);
    expect(out.at(-1)).toBe('✖ 5 problems (3 errors, 2 warnings)');
    expect(out.at(-2)).toBe('');
    expect(output.endsWith('\n')).toBe(true);
  });

  it('aligns severity, message and rule columns within a file', () => {
    const out = lines(output);
    const start = out.indexOf('model/bets/self-serve.md');
    const [first, second] = [out[start + 1]!, out[start + 2]!];
    expect(first.indexOf('error')).toBe(second.indexOf('warning'));
    expect(first.indexOf("owner '")).toBe(second.indexOf('review_by'));
    expect(first.lastIndexOf(' ref')).toBe(second.lastIndexOf(' stale'));
  });

  it('shows the related location beneath the finding', () => {
    const out = lines(output);
    const at = out.findIndex((line) => line.includes('decision-duplicate'));
    expect(out[at + 1]).toMatch(/^ +↳ model\/decisions\/sales\.md:3:1 first defined here$/);
  });

  it('uses singular nouns for one finding', () => {
    const one: LintResult = { ...result, errors: 1, warnings: 0, diagnostics: [result.diagnostics[0]!] };
    expect(lines(reporters.stylish(one, options)).at(-1)).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('has no ANSI codes without colour, and only adds them with colour', () => {
    expect(output).not.toContain('\x1b');
    const coloured = reporters.stylish(result, { ...options, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\x1b[31merror\x1b[39m');
    expect(coloured).toContain('\x1b[33mwarning\x1b[39m');
    expect(coloured.replace(ANSI, '')).toBe(output);
  });

  it('keeps its layout', () => {
    const small: LintResult = { ...result, diagnostics: result.diagnostics.slice(0, 3) };
    expect(reporters.stylish(small, options)).toMatchInlineSnapshot(`
      "model/bets/self-serve.md
         7:3  error    owner 'growth-sqaud' is not a team or role id; did you mean 'growth-squad'?     ref
        12:1  warning  review_by 2024-01-31 is in the past; review the bet and move review_by forward  stale

      model/decisions/pricing.md
        4:10  error  'Set list prices' is also decided in model/decisions/sales.md; keep one  decision-duplicate
                     ↳ model/decisions/sales.md:3:1 first defined here

      ✖ 3 problems (2 errors, 1 warning)
      "
    `);
  });
});

describe('json', () => {
  const output = reporters.json(result, options);
  const document = JSON.parse(output);

  it('is one JSON document with exactly the documented keys', () => {
    expect(output.endsWith('}\n')).toBe(true);
    expect(Object.keys(document)).toEqual(['version', 'summary', 'diagnostics']);
    expect(document.version).toBe(1);
    expect(document.summary).toEqual({ files: 12, errors: 3, warnings: 2 });
    expect(Object.keys(document.summary)).toEqual(['files', 'errors', 'warnings']);
    for (const diagnostic of document.diagnostics) {
      expect(Object.keys(diagnostic)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']); // none of these has an end, id or suggestion
    }
  });

  it('keeps the findings, in their sorted order, without related locations', () => {
    expect(document.diagnostics).toEqual(
      result.diagnostics.map(({ related: _related, ...rest }) => rest),
    );
    expect(reporters.json(clean, options)).toBe(
      `${JSON.stringify({ version: 1, summary: { files: 12, errors: 0, warnings: 0 }, diagnostics: [] }, null, 2)}\n`,
    );
  });
});

describe('sarif', () => {
  const log = JSON.parse(reporters.sarif(result, options));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run describing every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('opmodel');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(options.rules.map((rule) => rule.id));
    expect(run.tool.driver.rules[3]).toEqual({
      id: 'ref',
      shortDescription: { text: 'References point at existing entities of an allowed kind.' },
      fullDescription: { text: 'References point at existing entities of an allowed kind.' },
      helpUri: 'https://github.com/opmodel/opmodel/blob/main/docs/rules/ref.md',
      help: { text: 'References point at existing entities of an allowed kind.\n\nSee https://github.com/opmodel/opmodel/blob/main/docs/rules/ref.md' },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules[4].defaultConfiguration).toEqual({ level: 'none' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/acme%20ops/' } });
  });

  it('gives each result its rule index, level, relative uri and region', () => {
    expect(run.results).toHaveLength(result.diagnostics.length);
    run.results.forEach((sarifResult: any, index: number) => {
      const diagnostic = result.diagnostics[index]!;
      expect(run.tool.driver.rules[sarifResult.ruleIndex].id).toBe(diagnostic.rule);
      expect(sarifResult.ruleId).toBe(diagnostic.rule);
      expect(sarifResult.level).toBe(diagnostic.severity);
      expect(sarifResult.message.text).toBe(diagnostic.message);
    });
    expect(run.results[3].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'model/teams/growth%20squad.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1 },
    });
    expect(run.results[2].ruleIndex).toBe(1);
    expect(run.results[2].relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'first defined here' },
        physicalLocation: {
          artifactLocation: { uri: 'model/decisions/sales.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 1 },
        },
      },
    ]);
    expect(run.results[0]).not.toHaveProperty('relatedLocations');
  });

  it('describes a rule it was not told about rather than emit a dangling index', () => {
    const unknown: LintResult = { ...result, diagnostics: [{ ...result.diagnostics[0]!, rule: 'custom-rule' }] };
    const unknownRun = JSON.parse(reporters.sarif(unknown, options)).runs[0];
    expect(unknownRun.results[0].ruleIndex).toBe(options.rules.length);
    expect(unknownRun.tool.driver.rules[options.rules.length].id).toBe('custom-rule');
  });

  it('has an empty results list for a clean model', () => {
    expect(JSON.parse(reporters.sarif(clean, options)).runs[0].results).toEqual([]);
  });

  it('counts columns in UTF-16 code units, as the positions opmodel reports do', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('fingerprints each result so that moving lines keeps them and a second occurrence differs', () => {
    const prints = run.results.map((r: any) => r.partialFingerprints['opmodel/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{32}$/);
    // The same findings three lines further down, one message naming a line that moved too.
    const moved: LintResult = {
      ...result,
      diagnostics: result.diagnostics.map((d) => ({ ...d, line: d.line + 3, message: d.message.replace('sales.md', 'sales.md line 6') })),
    };
    const withLine: LintResult = { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, message: d.message.replace('sales.md', 'sales.md line 3') })) };
    const printsOf = (r: LintResult) => JSON.parse(reporters.sarif(r, options)).runs[0].results.map((x: any) => x.partialFingerprints['opmodel/v1']);
    expect(printsOf(moved)).toEqual(printsOf(withLine));
    // Two equal findings in one file are two alerts, not one.
    const twice: LintResult = { ...result, diagnostics: [result.diagnostics[0]!, { ...result.diagnostics[0]!, line: 9 }] };
    const [first, second] = printsOf(twice);
    expect(first).not.toBe(second);
    expect(first).toBe(prints[0]);
  });

  it('is valid against the official SARIF 2.1.0 JSON schema, hostile names included', async () => {
    const { default: Ajv04 } = await import('ajv-draft-04');
    const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    for (const logged of [result, clean, hostileResult]) {
      const ok = validate(JSON.parse(reporters.sarif(logged, options)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    // The schema does catch a broken log: a region cannot start at line 0.
    const broken = JSON.parse(reporters.sarif(result, options));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });
});

describe('github', () => {
  const output = reporters.github(result, options);

  it('prints one workflow command per finding and nothing else', () => {
    expect(output.endsWith('\n')).toBe(true);
    expect(lines(output)).toHaveLength(result.diagnostics.length);
    expect(lines(output)[0]).toBe(
      "::error file=model/bets/self-serve.md,line=7,col=3,title=opmodel(ref)::owner 'growth-sqaud' is not a team or role id; did you mean 'growth-squad'?",
    );
    expect(lines(output)[1]).toMatch(/^::warning file=model\/bets\/self-serve\.md,line=12,col=1,title=opmodel\(stale\)::/);
    expect(reporters.github(clean, options)).toBe('');
  });

  it('escapes data and properties as the actions toolkit does', () => {
    const tricky: LintResult = {
      ...clean,
      diagnostics: [{ file: 'a:b,c%d.md', line: 2, column: 3, severity: 'error', rule: 'ref', message: '100%\r\ndone: a, b' }],
    };
    expect(reporters.github(tricky, options)).toBe(
      '::error file=a%3Ab%2Cc%25d.md,line=2,col=3,title=opmodel(ref)::100%25%0D%0Adone: a, b\n',
    );
  });
});

describe('hostile file names and messages', () => {
  const names = [
    'model/bets/x\n::error file=x::pwned.md',
    'model/bets/cr\r::warning::spoof.md',
    'model/bets/100%_done: a,b.md',
    'model/bets/%0A::add-mask::secret.md',
    'model/bets/\x1b]0;owned title\x07.md',
    'model/bets/\x1b[2J\x1b[H clear.md',
    'model/bets/$(rm -rf /).md',
    '-rf --no-preserve-root.md',
    'model/bets/naïve 日本語 🚀.md',
    'model/bets/"quoted" \'single\' back\\slash.md',
    'model/bets/nul\0tab\tcsi\x9b31m del\x7f.md',
    'model/bets/\u202eevil\u2028sep\u0085nel.md',
  ];
  const messages = [
    "value '\n::add-mask::hunter2' is not allowed",
    '\x1b[31mred\x1b[0m and \x1b]0;title\x07 and \x1b[2J',
    'line one\r\nline two\n::error file=y::also pwned',
    '50% done: a, b; ::set-output name=x::y',
  ];
  const diagnostics: Finding[] = names.map((file, index) => ({
    file,
    line: index + 1,
    column: 2,
    severity: index % 2 === 0 ? 'error' : 'warning',
    rule: 'ref',
    message: messages[index % messages.length]!,
    ...(index === 0 ? { related: [{ file: names[4]!, line: 1, column: 1, message: messages[1]! }] } : {}),
  }));
  const hostile: LintResult = { root: '/srv/evil\nroot ü', files: names.length, errors: 6, warnings: 6, diagnostics };
  const related = 1;

  it('github: one line per finding, none of them started by user text', () => {
    const output = reporters.github(hostile, options);
    const out = lines(output);
    expect(out).toHaveLength(diagnostics.length);
    for (const line of out) {
      expect(line).toMatch(/^::(error|warning) file=[^:,\r\n]*,line=\d+,col=\d+,title=opmodel\(ref\)::[^\r\n]*$/);
      // The message a person reads: no terminal escapes, no bidi tricks.
      const message = line.slice(line.indexOf('::', 2) + 2);
      expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    }
  });

  it('github: the runner decodes every file name back to the original, a tab or escape included', () => {
    // The runner's own unescaping (actions/runner ActionCommand.cs).
    const unescape = (value: string): string =>
      value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
    const files = lines(reporters.github(hostile, options)).map((line) => unescape(/file=([^,]*)/.exec(line)![1]!));
    expect(files).toEqual(names);
    expect(reporters.github({ ...hostile, diagnostics: [{ ...diagnostics[0]!, file: 'model/bets/a\tb.md' }] }, options)).toContain('file=model/bets/a\tb.md,');
  });

  it('github: encodes exactly as @actions/core does', async () => {
    const core = await import('@actions/core');
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      for (const d of diagnostics) {
        core[d.severity](annotationText(d.message), { file: d.file, startLine: d.line, startColumn: d.column, title: `opmodel(${d.rule})` });
      }
    } finally {
      spy.mockRestore();
    }
    // Same command, same encoded properties (in core's order) and the same encoded message.
    const parse = (line: string) => {
      const match = /^::(\w+) ([^:]*)::(.*)$/s.exec(line.replace(/\n$/, ''))!;
      return { command: match[1], properties: Object.fromEntries(match[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])), data: match[3] };
    };
    const ours = lines(reporters.github(hostile, options)).map(parse);
    expect(ours).toEqual(printed.map(parse));
  });

  it('stylish: no control characters, and exactly the expected lines', () => {
    const expected = names.length /* headers */ + diagnostics.length + related + (names.length - 1) /* blanks */ + 2;
    for (const color of [false, true]) {
      const output = reporters.stylish(hostile, { ...options, color });
      const text = output.replace(ANSI, '');
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
      expect(lines(text)).toHaveLength(expected);
      expect(text).toContain('model/bets/x\\n::error file=x::pwned.md');
      expect(text).toContain('model/bets/\\x1b]0;owned title\\x07.md');
      expect(text).toContain('model/bets/naïve 日本語 🚀.md');
      expect(text).toContain('-rf --no-preserve-root.md');
    }
  });

  it('json: parses and keeps file names and messages exactly', () => {
    const document = JSON.parse(reporters.json(hostile, options));
    expect(document.diagnostics.map((d: Finding) => d.file)).toEqual(names);
    expect(document.diagnostics.map((d: Finding) => d.message)).toEqual(diagnostics.map((d) => d.message));
  });

  it('sarif: parses, with URI references that decode to the file names', () => {
    const run = JSON.parse(reporters.sarif(hostile, options)).runs[0];
    const uris: string[] = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9\-._~!'()*/%]+$/);
    expect(uris.map(decodeURIComponent)).toEqual(names);
    expect(decodeURIComponent(run.results[0].relatedLocations[0].physicalLocation.artifactLocation.uri)).toBe(names[4]);
    expect(run.results.map((r: any) => r.message.text)).toEqual(diagnostics.map((d) => d.message));
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///srv/evil%0Aroot%20%C3%BC/');
  });
});

describe('text for GitHub Markdown (job summary, comment)', () => {
  const hostile = [
    '<img src=x onerror=alert(1)> and <script>alert(1)</script>',
    'a | b || c \\| d',
    '**bold** _em_ ~~gone~~ `code` ``two`` $x^2$ [link](https://evil.example) ![img](x.png)',
    'line one\nline two\r\nline three',
    '@everyone, @acme/leads and mail@example.com',
    '&amp; &lt;tag&gt; &#64;everyone \\ back\\slash',
    '::warning::%0A spoof',
    '` starts with a backtick and ends with one `',
  ];
  const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as any;
  const texts = (node: any): string[] => (node.type === 'text' || node.type === 'inlineCode' ? [node.value] : (node.children ?? []).flatMap(texts));
  const kinds = (node: any): string[] => [node.type, ...(node.children ?? []).flatMap(kinds)];
  const shown = (text: string) => text.replace(/\r\n|\r|\n/g, ' ').replace(/@(?=[A-Za-z0-9_-])/g, '@\u200d');

  it('renders as exactly the characters given, in one table cell, with nothing but text', () => {
    for (const text of hostile) {
      const tree = parse(`| a | b |\n|---|---|\n| x | ${markdownText(text)} |\n`);
      const table = tree.children[0];
      expect(table.type).toBe('table');
      expect(table.children).toHaveLength(2);
      const cell = table.children[1].children[1];
      expect(table.children[1].children).toHaveLength(2);
      // Text only; a bare URL may be autolinked, but only to what it shows (no hidden target).
      for (const kind of kinds(cell)) expect(['tableCell', 'text', 'link']).toContain(kind);
      const links = (node: any): any[] => (node.type === 'link' ? [node] : (node.children ?? []).flatMap(links));
      for (const link of links(cell)) expect(link.url).toBe(texts(link).join(''));
      expect(texts(cell).join('')).toBe(shown(text));
    }
  });

  it('code spans hold the text literally', () => {
    for (const text of hostile) {
      const tree = parse(`- ${markdownCode(text)}\n`);
      expect(new Set(kinds(tree))).toEqual(new Set(['root', 'list', 'listItem', 'paragraph', 'inlineCode']));
      expect(texts(tree).join('')).toBe(shown(text));
    }
  });

  it('breaks mentions without changing what a reader sees', () => {
    expect(breakMentions('@everyone @acme/leads a@b')).toBe('@\u200deveryone @\u200dacme/leads a@\u200db');
    expect(annotationText('@octocat\x1b[2J\nnext')).toBe('@\u200doctocat\\x1b[2J\nnext');
  });
});

describe('end positions, message ids and suggestions', () => {
  const ended: LintResult = {
    ...result,
    diagnostics: [
      { ...result.diagnostics[0]!, endLine: 7, endColumn: 22, messageId: 'missing', expected: ['growth-squad'] },
      { ...result.diagnostics[1]!, endLine: 12, endColumn: 1 }, // an end before the start is no end
    ],
  };

  it('json: keeps exactly the six documented keys, even for a finding with an end and a suggestion', () => {
    const [first, second] = JSON.parse(reporters.json(ended, options)).diagnostics;
    for (const d of [first, second]) expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(first.message).toBe(result.diagnostics[0]!.message);
  });

  it('sarif: the region ends where the finding does, suggestions go in properties, and the log stays valid', async () => {
    const [first, second] = JSON.parse(reporters.sarif(ended, options)).runs[0].results;
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 3, endLine: 7, endColumn: 22 });
    expect(first.properties).toEqual({ expected: ['growth-squad'] });
    expect(second.locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 1 });
    const { default: Ajv04 } = await import('ajv-draft-04');
    const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(JSON.parse(reporters.sarif(ended, options)))).toBe(true);
  });

  it('stylish and github: the text users read stays the message, suggestion included once', () => {
    const text = reporters.stylish(ended, options);
    expect(text).toContain("owner 'growth-sqaud' is not a team or role id; did you mean 'growth-squad'?");
    expect(text.split('did you mean').length).toBe(2);
    expect(reporters.github(ended, options).split('did you mean').length).toBe(2);
  });
});
