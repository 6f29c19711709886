// Generates the hostile-input corpus into a repository: every kind of bad file a pull request
// could carry. Generated at test time so no large or binary file lives in git.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One hostile case: where it is written and which rules should report it. */
export interface HostileCase {
  name: string;
  /** Path relative to the repository root. */
  file: string;
  /** Rules of which at least one must report this file. */
  rules: string[];
  /** The 1-based line the finding should point at, when one exists. */
  line?: number;
}

const fm = (body: string) => `---\ntitle: Hostile case\n${body}---\n\nBody.\n`;

/**
 * Writes the corpus under `<root>/model/` and returns the cases. `markerPath` is a file that
 * must never be created: the code in hostile frontmatter would create it if it ran.
 */
export function writeHostileCorpus(root: string, markerPath: string): HostileCase[] {
  const cases: HostileCase[] = [];
  const put = (name: string, file: string, content: string | Buffer, rules: string[], line?: number) => {
    const abs = join(root, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    cases.push(line === undefined ? { name, file, rules } : { name, file, rules, line });
  };
  const link = (name: string, file: string, target: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    symlinkSync(target, join(root, file));
    cases.push({ name, file, rules: ['file'], line: 1 });
  };
  const js = `require('fs').writeFileSync(${JSON.stringify(markerPath)}, 'ran')`;

  put('invalid UTF-8', 'model/roles/latin1.md', Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]), ['file'], 2);
  put('UTF-16', 'model/roles/utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n---\n', 'utf16le')]), ['file'], 1);
  put('binary', 'model/roles/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), ['file'], 3);
  put('NUL byte', 'model/roles/nul.md', Buffer.from('---\ntitle: x\nholder: a\u0000b\n---\n'), ['file'], 3);
  // Old Mac line endings are line breaks: the unknown field is found on its own line.
  put('CR-only line endings', 'model/roles/cr-only.md', '---\rtitle: x\rholdr: a\r---\r', ['schema'], 3);
  put('empty file', 'model/roles/empty.md', '', ['file'], 1);
  put('tab indentation', 'model/roles/tabs.md', '---\ntitle: x\nteam:\n\t- a\n---\n', ['frontmatter'], 4);
  put('duplicate keys', 'model/roles/dupe.md', '---\ntitle: x\nholder: a\nholder: b\n---\n', ['frontmatter'], 4);
  put('YAML 1.1 octal', 'model/roles/octal.md', fm('holder: 0755\n'), ['schema'], 3);
  put('YAML 1.1 sexagesimal', 'model/cadences/sexagesimal.md', fm('frequency: weekly\nduration_minutes: 1:20\n'), ['schema'], 4);
  put('impossible date', 'model/roles/feb30.md', fm('review_by: 2024-02-30\n'), ['schema'], 3);
  put('__proto__ key', 'model/roles/proto.md', '---\n__proto__:\n  title: Inherited\n---\n', ['schema'], 1);
  put('constructor key', 'model/roles/ctor.md', fm('constructor: { prototype: { polluted: true } }\n'), ['schema'], 3);
  put('unterminated frontmatter', 'model/roles/unterminated.md', '---\ntitle: x\n', ['frontmatter'], 1);
  put('list frontmatter', 'model/roles/list.md', '---\n- title\n- x\n---\n', ['frontmatter'], 2);
  put('scalar frontmatter', 'model/roles/scalar.md', '---\njust a sentence\n---\n', ['frontmatter'], 2);
  put('empty frontmatter', 'model/roles/empty-fm.md', '---\n---\n\nNo fields.\n', ['schema'], 1);
  put('only ---', 'model/roles/only-dashes.md', '---\n', ['frontmatter'], 1);
  put('blank line before ---', 'model/roles/blank-first.md', '\n---\ntitle: x\n---\n', ['frontmatter'], 1);
  put('TOML frontmatter', 'model/roles/toml.md', '+++\ntitle = "x"\n+++\n', ['frontmatter'], 1);
  put('---js frontmatter', 'model/roles/js.md', `---js\n{ title: ${js} }\n---\n`, ['frontmatter'], 1);
  put('---javascript frontmatter', 'model/roles/javascript.md', `---javascript\n{ title: ${js} }\n---\n`, ['frontmatter'], 1);
  put('---coffee frontmatter', 'model/roles/coffee.md', `---coffee\ntitle: ${js}\n---\n`, ['frontmatter'], 1);
  put('.mdx file', 'model/roles/component.mdx', fm(''), ['file'], 1);
  put('deep flow nesting', 'model/roles/deep-flow.md', `---\ntitle: x\nx-deep: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`, ['frontmatter'], 3);
  put('deep block nesting', 'model/roles/deep-block.md', `---\ntitle: x\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} end\n---\n`, ['frontmatter'], 34);
  put('deep nesting again', 'model/roles/deep-flow-2.md', `---\ntitle: x\nx-deep: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n---\n`, ['frontmatter'], 3);
  put('80,000 keys', 'model/roles/many-keys.md', `---\ntitle: x\n${Array.from({ length: 80_000 }, (_, i) => `x-k${i}: ${i}`).join('\n')}\n---\n`, ['file', 'frontmatter'], 1);
  put('10,000 short keys', 'model/roles/short-keys.md', `---\ntitle: x\n${Array.from({ length: 10_000 }, (_, i) => `k${i}: 1`).join('\n')}\n---\n`, ['frontmatter'], 1);
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
    bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  put('9x9 alias bomb', 'model/roles/alias-bomb.md', `---\ntitle: x\n${bomb.map((l) => `x-${l}`).join('\n')}\n---\n`, ['frontmatter']);
  put('huge file', 'model/roles/huge.md', fm('') + 'word '.repeat(300_000), ['file'], 1);
  put('huge body to parse', 'model/roles/huge-body.md', fm('') + '[a](b) '.repeat(100_000), ['file'], 4);
  put('10 KB of >', 'model/roles/quotes.md', fm('') + '>'.repeat(10_000) + ' deep\n', ['file'], 6);
  put('emphasis bomb', 'model/roles/emphasis.md', fm('') + '_'.repeat(10_000) + 'a' + '_'.repeat(10_000) + '\n', ['file'], 6);
  put('script in body', 'model/roles/script.md', fm('') + '<script>alert(document.cookie)</script>\n', ['unsafe-html'], 6);
  put('event handler in body', 'model/roles/onerror.md', fm('') + '<img src="x" onerror="alert(1)">\n', ['unsafe-html'], 6);
  put('iframe in body', 'model/roles/iframe.md', fm('') + '<iframe src="https://example.com"></iframe>\n', ['unsafe-html'], 6);
  put('javascript: link', 'model/roles/js-link.md', fm('') + '[click me](javascript:alert(1))\n', ['unsafe-html'], 6);
  put('data: link', 'model/roles/data-link.md', fm('') + '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n', ['unsafe-html'], 6);
  mkdirSync(join(root, 'model/roles/folder.md'), { recursive: true });
  cases.push({ name: 'a folder named x.md', file: 'model/roles/folder.md', rules: ['file'], line: 1 });
  link('symlink to /etc/passwd', 'model/roles/passwd.md', '/etc/passwd');
  link('symlink to /proc/self/environ', 'model/roles/environ.md', '/proc/self/environ');
  link('symlink to /dev/zero', 'model/roles/zero.md', '/dev/zero');
  link('dangling symlink', 'model/roles/dangling.md', 'does-not-exist.md');
  link('symlink loop', 'model/roles/loop.md', 'loop.md');
  link('symlinked folder', 'model/roles-elsewhere', '/etc');
  const names: [string, string][] = [
    ['space in name', 'model/roles/with space.md'],
    ['unicode name', 'model/roles/rôle-été.md'],
    ['leading dash', 'model/roles/-rf.md'],
    ['shell substitution', 'model/roles/$(touch pwned).md'],
    ['newline in name', 'model/roles/line\n::error file=x::forged.md'],
  ];
  for (const [name, file] of names) put(name, file, fm(''), ['id'], 1);
  const rawName = Buffer.concat([Buffer.from(join(root, 'model/roles/bad-')), Buffer.from([0xff]), Buffer.from('.md')]);
  writeFileSync(rawName, fm(''));
  return cases;
}
