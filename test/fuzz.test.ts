// Fuzz test: seeded mutations of the example model's files, linted in batches beside the real
// model through the real CLI (and the library API), must never crash, hang or print a stack trace.
//
//   OPMODEL_FUZZ_VARIANTS=200000 npx vitest run test/fuzz.test.ts   a long run (default 10,000)
//   OPMODEL_FUZZ_SEED=1234 (or `random`)                             another seed (default below)
//   OPMODEL_FUZZ_BATCH=7                                             only that batch, to reproduce
import { randomInt } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../dist/lint.js';
import { readFrontmatter } from '../dist/model/read/frontmatter.js';
import { ruleIds } from '../dist/rules/index.js';
import { cleanTemp, copyOfExample, exampleModel, runCli, testToday, type CliRun } from './helpers.js';
import { makeVariant, type SourceFile, type Variant } from './fuzz/mutate.js';

/** The seed CI uses, so that every CI run checks the same 10,000 variants. */
const defaultSeed = 0x0b5e55ed;
const seed = readSeed(process.env.OPMODEL_FUZZ_SEED);
const variantCount = readCount('OPMODEL_FUZZ_VARIANTS', 10_000);
const batchSize = readCount('OPMODEL_FUZZ_BATCH_SIZE', 1_000);
const onlyBatch = process.env.OPMODEL_FUZZ_BATCH === undefined ? undefined : readCount('OPMODEL_FUZZ_BATCH', 0, 0);
/** Time one batch may take through the CLI. */
const batchBudgetMs = 60_000;
const batchCount = Math.ceil(variantCount / batchSize);
/** The batch also linted through the library API (it must report exactly what the CLI does). */
const apiBatch = onlyBatch ?? 0;

const sources = readSources(exampleModel);
const realFileCount = sources.length;
const root = copyOfExample();
let written: string[] = [];

afterAll(cleanTemp);

describe(`fuzz: ${variantCount} mutated model files, seed ${seed}`, () => {
  for (let batch = 0; batch < batchCount; batch++) {
    if (onlyBatch !== undefined && batch !== onlyBatch) continue;
    const first = batch * batchSize;
    const count = Math.min(batchSize, variantCount - first);
    it(`batch ${batch}: variants ${first}–${first + count - 1}`, async () => {
      const variants = Array.from({ length: count }, (_, i) => makeVariant(seed, first + i, sources));
      writeBatch(root, variants);
      const { run, ms } = lintThroughCli(root);
      const problems = checkRun(run, ms, variants);
      if (problems.length > 0) {
        const named = namedIn(problems, variants);
        expect.fail(failureReport(batch, problems, named.length > 0 ? named : shrink(variants)));
      }
      if (batch === apiBatch) {
        const apiProblems = await checkLibrary(root, variants, JSON.parse(run.stdout).diagnostics);
        if (apiProblems.length > 0) expect.fail(failureReport(batch, apiProblems, namedIn(apiProblems, variants)));
      }
    }, 5 * batchBudgetMs);
  }
});

/**
 * Files the fuzz test has found problems with, kept as fixed cases: each must get ordinary
 * findings, without the loader's last-resort guards, however the random variants change.
 */
interface FoundCase {
  name: string;
  /** Path inside the model folder. */
  path: string;
  content: string;
  /**
   * Also time readFrontmatter in this process: the problem was a slow regular expression there,
   * which on a fast machine may stay under the loader's 10 s budget and so pass the CLI check.
   */
  timeFrontmatter?: boolean;
}

/** A small decision-rights file (a kind whose body goes through the full Markdown parser). */
const matrix = (title: string, after: string) =>
  `---\ntitle: ${title}\nowner: cpo\n---\n\n| Decision | SLA | Escalation | cpo |\n|---|---|---|---|\n| ${title}: who signs off | 1 day | ceo | D |\n\n${after}`;

