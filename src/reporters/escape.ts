// Makes user-controlled text (file names, messages) safe to print: nothing a model
// file contains may move the cursor, retitle the terminal, or start a new line.

/**
 * Characters a terminal or log viewer acts on instead of showing: C0 and C1 controls
 * (ESC starts CSI/OSC sequences, CR/LF break lines), DEL, line/paragraph separators,
 * and the bidi controls that can make displayed text differ from the bytes.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\x1b': '\\x1b',
};

/** Replaces every control, separator and bidi character with a visible escape such as `\n` or `\x1b`. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces unpaired UTF-16 surrogates with U+FFFD so the text can be URI-encoded. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Width of text in code points, an approximation of the columns it takes in a terminal. */
export function textWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}
