// The CLI and the handbook run the same library on the same model: each question they both answer
// (who decides, where a link goes, how an assessment scores, what needs review, what changed) gets
// one answer. Each test asks both on one input and compares.
import { afterAll, describe, expect, test } from 'vitest';
import { lint } from '../dist/lint.js';
import { buildHandbookData } from '../dist/site/handbook.js';
import { decisionIndex, findRows, finderRows } from '../site/src/lib/decision-index.js';
import { cleanTemp, copyOfExample, runCli, testToday } from './helpers.js';

const noHistory = { state: 'unavailable', prefix: '', lastUpdated: new Map(), commits: [] } as const;

afterAll(cleanTemp);

describe('who decides: `opmodel who` and the handbook finder', () => {
  test('find the same decisions for the same question', async () => {
    const root = copyOfExample();
    const { model } = await lint(root, { today: testToday });
    const data = buildHandbookData(model, { today: testToday, history: noHistory });
    const titles = new Map(data.entities.map((e) => [e.id, e.title]));
    const index = decisionIndex(data.entities.filter((e) => e.kind === 'decision-rights'), (id) => titles.get(id) ?? id);
    const rows = finderRows(index);
    // The handbook's placeholder offers "a new bet"; people ask "who decides …".
    for (const query of ['a new bet', 'who decides a new database', 'pricing', 'hiring', 'an incident', 'who decides on a discount?']) {
      const cli = runCli(['who', query, '--all', '--format', 'json'], root);
      expect(cli.status, cli.stderr).toBe(0);
      const fromCli = (JSON.parse(cli.stdout) as { matches: { decision: string }[] }).matches.map((m) => m.decision).sort();
      const { found, partial } = findRows(rows, query);
      expect(partial).toBe(false);
      expect(fromCli.length, query).toBeGreaterThan(0);
      expect(fromCli, query).toEqual(found.map((r) => r.decision).sort());
    }
    expect(runCli(['who', 'a new bet', '--format', 'json'], root).stdout).toContain('Add, pause or kill a bet');
  });
});