const foundCases: FoundCase[] = [
  {
    // findExcessiveNesting trims each frontmatter line with /\s+$/, which backtracks
    // quadratically on a long run of whitespace followed by other text: ~13 s for 60,000 spaces.
    name: 'frontmatter: 60,000 spaces inside a value',
    path: 'roles/long-spaces.md',
    content: `---\ntitle: Long spaces\nholder: ${' '.repeat(60_000)}x\n---\n`,
    timeFrontmatter: true,
  },
  {
    // gray-matter tests whether the block is empty with /^\s*#[^\n]+/gm, which backtracks
    // quadratically over many line breaks: ~8 s for 50,000 blank lines.
    name: 'frontmatter: 64,000 blank lines',
    path: 'roles/blank-lines.md',
    content: `---\n${'\n'.repeat(64_000)}title: Blank lines\n---\n`,
    timeFrontmatter: true,
  },
  {
    // A chain of implicit mappings on one line once passed the nesting pre-check and overflowed
    // the yaml parser's stack: thousands of findings, some "Maximum call stack size exceeded", and
    // how many depended on how warm the worker's JIT was, so two runs disagreed.
    name: 'frontmatter: 8,000 implicit mappings on one line',
    path: 'roles/compact-chain.md',
    content: `---\ntitle: Compact chain\nholder: ${'a: '.repeat(8_000)}b\n---\n`,
  },
  {
    // The body bounds' nesting pattern backtracks exponentially on a line indented by fewer
    // spaces than the limit needs (33 × 4) but more than about 50: ~19 s for 60 spaces.
    name: 'role body: a line indented by 70 spaces',
    path: 'roles/indented.md',
    content: `---\ntitle: Indented\n---\n\n${' '.repeat(70)}x\n`,
  },
  {
    // micromark is quadratic in the lazy continuation lines of a list item: 32 KB takes ~33 s.
    name: 'role body: a list item then 16,000 lazy continuation lines',
    path: 'roles/lazy-lines.md',
    content: `---\ntitle: Lazy lines\n---\n\nSee [the strategy](../operating-model.md).\n\n- An item\n${'x\n'.repeat(16_000)}`,
  },
  {
    name: 'matrix body: a list item then 16,000 lazy continuation lines',
    path: 'decision-rights/lazy-lines.md',
    content: matrix('Lazy lines', `- An item\n${'x\n'.repeat(16_000)}`),
  },
  {
    // micromark is quadratic in `]` after an open `[` (label ends are scanned again and again);
    // the body bounds count `*`, `_` and `[` but not `]`: 32 KB takes ~25 s.
    name: 'role body: an open bracket then 24,000 closing brackets',
    path: 'roles/closing-brackets.md',
    content: `---\ntitle: Closing brackets\n---\n\nSee [the strategy](../operating-model.md) [x${']x'.repeat(24_000)}\n`,
  },
  {
    name: 'matrix body: an open bracket then 24,000 closing brackets',
    path: 'decision-rights/closing-brackets.md',
    content: matrix('Closing brackets', `See [x${']x'.repeat(24_000)}\n`),
  },
  {
    // micromark counts a lone CR as a line break, the rest of opmodel counts LF only, so the
    // finding lands on a line past the end of the file.
    name: 'role body: lone carriage returns before a finding',
    path: 'roles/lone-cr.md',
    content: `---\ntitle: Lone CR\n---\n\nIntro.${'\r'.repeat(100)}\n<script>x</script>\n`,
  },
  {
    name: 'matrix body: lone carriage returns before a finding',
    path: 'decision-rights/lone-cr.md',
    content: matrix('Lone CR', `Intro.${'\r'.repeat(100)}\n<script>x</script>\n`),
  },
];

