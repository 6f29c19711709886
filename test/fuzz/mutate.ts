// Seeded mutations of the example model's files for the fuzz test. A variant is a pure function
// of (seed, index, source files), so a failing variant can be rebuilt from those numbers alone.

/** A PRNG returning floats in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast, seedable 32-bit PRNG (same seed, same sequence, on every platform). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one variant: mixes the run's seed with the variant's index (splitmix-style). */
export function variantSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** One real model file that variants are made from. */
export interface SourceFile {
  /** Path inside the model folder, `/` separators, e.g. `bets/tip-pooling.md`. */
  path: string;
  bytes: Buffer;
}

/** One mutated file, with what was done to it. */
export interface Variant {
  index: number;
  /** The source file's path inside the model folder. */
  source: string;
  /** Where the variant goes, inside the model folder: beside its source, under a fresh id. */
  path: string;
  bytes: Buffer;
  /** The mutations applied, in order, for the failure message. */
  mutations: string[];
}

/** Largest variant written: keeps a batch of 1,000 files quick to write and read. */
const maxVariantBytes = 256 * 1024;

type Mutator = (bytes: Buffer, random: Random, sources: readonly SourceFile[]) => Buffer;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Splits into lines on LF, keeping any CR at the end of a line. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

const joinLines = (lines: readonly Buffer[]) => Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from('\n'), line])));

/** Index range of the frontmatter's lines (between the fences), or the whole file if it has none. */
function frontmatterLines(lines: readonly Buffer[]): [number, number] {
  const isFence = (line: Buffer | undefined) => line !== undefined && line.toString('latin1').replace(/\r$/, '') === '---';
  if (!isFence(lines[0])) return [0, lines.length - 1];
  for (let i = 1; i < lines.length; i++) if (isFence(lines[i])) return [1, Math.max(1, i - 1)];
  return [1, lines.length - 1];
}

/** A line index, in the frontmatter two times out of three. */
function someLine(random: Random, lines: readonly Buffer[]): number {
  const last = lines.length - 1;
  if (random() < 0.67) {
    const [from, to] = frontmatterLines(lines);
    return Math.min(last, int(random, from, Math.max(from, Math.min(to, last))));
  }
  return int(random, 0, last);
}

/** A place to insert at: a random byte, the start of a value (after `: `), or a line start. */
function somewhere(random: Random, bytes: Buffer): number {
  const roll = random();
  if (roll < 0.4) return int(random, 0, bytes.length);
  const lines = splitLines(bytes);
  const index = someLine(random, lines);
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i]!.length + 1;
  if (roll < 0.75) {
    const colon = lines[index]!.indexOf(': ');
    if (colon !== -1) return offset + colon + 2;
  }
  return offset;
}

const insertAt = (bytes: Buffer, at: number, piece: Buffer) => Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);

/** Strange text: direction marks, NUL, encoded lone surrogates, overlong and out-of-range UTF-8. */
const unicodePieces: readonly Buffer[] = [
  '\u200f', // right-to-left mark
  '\u200e', // left-to-right mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u061c', // Arabic letter mark
  '\u0000',
  '\ufeff', // a BOM in the middle
  '\u2028', // line separator
  '\u2029',
  '\u0085', // next line (C1)
  '\u00a0', // no-break space
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u0301', // combining accent
  '\uff1a', // fullwidth colon
  '\u1680', // ogham space mark
  // Every other Unicode space YAML reads as text: U+2000–U+200A, narrow NBSP, math, ideographic.
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u202f',
  '\u205f',
  '\u3000',
  '\r', // a lone CR (old Mac line break)
  '\r\n',
  '\t',
  '\u001b[31m', // terminal escape
  '\u0007',
  '\u007f',
  '🦀',
  'שלום',
  'مرحبا',
  '\ud83d\ude00',
  '\ufffd',
  '\uffff',
].map((s) => Buffer.from(s, 'utf8'));
const rawBytePieces: readonly Buffer[] = [
  [0xed, 0xa0, 0x80], // lone high surrogate U+D800 as (invalid) UTF-8
  [0xed, 0xbf, 0xbf], // lone low surrogate U+DFFF
  [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // a surrogate pair encoded as two halves (CESU-8)
  [0xc0, 0xaf], // overlong `/`
  [0xe0, 0x80, 0xaf],
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80],
  [0xc3], // a lead byte without its continuation
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
].map((b) => Buffer.from(b));

