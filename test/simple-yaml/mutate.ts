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
const fragments = [' ', '  ', '#', ' #', ':', ': ', '- ', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '\n', '\n  ', '\n- ', '\t', '\r', '%', '@', '...', '---', '\\',
  '\u00a0', '\u3000', '\u2028', '\u0085', '\r\n', '\n   ', '\n '];

/**
 * Every Unicode space and line-break class: what JavaScript's `trim()` or `split` may treat
 * as a space or a line break and YAML may not (or the other way round).
 */
export const spaceClasses: readonly [string, string][] = [
  ['tab', '\t'],
  ['NBSP', '\u00a0'],
  ['U+1680 ogham space', '\u1680'],
  ...Array.from({ length: 11 }, (_, i): [string, string] => [`U+${(0x2000 + i).toString(16).toUpperCase()}`, String.fromCharCode(0x2000 + i)]),
  ['U+202F narrow NBSP', '\u202f'],
  ['U+205F math space', '\u205f'],
  ['U+3000 ideographic space', '\u3000'],
  ['U+2028 line separator', '\u2028'],
  ['U+2029 paragraph separator', '\u2029'],
  ['U+0085 next line', '\u0085'],
  ['CR', '\r'],
  ['CRLF', '\r\n'],
];

/** Puts `piece` where a paste puts it: a line's start or end, around `: ` or `- `, a whole line, or for a space. */
export function insertSpace(block: string, piece: string, rand: () => number): string {
  const lines = block.split('\n');
  const i = 1 + Math.floor(rand() * Math.max(1, lines.length - 2));
  const line = lines[i] ?? '';
  const indent = line.length - line.trimStart().length;
  const colon = line.indexOf(': ');
  switch (Math.floor(rand() * 8)) {
    case 0:
      lines[i] = piece + line;
      break;
    case 1:
      lines[i] = line.slice(0, indent) + piece + line.slice(indent);
      break;
    case 2:
      lines[i] = line + piece;
      break;
    case 3:
      lines[i] = colon >= 0 ? line.slice(0, colon + 1) + piece + line.slice(colon + 2) : line + piece;
      break;
    case 4:
      lines[i] = colon >= 0 ? line.slice(0, colon + 2) + piece + line.slice(colon + 2) : piece + line;
      break;
    case 5:
      lines.splice(i, 0, piece.repeat(1 + Math.floor(rand() * 2)));
      break;
    case 6:
      lines[i] = line.replace(/ (?=\S)/, piece);
      break;
    default:
      // Every line break of the block (CR, CRLF, U+2028…), or every indentation space.
      return piece.includes('\r') || /[\u2028\u2029\u0085]/.test(piece) ? lines.join(piece) : lines.map((l) => l.replace(/^ +/, (m) => piece.repeat(m.length))).join('\n');
  }
  return lines.join('\n');
}

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
