// `opmodel init`: scaffold a small starter model that lints clean, the CI workflow that lints every
// pull request and publishes the handbook, and a .gitignore; never overwrites a file.
import { join } from 'node:path';
import { readExistingFile, writeNewFile } from '../util/write.js';
import { escapeControl } from '../reporters/escape.js';
import { actionRef } from '../version.js';
import { currentQuarter, inOneYear } from './templates.js';
import { asOf, asOfOption, type Command, parse, repoDir, UsageError } from './command.js';
import { assessmentFrontmatter } from '../model/domain/kinds/assessment.js';

/** Where init writes the CI workflow, relative to DIR. */
export const workflowPath = '.github/workflows/opmodel.yml';

/** What the .gitignore init writes keeps out of git: installed packages, the built site, the lint cache. */
const ignored = ['node_modules/', '_site/', '.opmodel-cache/'];

export const command: Command = {
  help: `Usage: opmodel init [DIR] [--as-of DATE]

Create a starter operating model in DIR (default: the current folder): the model
root, two roles, a team, a metric, an active bet and its first check-in, a
guardrail, a decision-rights matrix and a decision taken under it, the context
grid, a weekly cadence and a self-assessment of fifteen statements; the GitHub
workflow ${workflowPath} (lint every pull request, publish the handbook to GitHub
Pages); and a .gitignore for node_modules/, the built site and the lint cache.
Files that already exist are left alone, and init says which.

Options:
  --as-of DATE   date the starter files DATE (YYYY-MM-DD) instead of today
`,
  async run(args) {
    const { values, positionals } = parse(args, { ...asOfOption });
    if (positionals.length > 1) throw new UsageError('init takes one DIR.');
    const today = asOf(values['as-of']);
    const root = repoDir(positionals[0]);
    const created: string[] = [];
    const kept: string[] = [];
    for (const [file, content] of Object.entries(starter(today))) {
      const refusal = writeNewFile(root, join(root, file), content);
      if (refusal === undefined) created.push(file);
      else kept.push(`${file} (${refusal === 'exists' ? 'already exists' : 'behind a link; skipped'}${file === '.gitignore' ? gitignoreGaps(root) : ''})`);
    }
    const lines = [];
    if (created.length) lines.push(`Created:\n${created.map((f) => `  ${f}`).join('\n')}`);
    if (kept.length) lines.push(`Left as they were:\n${kept.map((f) => `  ${escapeControl(f)}`).join('\n')}`);
    lines.push(`Next:
  1. Edit model/operating-model.md and the starter files; check them with \`npx opmodel lint\`.
  2. Give roles and teams a \`github:\` handle, then run \`npx opmodel codeowners\`
     (the workflow checks that .github/CODEOWNERS is up to date).
  3. Preview the handbook with \`npx opmodel dev\`.
  4. Commit (package.json and package-lock.json too: the workflow installs from them) and
     push. On GitHub, set Settings → Pages → Source to "GitHub Actions".`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** The lines an existing .gitignore lacks, said after "already exists"; empty when it has them all. */
function gitignoreGaps(root: string): string {
  const existing = readExistingFile(root, join(root, '.gitignore'));
  if (existing.state !== 'file') return '';
  const has = new Set(existing.text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '')));
  const missing = ignored.filter((line) => !has.has(line) && !has.has(line.slice(0, -1)));
  return missing.length ? `; add ${missing.join(' ')} to it` : '';
}

/**
 * The workflow init writes: the Action on pull requests (annotations, job summary, one comment
 * with what the change does to the model), the CODEOWNERS check, and the handbook published to
 * GitHub Pages from main and weekly. \`uses\` names the Action, such as opmodel/opmodel@v1.
 */
export function workflow(uses = actionRef()): string {
  return `# opmodel: lint every pull request and say what it changes in the model; publish the
# handbook to GitHub Pages from main, and weekly so that "this week" stays current.
name: opmodel
on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "23 5 * * 1"   # Mondays, 05:23 UTC
  workflow_dispatch:

permissions:
  contents: read

jobs:
  lint:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write   # the one comment with what the pull request changes
    concurrency:   # one run per pull request at a time, so two pushes never race to comment
      group: opmodel-\${{ github.event.pull_request.number }}
      cancel-in-progress: true
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
          persist-credentials: false
      - uses: ${uses}
        with:
          changed-only: true   # findings in the files the pull request changed, and those it caused
          # max-warnings: 20   # also fail on many warnings; not 0: a review_by date or an
          #                      assessment band can warn when nothing in the pull request did
          # sarif: opmodel.sarif   # for GitHub code scanning (private repositories: paid plans)

  codeowners:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - run: npm ci --no-audit --no-fund
      - run: npx --no-install opmodel codeowners --check

  handbook:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # full history: "last updated" and the changelog come from git
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - run: npm ci --no-audit --no-fund
      - name: Build the handbook (refuses a model with lint errors)
        env:
          BASE: /\${{ github.event.repository.name }}/   # a custom domain serves at /: use --base /
        run: npx --no-install opmodel build --out _site --base "$BASE"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: handbook
    runs-on: ubuntu-latest
    permissions:
      pages: write      # to publish the site
      id-token: write   # to prove the site comes from this workflow
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    concurrency:
      group: pages
      cancel-in-progress: false
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** A first pass at the fifteen statements, in their order: healthy overall, no category weak. Replace with your own. */
const starterScores = [2, 2, 1, 2, 1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1];

/** The starter model's files, every date in them `today`: one of each kind, and it lints clean. */
function starter(today: string): Record<string, string> {
  const quarter = currentQuarter(today);
  const review = inOneYear(today);
  return {
    [workflowPath]: workflow(),
    'opmodel.config.yaml': `# opmodel settings; every one has a default. See the README.
model: model
rules:
  bet-wip: [error, { max: 3 }]
# site:
#   title: Our handbook
#   repo: https://github.com/your-org/operating-model
`,
    '.gitignore': `# Installed packages, and what opmodel builds: the handbook site and the lint cache.
${ignored.join('\n')}
`,
    'model/README.md': `# Our operating model

Each file here is one part of how we work: bets, guardrails, decision rights, teams,
roles, metrics, cadences, the decisions taken, check-ins of bets and self-assessments.
Change them in a pull request; \`opmodel lint\` checks
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
status: active
owner: product
quarter: ${quarter}
problem: Describe the opportunity this bet addresses.
leading_indicators:
  - metric: weekly-active-customers
    target: weekly active customers from 120 to 180
    baseline: 120 # where the metric stands today
    goal: 180 # the number the bet aims for
non_goals:
  - Say what this bet will not do.
---

## Hypothesis

We believe that … will result in … We will know we are right when …
`,
    [`model/check-ins/first-bet-${today}.md`]: `---
bet: first-bet
date: ${today}
confidence: on-track # on-track | at-risk | off-track
indicators:
  - metric: weekly-active-customers
    value: 120
harm_signals: []
next: continue # continue | pivot | pause | kill | won | lost
---

The first check-in: where the bet starts. Add one each week with \`opmodel new check-in first-bet\`.
`,
    [`model/decisions/add-first-bet-to-the-quarter.md`]: `---
title: Add our first bet to the quarter
decision: Add a bet to the quarter
decided_by: cpo
date: ${today}
status: decided
consulted: [head-of-engineering]
bets: [first-bet]
---

## Context

We need one bet to steer the quarter by.

## Decision

The CPO adds "Our first bet" to ${quarter}, after consulting the Head of Engineering.
`,
    [`model/assessments/first-self-assessment.md`]: `---
title: First self-assessment
${assessmentFrontmatter(today, starterScores)}---

These scores are an example. Score the fifteen statements together, replace them, and
run \`npx opmodel assess\` to see the band and any weak category.
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
day: tuesday
time: "09:30"
duration_minutes: 45
owner: cpo
participants: [product]
inputs: [leading indicators of active bets, the week's check-ins]
outputs: [decisions and owners]
---

Forty-five minutes: what moved, what is blocked, what we decide.
`,
  };
}