const yamlChars = '&*!|>{}[]:#%@`?-\'",';
const yamlPieces: readonly string[] = [
  '&a ', '*a', '&anchor [1, 2]', '*undefined_alias', '<<: *a', '!!binary ', '!!js/function ', '!!python/object:os.system ',
  '!<tag:yaml.org,2002:str> ', '!custom ', '? ', '- ', '|-\n', '>+\n', '|\n  ', '{', '[', '}', ']', '{a: ', '[a, ',
  '"unterminated', "'unterminated", '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '...\n', '--- ', '#', ' # ', ': ', ':', '\t',
  'null', '~', 'yes', 'no', 'on', '0x1F', '0o17', '017', '1e400', '.nan', '-.inf', '2026-02-30', '12:30:00', '2026-Q5',
  '__proto__: ', 'constructor: ', 'toString: ', 'x-a: &x { b: *x }',
];
const markdownPieces: readonly string[] = [
  '|', ' | ', '|---|---|\n', '| a | b |\n', '| D | D |', '[x](', '](../missing.md)', '[a](#', '[ref]: ./nowhere.md\n',
  '![img](data:image/png;base64,AAAA)', '<script>', '</table>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<',
  '>', '> > > ', '```\n', '~~~', '*', '**', '_', '__', '\\', '&amp;', '&#0;', '&#xD800;', '<a href="javascript:x">',
  '[link](javascript:alert(1))', '[x]: <>', '- [ ] ', '1. ', '    ', '#', '\n---\n', '\n===\n',
];

