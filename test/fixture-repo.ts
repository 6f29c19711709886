// Builds the repository of one rule fixture: test/fixtures/<rule>/<case>/ laid over a copy of
// the example model, with the findings its markers expect. A marker names the rule, the message
// id and the column: `# expect: ref/missing@10` (loader findings have no message id:
// `frontmatter@1`). Findings and expectations compare as `file:line:column rule/messageId`.
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { copyOfExample, repoRoot, writeFile } from './helpers.js';

export const fixturesDir = join(repoRoot, 'test', 'fixtures');

interface FixtureSpec {
  delete?: string[];
  config?: unknown;
  expect?: { file: string; line: number; column: number; rule: string; messageId?: string }[];
  symlinks?: { path: string; target: string }[];
}

const token = String.raw`[a-z-]+(?:/[A-Za-z]+)?@\d+`;
export const markerPattern = new RegExp(String.raw`(?:#\s*|<!--\s*|\{)expect:\s*(${token}(?:\s*,\s*${token})*)\s*(?:-->|\})?`, 'g');

/** `ref/missing@10` → the rule with its message id, and the column. */
function parseToken(text: string): { rule: string; column: string } {
  const [rule, column] = text.trim().split('@') as [string, string];
  return { rule, column };
}

/** How a finding is compared: `model/bets/x.md:7:10 ref/missing`. */
export function findingKey(d: { file: string; line: number; column: number; rule: string; messageId?: string }): string {
  return `${d.file}:${d.line}:${d.column} ${d.rule}${d.messageId ? `/${d.messageId}` : ''}`;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(abs) : [abs];
  });
}

/** Builds the repository for one case and returns it with the expected findings. */
export function prepare(caseDir: string): { root: string; expected: string[] } {
  const root = copyOfExample();
  const spec: FixtureSpec = existsSync(join(caseDir, '_fixture.yaml'))
    ? ((parseYaml(readFileSync(join(caseDir, '_fixture.yaml'), 'utf8')) as FixtureSpec | null) ?? {})
    : {};
  for (const path of spec.delete ?? []) rmSync(join(root, 'model', path), { force: true, recursive: true });
  const expected: string[] = [];
  for (const abs of filesUnder(caseDir)) {
    const rel = relative(caseDir, abs).split(sep).join('/');
    if (rel === '_fixture.yaml') continue;
    const raw = readFileSync(abs);
    const text = raw.toString('utf8');
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(markerPattern)) {
        for (const text of match[1]!.split(',')) {
          const { rule, column } = parseToken(text);
          expected.push(`model/${rel}:${index + 1}:${column} ${rule}`);
        }
      }
    });
    // Markers inside table cells would change the decision text: remove them, keep the lines.
    const cleaned = text.replace(/\s*\{expect:[^}]*\}/g, '');
    writeFile(root, `model/${rel}`, cleaned === text ? raw : cleaned);
  }
  for (const link of spec.symlinks ?? []) symlinkSync(link.target, join(root, 'model', link.path));
  if (spec.config !== undefined) writeFileSync(join(root, 'opmodel.config.yaml'), JSON.stringify(spec.config));
  for (const e of spec.expect ?? []) expected.push(findingKey({ ...e, file: `model/${e.file}` }));
  return { root, expected: expected.sort() };
}

