// A fast scan of a Markdown body for what the rules read when a file has no tables: links,
// images, link definitions and raw HTML, with file positions. It follows CommonMark's rules for
// code (fenced, indented, spans), escapes, nested brackets and link destinations, so it finds
// the links remark finds, at a small fraction of remark's cost. Tables still go through remark.
import type { BodyLink, UnsafeHtml } from './entity.js';
import { dangerousScheme, findUnsafeHtml } from './html.js';

export interface ScannedBody {
  links: BodyLink[];
  unsafeHtml: UnsafeHtml[];
}

interface Block {
  /** The block's text, lines joined with `\n`. */
  text: string;
  /** Index into `lines` of the block's first line. */
  firstLine: number;
  /** Offset of each line's start within `text`. */
  starts: number[];
}

const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const listItem = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const definition = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(?:\n[ \t]*)?(<[^<>\n]*>|\S+)/;

/** Scans a body; `firstLine` is the file line on which the body starts. */
export function scanBody(body: string, firstLine: number): ScannedBody {
  const out: ScannedBody = { links: [], unsafeHtml: [] };
  for (const block of blocks(body)) scanBlock(block, firstLine, out);
  return out;
}

/** Splits a body into paragraph-like blocks, leaving out fenced and indented code. */
function blocks(body: string): Block[] {
  const lines = body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const found: Block[] = [];
  let current: { lines: string[]; first: number } | undefined;
  let fence: { char: string; length: number } | undefined;
  let previousBlank = true;
  let inList = false;
  const flush = () => {
    if (!current) return;
    const starts: number[] = [];
    let offset = 0;
    for (const line of current.lines) {
      starts.push(offset);
      offset += line.length + 1;
    }
    found.push({ text: current.lines.join('\n'), firstLine: current.first, starts });
    current = undefined;
  };
  lines.forEach((line, index) => {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      previousBlank = false;
      return;
    }
    // The first character after up to three spaces decides which patterns can match at all.
    let lead = 0;
    while (lead < 4 && line.charCodeAt(lead) === 32) lead++;
    const first = line.charCodeAt(lead);
    const open = first === 96 || first === 126 ? fenceOpen.exec(line) : null; // ` ~
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      flush();
      fence = { char: open[2]![0]!, length: open[2]!.length };
      previousBlank = false;
      return;
    }
    if ((first <= 32 || first >= 0x80 || Number.isNaN(first)) && line.trim() === '') {
      flush();
      previousBlank = true;
      return;
    }
    const indented = /^(?: {4}|\t)/.test(line);
    if (indented && previousBlank && !inList && !current) {
      return; // an indented code block
    }
    if ((first === 45 || first === 43 || first === 42 || (first >= 48 && first <= 57)) && listItem.test(line)) inList = true; // - + * digit
    else if (!indented && previousBlank) inList = false;
    current ??= { lines: [], first: index };
    current.lines.push(line);
    previousBlank = false;
  });
  flush();
  return found;
}

