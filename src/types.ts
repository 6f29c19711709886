// Shared shapes that flow one way through opmodel: files → entities → findings → reporters.
// Everything here is plain data (structured-cloneable, JSON-serialisable) so that
// workers can send it and the cache can store it.

/** A 1-based place in a file. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** A second place that explains a finding ("first defined here"). */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One finding, as every reporter receives it. */
export interface Finding {
  /** Path relative to the repository root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  /** Where the offending value, cell or link ends (the column after it), when the reader knows. */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** The rule id, which is also the docs slug. */
  rule: string;
  /** Which of the rule's messages this is (absent for the loader's own findings). */
  messageId?: string;
  /** The full text users see, suggestions included. */
  message: string;
  /** What was probably meant, as data (vfile-message's `expected`); the message already says it. */
  expected?: string[];
  related?: RelatedLocation[];
}

/** A finding before its severity is known: what the reader and the rules report; the config rates it. */
export type RawFinding = Omit<Finding, 'severity'>;

/** The outcome of linting a repository, as reporters receive it. */
export interface LintResult {
  /** Absolute repository root. */
  root: string;
  /** Number of model files looked at. */
  files: number;
  errors: number;
  warnings: number;
  /** Sorted by file, line, column; named as in the JSON output (`diagnostics`), which is a contract. */
  diagnostics: Finding[];
}

/** What a reporter is told about the rules, for formats that describe them (SARIF). */
export interface RuleDescription {
  id: string;
  description: string;
  defaultSeverity: Severity | 'off';
  /** Relative docs URL, e.g. `docs/rules/ref.md`. */
  docs: string;
}

export interface ReporterOptions {
  /** Colour in stylish output (only on a TTY, never with NO_COLOR). */
  color: boolean;
  /** Descriptions of every rule, for SARIF's tool.driver.rules. */
  rules: RuleDescription[];
  /** The opmodel version string. */
  version: string;
}

export type Reporter = (result: LintResult, options: ReporterOptions) => string;
