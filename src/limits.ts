// Safety limits for reading untrusted model files. Each bound keeps one file from
// hanging or crashing the linter; tests and docs/security.md refer to these names.

export const limits = {
  /** Largest model file read, in bytes (configurable with `max_file_size`). */
  maxFileBytes: 1024 * 1024,
  /** Largest frontmatter block, in bytes. */
  maxFrontmatterBytes: 64 * 1024,
  /** Most lines in one frontmatter block. */
  maxFrontmatterLines: 3000,
  /** Deepest nesting of YAML collections. */
  maxYamlDepth: 32,
  /** Most alias expansions in one frontmatter block (a 9×9 alias bomb needs far more). */
  maxYamlAliases: 100,
  /** Most alias nodes (`*name`) written in one frontmatter block. */
  maxYamlAliasNodes: 20,
  /** Most keys in one frontmatter block. */
  maxYamlKeys: 5000,
  /** Largest body handed to the Markdown parser, in bytes. */
  maxBodyParseBytes: 512 * 1024,
  /** Deepest blockquote or list nesting the Markdown parser is given. */
  maxMarkdownNesting: 32,
  /** Most lines in one paragraph or list block (no blank line between them). */
  maxBlockLines: 2000,
  /** Longest run of one emphasis or bracket character the Markdown parser is given. */
  maxDelimiterRun: 200,
  /** Most rows in one table of a decision-rights or context-table body. */
  maxTableRows: 500,
  /** Largest table, in bytes. */
  maxTableBytes: 64 * 1024,
  /** Time a worker may spend on one file before it is stopped and the file reported. */
  fileTimeBudgetMs: 10_000,
  /** Heap a parsing worker may use, in MB. */
  workerHeapMb: 512,
};

export type Limits = typeof limits;