describe('fuzz: cases found earlier', () => {
  it.each(foundCases)('$name', ({ path, content, timeFrontmatter }) => {
    const repo = copyOfExample();
    const variant: Variant = { index: -1, source: path, path, bytes: Buffer.from(content), mutations: ['found earlier'] };
    writeFileSync(join(repo, 'model', path), variant.bytes);
    const { run, ms } = lintThroughCli(repo);
    expect(checkRun(run, ms, [variant])).toEqual([]);
    if (timeFrontmatter) {
      const started = performance.now();
      readFrontmatter(content);
      expect(performance.now() - started, 'readFrontmatter on a 64 KB file (ms)').toBeLessThan(2_000);
    }
  }, 4 * batchBudgetMs);
});

describe('fuzz harness', () => {
  it('makes the same variant from the same seed and index, and different ones from others', () => {
    const a = makeVariant(seed, 42, sources);
    const b = makeVariant(seed, 42, sources);
    expect(b).toEqual(a);
    const others = Array.from({ length: 50 }, (_, i) => makeVariant(seed, 1000 + i, sources).bytes.toString('base64'));
    expect(new Set(others).size).toBeGreaterThan(45);
  });
});

/** Every entity file of the example model, in path order. */
function readSources(modelDir: string): SourceFile[] {
  const found: SourceFile[] = [];
  const visit = (rel: string) => {
    for (const entry of readdirSync(join(modelDir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name) && !entry.name.startsWith('_')) {
        found.push({ path, bytes: readFileSync(join(modelDir, path)) });
      }
    }
  };
  visit('');
  return found;
}

/** Replaces the previous batch's variants in the repository with these. */
function writeBatch(repo: string, variants: readonly Variant[]): void {
  for (const path of written) rmSync(path, { force: true });
  written = variants.map((v) => {
    const abs = join(repo, 'model', v.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, v.bytes);
    return abs;
  });
}

