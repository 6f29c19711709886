// The hostile-input corpus beside the example model: every bad file is a finding on that file,
// the rest of the model is still linted, nothing runs, nothing outside the repository leaks.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemp, copyOfExample, repoRoot, runCli, tempDir, writeFile, type CliRun } from './helpers.js';
import { writeHostileCorpus, type HostileCase } from './hostile/corpus.js';

const secret = 'opmodel-secret-7f3a9c';
let root: string;
let marker: string;
let cases: HostileCase[];
const runs: Record<string, CliRun & { seconds: number }> = {};

beforeAll(() => {
  root = copyOfExample();
  marker = join(tempDir(), 'pwned');
  cases = writeHostileCorpus(root, marker);
  // A clean file among the hostile ones must still be linted: give it one real defect.
  writeFile(root, 'model/roles/honest-mistake.md', '---\ntitle: Honest mistake\nreports_to: nobody-by-that-name\n---\n');
  for (const format of ['json', 'stylish', 'github', 'sarif']) {
    const started = Date.now();
    const run = runCli(['lint', '--format', format], root, { OPMODEL_SECRET: secret });
    runs[format] = { ...run, seconds: (Date.now() - started) / 1000 };
  }
}, 180_000);

afterAll(cleanTemp);

describe('hostile input', () => {
  it('exits 1 with findings, never 2 or a signal, in well under 30 s', () => {
    for (const [format, run] of Object.entries(runs)) {
      expect(run.signal, format).toBeNull();
      expect(run.status, `${format}: ${run.stderr}`).toBe(1);
      expect(run.seconds, format).toBeLessThan(30);
    }
  });

  it('reports every hostile file with the expected rule, at the expected line', () => {
    const diagnostics = JSON.parse(runs.json!.stdout).diagnostics as { file: string; line: number; rule: string; message: string }[];
    const missing: string[] = [];
    for (const c of cases) {
      const found = diagnostics.filter((d) => d.file === c.file && c.rules.includes(d.rule));
      if (found.length === 0) missing.push(`${c.name}: no ${c.rules.join('/')} finding on ${JSON.stringify(c.file)}`);
      else if (c.line !== undefined && !found.some((d) => d.line === c.line)) {
        missing.push(`${c.name}: expected line ${c.line}, got ${found.map((d) => d.line).join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('still lints the rest of the model', () => {
    const diagnostics = JSON.parse(runs.json!.stdout).diagnostics as { file: string; rule: string }[];
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'model/roles/honest-mistake.md', rule: 'ref' }));
    const exampleFiles = diagnostics.filter((d) => !d.file.startsWith('model/roles/') && !d.file.startsWith('model/cadences/sexagesimal'));
    expect(exampleFiles.filter((d) => d.file !== 'model/roles-elsewhere')).toEqual([]);
  });

  it('runs nothing from a model file', () => {
    expect(existsSync(marker)).toBe(false);
  });

  it('leaks no outside file content or environment variable into any output', () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    for (const [format, run] of Object.entries(runs)) {
      const output = run.stdout + run.stderr;
      expect(output, format).not.toContain(secret);
      expect(output, format).not.toContain(passwd);
      expect(output, format).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    }
  });

  it('github output cannot be forged by a file name or message', () => {
    const lines = runs.github!.stdout.split('\n').filter(Boolean);
    const count = JSON.parse(runs.json!.stdout).diagnostics.length;
    expect(lines).toHaveLength(count);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^\n]*,line=\d+,col=\d+,title=[^\n]*::/);
    expect(runs.github!.stdout).not.toMatch(/^::error file=x::forged/m);
  });

  it('stylish output carries no terminal control characters', () => {
    // eslint-disable-next-line no-control-regex
    expect(runs.stylish!.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('sarif and json are valid JSON for every file name', () => {
    expect(() => JSON.parse(runs.sarif!.stdout)).not.toThrow();
    const files = new Set((JSON.parse(runs.json!.stdout).diagnostics as { file: string }[]).map((d) => d.file));
    expect(files).toContain('model/roles/line\n::error file=x::forged.md');
  });
});

describe('one bad file among good ones, with CRLF and a BOM', () => {
  it('points at the same line with CRLF line endings and a BOM as with LF', () => {
    const lf = copyOfExample();
    const crlf = copyOfExample();
    const text = '---\ntitle: Ops analyst\nholder: Sam\nreports_to: nobody-by-that-name\n---\n\nBody.\n';
    writeFile(lf, 'model/roles/ops-analyst.md', text);
    writeFile(crlf, 'model/roles/ops-analyst.md', `\ufeff${text.replace(/\n/g, '\r\n')}`);
    const a = JSON.parse(runCli(['lint', '--format', 'json'], lf).stdout).diagnostics;
    const b = JSON.parse(runCli(['lint', '--format', 'json'], crlf).stdout).diagnostics;
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expect(a[0]).toMatchObject({ line: 4, column: 1, rule: 'ref' });
  });
});

describe('YAML 1.2 core schema: values stay what they look like', () => {
  it('keeps `no`, dates and times as text; the schema judges them', async () => {
    const { lint } = await import('../dist/lint.js');
    const root = copyOfExample();
    writeFile(root, 'model/roles/yaml-values.md', '---\ntitle: Night shift lead\nholder: no\nreview_by: 2027-03-01\n---\n');
    writeFile(root, 'model/cadences/yaml-time.md', '---\ntitle: Stand-up\nfrequency: daily\nduration_minutes: 1:20\nparticipants: [yes]\n---\n');
    const { model, result } = await lint(root, { today: '2026-11-21' });
    const role = model.entities.find((e) => e.id === 'yaml-values')!;
    expect(role.data.holder).toBe('no');
    expect(role.data.review_by).toBe('2027-03-01');
    const cadence = model.entities.find((e) => e.id === 'yaml-time')!;
    expect(cadence.data.duration_minutes).toBe('1:20');
    expect(cadence.data.participants).toEqual(['yes']);
    const found = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`);
    expect(found).toEqual(['model/cadences/yaml-time.md:4 schema', 'model/cadences/yaml-time.md:5 ref']);
  });
});

describe.skipIf(!existsSync('/usr/bin/time'))('memory', () => {
  it('lints the whole hostile corpus in under 512 MB of peak memory (workers are threads of the one process)', () => {
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(repoRoot, 'bin', 'opmodel.js'), 'lint', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const kilobytes = Number(result.stderr.trim().split('\n').pop());
    expect(kilobytes).toBeGreaterThan(0);
    expect(kilobytes / 1024).toBeLessThan(512);
  });
});
