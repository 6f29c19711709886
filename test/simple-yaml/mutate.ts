// Seeded mutations of frontmatter blocks, for comparing the simple YAML reader with `yaml`.

/** The fuzz test's seeded PRNG. */
export { mulberry32 as prng } from '../fuzz/mutate.js';

// Values and fragments that change how YAML reads a line.
const values = [
  'yes', 'no', 'on', 'off', 'true', 'False', 'NULL', '~', 'null', '', '0o17', '0755', '0x1F', '0xZZ', '1e3', '1.5', '-2', '+3', '.inf', '-.Inf', '.nan',
  '2024-02-30', '12:30', '1:20:00', '"a#b"', '"quoted: yes"', "'it''s'", "'unclosed", '"unclosed', '"esc\\n"', '[a, b]', '[]', '[a,, b]', '[a, [b]]',
  '{a: 1}', '{}', '|', '|-', '>', '>+', '|2', '&anchor x', '*anchor', '!tag x', '!!str 5', '- item', '-', '? x', ': x', '@at', '`tick', '%pct',
  'a: b', 'a #c', 'a# b', 'x:', 'C#', 'http://x.y/z?a=b#c', '-5', '-x', ':x', '?x', 'a, b', 'é ü 🚀', '"\u00e9"', '#', 'a  b', 'a ',
];
const fragments = [' ', '  ', '#', ' #', ':', ': ', '- ', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '\n', '\n  ', '\n- ', '\t', '\r', '%', '@', '...', '---', '\\'];

/** One random mutation of a block. */
export function mutate(block: string, rand: () => number): string {
  const lines = block.split('\n');
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const i = Math.floor(rand() * lines.length);
  const line = lines[i] ?? '';
  switch (Math.floor(rand() * 8)) {
    case 0: {
      const at = Math.floor(rand() * (line.length + 1));
      lines[i] = line.slice(0, at) + pick(fragments) + line.slice(at);
      break;
    }
    case 1: {
      const at = Math.floor(rand() * Math.max(1, line.length));
      lines[i] = line.slice(0, at) + line.slice(at + 1);
      break;
    }
    case 2: {
      const colon = line.indexOf(': ');
      if (colon >= 0) lines[i] = `${line.slice(0, colon + 2)}${pick(values)}`;
      else if (/^\s*- /.test(line)) lines[i] = line.replace(/^(\s*- ).*/, `$1${pick(values)}`);
      else lines[i] = `${line}${pick(values)}`;
      break;
    }
    case 3:
      lines.splice(i, 0, line);
      break;
    case 4:
      lines[i] = rand() < 0.5 ? ` ${line}` : line.replace(/^ /, '');
      break;
    case 5:
      lines[i] = rand() < 0.5 ? `  ${line}` : line.replace(/^ {1,2}/, '');
      break;
    case 6:
      lines.splice(i, 0, pick(['', '   ', '# a comment', '  # indented comment', 'extra: value', '  nested: value', '- stray', 'key:', `  ${pick(values)}`]));
      break;
    default:
      lines.splice(i, 1);
  }
  return lines.join('\n');
}