function lintThroughCli(repo: string): { run: CliRun; ms: number } {
  const started = performance.now();
  const run = runCli(['lint', '--format', 'json'], repo);
  return { run, ms: performance.now() - started };
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/** Everything wrong with one CLI run over a batch; empty when the run is fine. */
function checkRun(run: CliRun, ms: number, variants: readonly Variant[]): string[] {
  const problems: string[] = [];
  if (run.signal !== null) problems.push(`the CLI was stopped by ${run.signal} after ${(ms / 1000).toFixed(1)} s (a hang or a crash)`);
  if (run.status !== 0 && run.status !== 1) problems.push(`exit code ${run.status}, expected 0 or 1`);
  if (ms > batchBudgetMs) problems.push(`the batch took ${(ms / 1000).toFixed(1)} s, more than the ${batchBudgetMs / 1000} s budget`);
  if (/\n\s+at .*:\d+/.test(run.stderr) || /internal error|Error:/.test(run.stderr)) problems.push(`stderr holds an error or stack trace: ${run.stderr.slice(0, 600)}`);
  let doc: { version?: unknown; summary?: { files?: unknown; errors?: unknown; warnings?: unknown }; diagnostics?: unknown };
  try {
    doc = JSON.parse(run.stdout);
  } catch (error) {
    problems.push(`stdout is not valid JSON (${(error as Error).message}): ${run.stdout.slice(0, 300)}`);
    return problems;
  }
  if (doc.version !== 1) problems.push(`version is ${JSON.stringify(doc.version)}, expected 1`);
  if (!Array.isArray(doc.diagnostics)) {
    problems.push('diagnostics is not a list');
    return problems;
  }
  const diagnostics = doc.diagnostics as JsonDiagnostic[];
  problems.push(...checkDiagnostics(diagnostics, variants));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (doc.summary?.errors !== errors || doc.summary?.warnings !== diagnostics.length - errors) {
    problems.push(`summary ${JSON.stringify(doc.summary)} does not match ${errors} errors and ${diagnostics.length - errors} warnings`);
  }
  if (doc.summary?.files !== realFileCount + variants.length) problems.push(`summary.files is ${String(doc.summary?.files)}, expected ${realFileCount + variants.length}: a file was skipped`);
  if ((run.status === 1) !== errors > 0) problems.push(`exit code ${run.status} with ${errors} errors`);
  return problems;
}

/**
 * Findings the loader writes when its last-resort guards fire: a worker stopped for time or
 * memory, or an exception caught around the reader. Small mutated files must never need them.
 */
const lastResort = [
  /^Reading this file (took more than|needed more memory|crashed the parser|stopped the parser)/,
  /^The file is nested too deeply to read safely/,
  /^The file could not be read: check that it is a Markdown file/,
  /^The file changed while it was read/,
  // An engine's own failure passed on as a finding.
  /Maximum call stack size exceeded|RangeError|TypeError|\[object Object\]/,
];

/** Each diagnostic names a file, a 1-based line and column inside it, a known rule and a message. */
function checkDiagnostics(diagnostics: readonly JsonDiagnostic[], variants: readonly Variant[]): string[] {
  const problems: string[] = [];
  // LF, CRLF and a lone CR (old Mac line endings) each end a line, for opmodel as for an editor.
  const lineCounts = new Map(variants.map((v) => [`model/${v.path}`, v.bytes.toString('latin1').split(/\r\n|\r|\n/).length]));
  const knownRules = new Set<string>(ruleIds);
  diagnostics.forEach((d, i) => {
    const where = `diagnostic ${i} ${JSON.stringify(d).slice(0, 300)}`;
    if (typeof d.file !== 'string' || d.file === '' || d.file.startsWith('/') || d.file.startsWith('..') || d.file.includes('\\')) problems.push(`${where}: file is not a repository-relative path`);
    if (!Number.isInteger(d.line) || d.line < 1) problems.push(`${where}: line is not an integer ≥ 1`);
    if (!Number.isInteger(d.column) || d.column < 1) problems.push(`${where}: column is not an integer ≥ 1`);
    if (typeof d.rule !== 'string' || !knownRules.has(d.rule)) problems.push(`${where}: rule is not a known rule id`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${where}: message is empty`);
    if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`${where}: severity is not error or warning`);
    if (typeof d.message === 'string' && lastResort.some((re) => re.test(d.message))) problems.push(`${where}: a last-resort guard fired (or an engine failure leaked) on a small file`);
    const lines = lineCounts.get(d.file);
    if (lines !== undefined && d.line > lines) problems.push(`${where}: line is past the end of the file (${lines} lines)`);
    const previous = diagnostics[i - 1];
    if (previous && (previous.file > d.file || (previous.file === d.file && (previous.line > d.line || (previous.line === d.line && previous.column > d.column))))) {
      problems.push(`${where}: out of order after ${JSON.stringify(previous).slice(0, 200)}`);
    }
  });
  return problems.slice(0, 20);
}

/** Lints the same batch through the library API: same invariants, same findings as the CLI. */
async function checkLibrary(repo: string, variants: readonly Variant[], cliDiagnostics: JsonDiagnostic[]): Promise<string[]> {
  const started = performance.now();
  let outcome;
  try {
    outcome = await lint(repo, { today: testToday });
  } catch (error) {
    return [`lint() threw: ${(error as Error).stack ?? String(error)}`];
  }
  const ms = performance.now() - started;
  const diagnostics = outcome.result.diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
  const problems = checkDiagnostics(diagnostics, variants);
  if (ms > batchBudgetMs) problems.push(`lint() took ${(ms / 1000).toFixed(1)} s, more than the ${batchBudgetMs / 1000} s budget`);
  if (outcome.result.files !== realFileCount + variants.length) problems.push(`lint() saw ${outcome.result.files} files, expected ${realFileCount + variants.length}`);
  // The six documented fields: the CLI's JSON adds optional ones (message id, suggestions, end).
  const key = ({ file, line, column, severity, rule, message }: JsonDiagnostic) => JSON.stringify({ file, line, column, severity, rule, message });
  const fromCli = new Set(cliDiagnostics.map(key));
  const fromApi = new Set(diagnostics.map(key));
  const onlyApi = diagnostics.filter((d) => !fromCli.has(key(d)));
  const onlyCli = cliDiagnostics.filter((d) => !fromApi.has(key(d)));
  if (onlyApi.length > 0 || onlyCli.length > 0 || diagnostics.length !== cliDiagnostics.length) {
    problems.push(
      `lint() and the CLI report different findings for the same files: only lint() ${JSON.stringify(onlyApi.slice(0, 3)).slice(0, 800)}, only the CLI ${JSON.stringify(onlyCli.slice(0, 3)).slice(0, 800)}`,
    );
  }
  return problems;
}

/** The variants whose files the problems name. */
function namedIn(problems: readonly string[], variants: readonly Variant[]): Variant[] {
  return variants.filter((v) => problems.some((p) => p.includes(`"model/${v.path}"`)));
}

/**
 * Halves a failing batch while one half still fails on its own, in a fresh repository, to name
 * the variant(s) that cause the failure. Stops when neither half fails alone, or after 2 minutes.
 */
function shrink(variants: readonly Variant[]): Variant[] {
  const deadline = performance.now() + 2 * batchBudgetMs;
  let current = [...variants];
  const fails = (subset: Variant[]) => {
    const repo = copyOfExample();
    for (const v of subset) {
      const abs = join(repo, 'model', v.path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, v.bytes);
    }
    const { run, ms } = lintThroughCli(repo);
    rmSync(repo, { recursive: true, force: true });
    return checkRun(run, ms, subset).length > 0;
  };
  for (let step = 0; step < 12 && current.length > 1 && performance.now() < deadline; step++) {
    const half = Math.ceil(current.length / 2);
    const left = current.slice(0, half);
    const right = current.slice(half);
    if (fails(left)) current = left;
    else if (fails(right)) current = right;
    else break;
  }
  return current;
}

function failureReport(batch: number, problems: readonly string[], culprits: readonly Variant[]): string {
  const lines = [
    `Fuzz failure with seed ${seed}, batch ${batch} (batch size ${batchSize}).`,
    `Reproduce: OPMODEL_FUZZ_SEED=${seed} OPMODEL_FUZZ_VARIANTS=${variantCount} OPMODEL_FUZZ_BATCH_SIZE=${batchSize} OPMODEL_FUZZ_BATCH=${batch} npx vitest run test/fuzz.test.ts`,
    '(variants are made from the example model in model/: reproduce on the same commit)',
    ...problems.slice(0, 20).map((p) => `  - ${p}`),
  ];
  if (culprits.length > 0 && culprits.length <= 8) {
    // Kept outside the temporary folders (which are removed) so the files can be opened.
    const keep = join(tmpdir(), 'opmodel-fuzz-failures', `seed-${seed}-batch-${batch}`);
    lines.push(`The failure reproduces with ${culprits.length} variant(s) beside the example model; copies in ${keep}:`);
    for (const v of culprits) {
      const copy = join(keep, 'model', v.path);
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, v.bytes);
      lines.push(`  variant ${v.index}: model/${v.path} (${v.bytes.length} bytes) from ${v.source} by ${v.mutations.join(', ')}`);
      lines.push(`    starts: ${JSON.stringify(v.bytes.toString('utf8').slice(0, 300))}`);
    }
  } else if (culprits.length > 8) {
    lines.push(`Shrinking stopped at ${culprits.length} variants (indexes ${culprits[0]!.index}–${culprits[culprits.length - 1]!.index}).`);
  }
  return lines.join('\n');
}

function readSeed(value: string | undefined): number {
  if (value === undefined || value === '') return defaultSeed;
  if (value === 'random') return randomInt(0, 2 ** 32 - 1);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) throw new Error(`OPMODEL_FUZZ_SEED must be a whole number below 2^32 or \`random\`, not '${value}'.`);
  return n;
}

function readCount(name: string, fallback: number, min = 1): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not '${value}'.`);
  return n;
}
