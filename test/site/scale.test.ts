// Opt-in (OPMODEL_SCALE=10000): builds the handbook of a generated model with that many entities,
// to check that nothing in the site grows worse than linearly. Prints the timings.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { loadRepo, writeFiles } from './helpers.js';

const size = Number(process.env.OPMODEL_SCALE ?? 0);

/** A model of `size` entities: teams, roles, metrics, bets, guardrails, cadences and decision rights. */
function generatedModel(size: number): Record<string, string> {
  const n = (share: number) => Math.max(1, Math.floor(size * share));
  const entities: Record<string, string> = {};
  const add = (file: string, frontmatter: string, body = '') => (entities[file] = `---\n${frontmatter}\n---\n${body}\n`);
  add('model/operating-model.md', 'title: Scale Co\nversion: "1.0"\nquarter: 2026-Q3\nnorth_star: metric-0\nowner: role-0', 'The strategy, in [one bet](bets/bet-0.md).');
  const teams = n(0.1), roles = n(0.2), metrics = n(0.2), bets = n(0.3), guardrails = n(0.1), cadences = n(0.08), rights = n(0.02);
  for (let i = 0; i < teams; i++) add(`model/teams/team-${i}.md`, `title: Team ${i}\ntype: ${i % 10 === 0 ? 'product-group' : 'product-team'}\nlead: role-${i % roles}\n${i % 10 ? `parent: team-${i - (i % 10)}\n` : ''}metrics: [metric-${i % metrics}]`, `Team ${i} owns outcome ${i}.`);
  for (let i = 0; i < roles; i++) add(`model/roles/role-${i}.md`, `title: Role ${i}\nholder: Person ${i}\nteam: team-${i % teams}${i ? `\nreports_to: role-${Math.floor(i / 5)}` : ''}`);
  for (let i = 0; i < metrics; i++) add(`model/metrics/metric-${i}.md`, `title: Metric ${i}\ntype: leading\nowner: team-${i % teams}\nunit: "%"\ndirection: up`, `How metric ${i} is measured.`);
  for (let i = 0; i < bets; i++) {
    add(`model/bets/bet-${i}.md`, `title: Bet ${i}\nstatus: ${i % 7 === 0 ? 'active' : 'proposed'}\nowner: team-${i % teams}\nquarter: 2026-Q3\nteams: [team-${i % teams}, team-${(i + 1) % teams}]\nproblem: Problem ${i}\nleading_indicators:\n  - { metric: metric-${i % metrics}, target: up ${i}% }\nnon_goals: [Not ${i}]\nguardrails: [guardrail-${i % guardrails}]\ncheckpoints: [2026-08-0${1 + (i % 9)}]`,
      `## Hypothesis\n\nIf we do ${i}, then [metric ${i % metrics}](../metrics/metric-${i % metrics}.md) moves.\n\n- one\n- two\n`);
  }
  const types = ['guardrail', 'principle', 'guidance'], scopes = ['problems', 'solutions', 'build'];
  for (let i = 0; i < guardrails; i++) add(`model/guardrails/guardrail-${i}.md`, `title: Guardrail ${i}\ntype: ${types[i % 3]}\nscope: ${scopes[Math.floor(i / 3) % 3]}\nowner: role-${i % roles}`, `Rule ${i}.`);
  for (let i = 0; i < cadences; i++) add(`model/cadences/cadence-${i}.md`, `title: Cadence ${i}\nfrequency: ${['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'][i % 5]}\nduration_minutes: 30\nowner: role-${i % roles}\nparticipants: [team-${i % teams}]`);
  for (let i = 0; i < rights; i++) {
    const columns = [0, 1, 2, 3].map((k) => `role-${(i * 4 + k) % roles}`);
    const rows = Array.from({ length: 20 }, (_, r) => `| Decision ${i}.${r} | 5 days | role-0 | D | C | I | C |`).join('\n');
    add(`model/decision-rights/rights-${i}.md`, `title: Rights ${i}\nowner: role-${i % roles}`, `| Decision | SLA | Escalation | ${columns.join(' | ')} |\n|---|---|---|---|---|---|---|\n${rows}`);
  }
  return entities;
}

test.skipIf(!size)(`builds a ${size}-entity model`, async () => {
  const root = mkdtempSync(join(tmpdir(), 'opmodel-scale-'));
  writeFiles(root, generatedModel(size));
  const model = await loadRepo(root);
  const entities = model.entities;
  const outDir = join(root, 'dist');
  const lines: string[] = [];
  const started = performance.now();
  await buildSite({ root, model, config: {}, outDir, base: '/big/', log: (line) => lines.push(line), today: '2026-07-20' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${entities.length} entities in ${seconds.toFixed(1)} s, peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n${lines.join('\n')}`);
  expect(readdirSync(join(outDir, 'bets')).length).toBeGreaterThan(size * 0.29);
  rmSync(root, { recursive: true, force: true });
}, 1_800_000);