function scanBlock(block: Block, firstLine: number, out: ScannedBody): void {
  // Links, definitions, autolinks and HTML all start with `[` or `<`.
  if (!block.text.includes('[') && !block.text.includes('<')) return;
  const text = maskCodeSpans(block.text);
  const at = (offset: number) => {
    let line = 0;
    let high = block.starts.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (block.starts[mid]! <= offset) line = mid;
      else high = mid - 1;
    }
    return { line: firstLine + block.firstLine + line, column: offset - block.starts[line]! + 1 };
  };
  // Link reference definitions open a block's lines.
  let lineStart = 0;
  for (let i = 0; i < block.starts.length; i++) {
    lineStart = block.starts[i]!;
    const def = definition.exec(text.slice(lineStart));
    if (!def) break;
    const url = unwrapDestination(def[2]!);
    out.links.push({ url, text: def[1]!, type: 'definition', ...at(lineStart + def[0].indexOf('[')) });
    const scheme = dangerousScheme(url);
    if (scheme) out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, ...at(lineStart + def[0].indexOf('[')) });
  }
  const special = /[\\[<]/g;
  for (let i = 0; i < text.length; i++) {
    // Jump to the next character that can start something: `\`, `[` or `<`.
    special.lastIndex = i;
    const next = special.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      const link = inlineLink(text, i);
      if (!link) continue;
      const image = i > 0 && text[i - 1] === '!' && !escaped(text, i - 1);
      const start = image ? i - 1 : i;
      out.links.push({ url: link.url, text: link.label, type: image ? 'image' : 'link', ...at(start) });
      const scheme = dangerousScheme(link.url);
      if (scheme) out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, ...at(start) });
      i = link.end - 1;
      continue;
    }
    if (ch === '<') {
      const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(text.slice(i, i + 2048));
      if (auto) {
        out.links.push({ url: auto[1]!, text: auto[1]!, type: 'link', ...at(i) });
        const scheme = dangerousScheme(auto[1]!);
        if (scheme) out.unsafeHtml.push({ what: `a \`${scheme}:\` link`, ...at(i) });
        i += auto[0].length - 1;
        continue;
      }
      if (/^<[A-Za-z/!?]/.test(text.slice(i, i + 2))) {
        // A tag is read up to its `>`, and at most 4 KB: a page of `<` without `>` stays linear.
        const found = text.indexOf('>', i);
        const end = found !== -1 && found - i <= 4096 ? found : -1;
        const tag = text.slice(i, end === -1 ? Math.min(text.length, i + 4096) : end + 1);
        const unsafe: UnsafeHtml[] = [];
        findUnsafeHtml(tag, { line: 1, column: 1 }, unsafe);
        for (const f of unsafe) {
          // findUnsafeHtml reports positions within `tag`; map them back to the file.
          const offset = offsetIn(tag, f.line, f.column);
          out.unsafeHtml.push({ what: f.what, ...at(i + offset) });
        }
        if (end !== -1) i = end;
      }
    }
  }
}

/** Replaces the contents of code spans with spaces, keeping offsets, so nothing in them counts. */
function maskCodeSpans(text: string): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\' && i + 1 < text.length) {
      result += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      result += text[i];
      i++;
      continue;
    }
    let run = 0;
    while (text[i + run] === '`') run++;
    const closing = findRun(text, i + run, run);
    if (closing === -1) {
      result += text.slice(i, i + run);
      i += run;
      continue;
    }
    result += text.slice(i, closing + run).replace(/[^\n]/g, ' ');
    i = closing + run;
  }
  return result;
}

function findRun(text: string, from: number, length: number): number {
  let i = text.indexOf('`', from);
  while (i !== -1) {
    let run = 0;
    while (text[i + run] === '`') run++;
    if (run === length) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}

function escaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** An inline link `[label](destination "title")` opening at `open`, or undefined. */
function inlineLink(text: string, open: number): { label: string; url: string; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length && i < open + 4096; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1 || text[close + 1] !== '(') return undefined;
  let i = close + 2;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  let url: string;
  if (text[i] === '<') {
    const end = text.indexOf('>', i);
    if (end === -1 || text.slice(i, end).includes('\n')) return undefined;
    url = text.slice(i + 1, end);
    i = end + 1;
  } else {
    const start = i;
    let parens = 0;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '(') parens++;
      else if (ch === ')') {
        if (parens === 0) break;
        parens--;
      } else if (/\s/.test(ch) || ch.charCodeAt(0) < 0x20) break;
    }
    url = text.slice(start, i);
  }
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    let j = i + 1;
    for (; j < text.length; j++) {
      if (text[j] === '\\') {
        j++;
        continue;
      }
      if (text[j] === closer) break;
    }
    if (j >= text.length) return undefined;
    i = j + 1;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  }
  if (text[i] !== ')') return undefined;
  return { label: unescape(text.slice(open + 1, close)), url: unescape(url), end: i + 1 };
}

function unwrapDestination(raw: string): string {
  return unescape(raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw);
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function offsetIn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}
