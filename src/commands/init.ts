// `opmodel init`: scaffold a small starter model that lints clean; never overwrites a file.
import { join } from 'node:path';
import { writeNewFile } from '../util/write.js';
import { currentQuarter, inOneYear } from './templates.js';
import { type Command, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel init [DIR]

Create a starter operating model in DIR (default: the current folder): the model
root, two roles, a team, a metric, a bet, a guardrail, a decision-rights matrix,
the context grid, a weekly cadence and a .gitignore for the built site and cache.
Files that already exist are left alone.
`,
  async run(args) {
    const { positionals } = parse(args, {});
    if (positionals.length > 1) throw new UsageError('init takes one DIR.');
    const root = repoDir(positionals[0]);
    const created: string[] = [];
    const kept: string[] = [];
    for (const [file, content] of Object.entries(starter())) {
      const refusal = writeNewFile(root, join(root, file), content);
      if (refusal === undefined) created.push(file);
      else kept.push(`${file} (${refusal === 'exists' ? 'already exists' : 'behind a link; skipped'})`);
    }
    const lines = [];
    if (created.length) lines.push(`Created:\n${created.map((f) => `  ${f}`).join('\n')}`);
    if (kept.length) lines.push(`Left as they were:\n${kept.map((f) => `  ${f}`).join('\n')}`);
    lines.push('Next: edit model/operating-model.md, then run `opmodel lint` and `opmodel build`.');
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

function starter(): Record<string, string> {
  const quarter = currentQuarter();
  const review = inOneYear();
  return {
    'opmodel.config.yaml': `# opmodel settings; every one has a default. See the README.
model: model
rules:
  bet-wip: [error, { max: 3 }]
# site:
#   title: Our handbook
#   repo: https://github.com/your-org/operating-model
`,
    '.gitignore': `# Built by opmodel: the handbook site and the lint cache.
_site/
.opmodel-cache/
`,
    'model/README.md': `# Our operating model

Each file here is one part of how we work: bets, guardrails, decision rights, teams,
roles, metrics and cadences. Change them in a pull request; \`opmodel lint\` checks
every change.
`,
    'model/operating-model.md': `---
title: Operating Model v1
version: "1.0"
quarter: ${quarter}
north_star: weekly-active-customers
owner: cpo
---

## Where we play

Write the product strategy here: who we serve, the problem we solve for them, and how
we will win. Keep it to one page.
`,
    'model/roles/cpo.md': `---
title: Chief Product Officer
team: product
---

Owns the product strategy and the portfolio of bets.
`,
    'model/roles/head-of-engineering.md': `---
title: Head of Engineering
team: product
reports_to: cpo
---

Owns how we build: architecture, delivery and engineering health.
`,
    'model/teams/product.md': `---
title: Product team
type: product-team
lead: cpo
members: [cpo, head-of-engineering]
metrics: [weekly-active-customers]
---

The first team. Split it when it grows past one pizza.
`,
    'model/metrics/weekly-active-customers.md': `---
title: Weekly active customers
type: north-star
owner: cpo
unit: customers
direction: up
---

Customers who completed the core job at least once in the week.
`,
    [`model/bets/first-bet.md`]: `---
title: Our first bet
status: proposed
owner: product
quarter: ${quarter}
problem: Describe the opportunity this bet addresses.
leading_indicators:
  - metric: weekly-active-customers
    target: from today's number to the number you aim for
non_goals:
  - Say what this bet will not do.
---

## Hypothesis

We believe that … will result in … We will know we are right when …
`,
    'model/guardrails/customer-data-stays-in-region.md': `---
title: Customer data stays in its region
type: guardrail
scope: build
owner: head-of-engineering
review_by: ${review}
---

We never move a customer's data out of the region they chose.
`,
    'model/decision-rights/product-decisions.md': `---
title: Product decisions
owner: cpo
---

| Decision | SLA | Escalation | cpo | head-of-engineering |
|----------|-----|------------|-----|---------------------|
| Add a bet to the quarter | 5 business days | cpo | D | C |
| Choose the architecture of a new service | 3 business days | cpo | I | D |
`,
    'model/context/context.md': `---
title: Context for our teams
owner: cpo
---

|                           | Guardrails | Principles | Guidance |
|---------------------------|------------|------------|----------|
| Which problems to tackle  | [Product strategy](../operating-model.md) | none yet | none yet |
| How to solve the problem  | none yet | none yet | none yet |
| How to build the solution | [Data stays in region](../guardrails/customer-data-stays-in-region.md) | none yet | none yet |
`,
    'model/cadences/weekly-operating-review.md': `---
title: Weekly operating review
frequency: weekly
duration_minutes: 45
owner: cpo
participants: [product]
inputs: [leading indicators of active bets]
outputs: [decisions and owners]
---

Forty-five minutes: what moved, what is blocked, what we decide.
`,
  };
}
