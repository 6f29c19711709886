// A YAML parser's error in words for a person editing the file, with a fix: for model files and
// opmodel.config.yaml alike.

/** A fix for each of the `yaml` package's error codes that people meet. */
const yamlHints: Record<string, string> = {
  BAD_INDENT: 'check that nested fields are indented with spaces, evenly',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'put a space after the colon, or quote the value',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a colon or quote missing on the line above?',
  UNEXPECTED_TOKEN: 'quote values that contain `: `, `#` or start with a special character',
  DUPLICATE_KEY: 'keep one of the two fields',
  TAG_RESOLVE_FAILED: 'remove the `!` tag',
  BAD_SCALAR_START: 'put the value in double quotes, e.g. github: "@alice"',
  BAD_ALIAS: 'write the value out instead of using an alias',
};

/** A YAML parser error in words for a person editing the file: its first line and a fix. */
export function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  const hint = /^Sequence item without/.test(first) ? 'line up each field of a list item with the first one after its `- `, or start a new item with `- `' : yamlHints[code];
  const text = `YAML: ${first}${hint ? ` — ${hint}` : ''}`;
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
