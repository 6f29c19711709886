// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Finding, LintResult, Reporter, ReporterOptions, RuleDescription, Severity } from '../types.js';
import { toWellFormed } from './escape.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const REPOSITORY = 'https://github.com/opmodel/opmodel';
const DOCS_BASE = `${REPOSITORY}/blob/main/`;
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'none';

const LEVEL: Record<Severity | 'off', Level> = { error: 'error', warning: 'warning', off: 'none' };

/** A SARIF `reportingDescriptor`, as far as opmodel fills it in. */
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration?: { level: Level };
}

/** Turns a relative `/`-separated path into a URI reference: each segment percent-encoded, `/` kept. */
export function toRelativeUri(file: string): string {
  return toWellFormed(file).split('/').map(encodeURIComponent).join('/');
}

function docsUri(rule: RuleDescription): string {
  return DOCS_BASE + rule.docs.replace(/^\/+/, '');
}

function describeRule(rule: RuleDescription): SarifRule {
  const helpUri = docsUri(rule);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri,
    help: { text: `${rule.description}\n\nSee ${helpUri}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function physicalLocation(file: string, line: number, column: number, end?: { line?: number; column?: number }) {
  // SARIF lines and columns start at 1; a 0 would make the whole log invalid. An end is given
  // only where it is known and lies after the start.
  const start = { startLine: Math.max(1, line), startColumn: Math.max(1, column) };
  const hasEnd = end?.line !== undefined && end.column !== undefined && (end.line > start.startLine || (end.line === start.startLine && end.column > start.startColumn));
  return {
    artifactLocation: { uri: toRelativeUri(file), uriBaseId: SRCROOT },
    region: hasEnd ? { ...start, endLine: end.line!, endColumn: end.column! } : start,
  };
}

/** `file:` URI of the repository root, ending in `/` as SARIF requires of a base. */
function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A finding's message without the line and column numbers in it, which shift as files are edited. */
const withoutPositions = (message: string): string => message.replace(/\bline \d+\b/g, 'line').replace(/:\d+(:\d+)?\b/g, '');

/**
 * `partialFingerprints` that stay the same while lines move: rule, file, the message without
 * positions, and which occurrence of that triple it is. Code scanning matches alerts across runs by them.
 */
function fingerprints(diagnostics: Finding[]): { 'opmodel/v1': string }[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = `${d.rule}\u0000${d.file}\u0000${withoutPositions(d.message)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const hash = createHash('sha256').update(toWellFormed(`${key}\u0000${occurrence}`)).digest('hex').slice(0, 32);
    return { 'opmodel/v1': hash };
  });
}

/** Formats the result as a SARIF 2.1.0 log with one run. */
export const sarif: Reporter = (result: LintResult, options: ReporterOptions): string => {
  const rules = options.rules.map(describeRule);
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));

  // A finding whose rule the caller did not describe still needs a valid ruleIndex.
  const indexOf = (id: string): number => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      rules.push({ id, shortDescription: { text: id } });
    }
    return index;
  };

  const prints = fingerprints(result.diagnostics);
  const results = result.diagnostics.map((d: Finding, index) => ({
    ruleId: d.rule,
    ruleIndex: indexOf(d.rule),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: physicalLocation(d.file, d.line, d.column, { line: d.endLine, column: d.endColumn }) }],
    partialFingerprints: prints[index],
    ...(d.expected?.length ? { properties: { expected: d.expected } } : {}),
    ...(d.related && d.related.length > 0
      ? {
          relatedLocations: d.related.map((r, index) => ({
            id: index + 1,
            message: { text: r.message },
            physicalLocation: physicalLocation(r.file, r.line, r.column),
          })),
        }
      : {}),
  }));

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'opmodel', version: options.version, informationUri: REPOSITORY, rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        // Columns count UTF-16 code units, as JavaScript strings (and GitHub) do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