/** The mutations, by name. Each takes the current bytes and returns new ones. */
export const mutators: Readonly<Record<string, Mutator>> = {
  flipBit(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    const at = int(random, 0, copy.length - 1);
    copy[at] = copy[at]! ^ (1 << int(random, 0, 7));
    return copy;
  },
  setByte(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    const interesting = [0x00, 0x0a, 0x0d, 0x09, 0x20, 0x22, 0x27, 0x2d, 0x3a, 0x23, 0x7c, 0x5b, 0x80, 0xbf, 0xc0, 0xe2, 0xed, 0xef, 0xf0, 0xff];
    copy[int(random, 0, copy.length - 1)] = random() < 0.6 ? pick(random, interesting) : int(random, 0, 255);
    return copy;
  },
  truncate(bytes, random) {
    // Anywhere, including inside a multi-byte character or the frontmatter.
    return bytes.subarray(0, int(random, 0, bytes.length));
  },
  deleteRange(bytes, random) {
    const from = int(random, 0, bytes.length);
    const to = Math.min(bytes.length, from + int(random, 1, 64));
    return Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]);
  },
  duplicateLine(bytes, random) {
    const lines = splitLines(bytes);
    const at = someLine(random, lines);
    const times = random() < 0.9 ? int(random, 1, 3) : int(random, 10, 200);
    lines.splice(at, 0, ...Array<Buffer>(times).fill(lines[at]!));
    return joinLines(lines);
  },
  deleteLine(bytes, random) {
    const lines = splitLines(bytes);
    lines.splice(someLine(random, lines), random() < 0.8 ? 1 : int(random, 2, 6));
    return joinLines(lines);
  },
  swapLines(bytes, random) {
    const lines = splitLines(bytes);
    const a = someLine(random, lines);
    const b = someLine(random, lines);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return joinLines(lines);
  },
  insertUnicode(bytes, random) {
    const piece = random() < 0.3 ? pick(random, rawBytePieces) : random() < 0.85 ? pick(random, unicodePieces) : Buffer.from(String.fromCodePoint(int(random, 0, 0x10ffff)), 'utf8');
    return insertAt(bytes, somewhere(random, bytes), piece);
  },
  lineEndings(bytes, random) {
    const text = bytes.toString('latin1');
    const roll = int(random, 0, 5);
    const out =
      roll === 0 ? text.replace(/\r?\n/g, '\r\n')
      : roll === 1 ? text.replace(/\r\n/g, '\n')
      : roll === 2 ? text.replace(/\r?\n/g, '\r')
      : roll === 3 ? text.replace(/\n/g, (m) => (random() < 0.2 ? '\r\n' : random() < 0.05 ? '\r' : m))
      : roll === 4 ? text.replace(/\n/, '\n\r')
      : `${text}${random() < 0.5 ? '' : '\r'}`.replace(/\n$/, '');
    return Buffer.from(out, 'latin1');
  },
  indent(bytes, random) {
    const lines = splitLines(bytes);
    const roll = random();
    if (roll < 0.15) {
      // Re-indent every frontmatter line.
      const [from, to] = frontmatterLines(lines);
      const pad = Buffer.from(pick(random, [' ', '  ', '\t', '\u00a0', '\u3000', '\u2007', '\u202f']), 'utf8');
      for (let i = from; i <= Math.min(to, lines.length - 1); i++) lines[i] = Buffer.concat([pad, lines[i]!]);
      return joinLines(lines);
    }
    const at = someLine(random, lines);
    const line = lines[at]!;
    if (roll < 0.5) {
      let strip = 0;
      while (strip < line.length && (line[strip] === 0x20 || line[strip] === 0x09)) strip++;
      lines[at] = line.subarray(Math.min(strip, int(random, 1, 4)));
    } else {
      lines[at] = Buffer.concat([Buffer.from(pick(random, [' ', '  ', '    ', '\t', ' \t', '        ', '\u00a0', '\u00a0\u00a0', ' \u00a0', '\u2003'])), line]);
    }
    return joinLines(lines);
  },
  moveFence(bytes, random) {
    const lines = splitLines(bytes);
    const fences = lines.flatMap((line, i) => (line.toString('latin1').replace(/\r$/, '') === '---' ? [i] : []));
    const roll = int(random, 0, 7);
    if (roll === 0 && fences.length > 0) lines.splice(pick(random, fences), 1); // remove one
    else if (roll === 1 && fences.length > 1) {
      const [closing] = lines.splice(fences[1]!, 1); // move the closing fence
      lines.splice(int(random, 0, lines.length), 0, closing!);
    } else if (roll === 2) lines.splice(int(random, 0, lines.length), 0, Buffer.from('---')); // an extra fence
    else if (roll === 3 && fences.length > 0) {
      lines[fences[0]!] = Buffer.from(pick(random, ['---js', '---javascript', '---coffee', '--- yaml', '---json', '--- ', ' ---', '----', '+++', '...', '-- -', '—', '---\r\r']));
    } else if (roll === 4 && fences.length > 1) lines[fences[1]!] = Buffer.from(pick(random, ['...', '--- ', '---\t', '---  \t', '----', ' ---', '---#', '+++']));
    else if (roll === 5) lines.unshift(Buffer.from(pick(random, ['', ' ', '\ufeff', '<!-- x -->', '#'])));
    else if (roll === 6 && fences.length > 1) lines.splice(fences[1]!, 0, Buffer.from('---')); // an empty document after the first
    else lines.push(Buffer.from('---'), Buffer.from('title: second block'), Buffer.from('---'));
    return joinLines(lines);
  },
  yamlSpecial(bytes, random) {
    const piece = random() < 0.5 ? pick(random, [...yamlChars]) : pick(random, yamlPieces);
    return insertAt(bytes, somewhere(random, bytes), Buffer.from(piece, 'utf8'));
  },
  markdownSpecial(bytes, random) {
    // Mostly in the body: after the frontmatter, where tables and links live.
    const lines = splitLines(bytes);
    const [, fmEnd] = frontmatterLines(lines);
    let offset = 0;
    for (let i = 0; i <= Math.min(fmEnd + 1, lines.length - 1); i++) offset += lines[i]!.length + 1;
    const at = random() < 0.85 && offset < bytes.length ? int(random, offset, bytes.length) : int(random, 0, bytes.length);
    return insertAt(bytes, at, Buffer.from(pick(random, markdownPieces), 'utf8'));
  },
  splice(bytes, random, sources) {
    // Lines from another model file: a matrix into a bet, a bet's fields into a team.
    const other = splitLines(pick(random, sources).bytes);
    const from = int(random, 0, other.length - 1);
    const chunk = other.slice(from, from + int(random, 1, 12));
    const lines = splitLines(bytes);
    lines.splice(int(random, 0, lines.length), 0, ...chunk);
    return joinLines(lines);
  },
  longRun(bytes, random) {
    // One character many times: the input that makes a backtracking regular expression slow.
    const char = pick(random, [' ', '\t', '-', '#', ':', '[', '{', '*', '_', '>', '|', '`', "'", '"', '\\', '&', '!', 'a', '\r', '\u00a0']);
    // Around the bounds (32 levels, runs of 200) most often; sometimes as long as a frontmatter
    // block may be, where quadratic work shows.
    const roll = random();
    const length = roll < 0.4 ? int(random, 1, 300) : roll < 0.8 ? int(random, 300, 2_000) : int(random, 5_000, 60_000);
    const run = Buffer.from(char.repeat(Math.ceil(length / Buffer.byteLength(char))), 'utf8');
    return insertAt(bytes, somewhere(random, bytes), run);
  },
  repeatChunk(bytes, random) {
    // Long runs and big files, within bounds that keep a batch fast.
    const from = int(random, 0, bytes.length);
    const chunk = bytes.subarray(from, from + int(random, 1, 16));
    if (chunk.length === 0) return bytes;
    const cap = random() < 0.9 ? 8 * 1024 : 64 * 1024;
    const times = Math.min(int(random, 2, 20_000), Math.floor(cap / chunk.length));
    return insertAt(bytes, from, Buffer.concat(Array<Buffer>(times).fill(chunk)));
  },
};

const mutatorNames = Object.keys(mutators);

/** Makes variant `index` of a run: 1–4 mutations of one source file, placed beside it. */
export function makeVariant(seed: number, index: number, sources: readonly SourceFile[]): Variant {
  const random = mulberry32(variantSeed(seed, index));
  const source = pick(random, sources);
  const count = pick(random, [1, 1, 1, 2, 2, 3, 4]);
  let bytes = source.bytes;
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(random, mutatorNames);
    bytes = mutators[name]!(bytes, random, sources);
    if (bytes.length > maxVariantBytes) bytes = bytes.subarray(0, maxVariantBytes);
    mutations.push(name);
  }
  const slash = source.path.lastIndexOf('/');
  const folder = slash === -1 ? '' : source.path.slice(0, slash + 1);
  const id = source.path.slice(slash + 1).replace(/\.md$/, '');
  return { index, source: source.path, path: `${folder}fuzz-${index}-${id}.md`, bytes, mutations };
}
