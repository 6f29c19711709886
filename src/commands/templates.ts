// Starter frontmatter and body for each built-in kind, used by `opmodel new` and `opmodel init`.
// Dates in them follow the same "today" as lint (OPMODEL_TODAY or the UTC date).
import { todayString } from '../util/today.js';

/** The quarter a YYYY-MM-DD date falls in (default today), e.g. 2026-Q4. */
export function currentQuarter(today = todayString()): string {
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The date a year after a YYYY-MM-DD date (default today), for review_by; 29 February becomes 28 February. */
export function inOneYear(today = todayString()): string {
  const day = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}-${day}`;
}

const quote = (text: string) => JSON.stringify(text);

/** The file text of a new entity of `kind` titled `title`. Fields to fill in are marked with comments. */
export function template(kind: string, title: string): string {
  const q = currentQuarter();
  const head = `---\ntitle: ${quote(title)}\n`;
  switch (kind) {
    case 'bet':
      return `${head}status: proposed
owner: # the team or role id that owns this bet, e.g. growth
quarter: ${q}
level: team
problem: # the opportunity or problem this bet addresses, in one sentence
leading_indicators:
  - metric: # a metric id
    target: # what moves, from what to what, e.g. "activation from 31% to 40%"
non_goals:
  - # what this bet will not do
---

## Hypothesis

We believe that … will result in … We will know we are right when …

## Learnings
`;
    case 'guardrail':
      return `${head}type: guardrail # guardrail (do not cross) | principle (our approach) | guidance (what we prefer)
scope: problems # problems | solutions | build
owner: # the role or team id that owns it
review_by: ${inOneYear()}
---

State the rule in one sentence, then why it exists.

## Requests it declines

- …
`;
    case 'decision-rights':
      return `${head}owner: # the role or team id that keeps this matrix current
scheme: DCI
---

D decides, C is consulted, I is informed. One D per row.

| Decision | SLA | Escalation | role-id | other-role-id |
|----------|-----|------------|---------|---------------|
| ${title} | 5 business days | role-id | D | C |
`;
    case 'context-table':
      return `${head}owner: # the role or team id that keeps the grid current
---

|                           | Guardrails | Principles | Guidance |
|---------------------------|------------|------------|----------|
| Which problems to tackle  | [Product strategy](../operating-model.md) | | |
| How to solve the problem  | | | |
| How to build the solution | | | |
`;
    case 'team':
      return `${head}type: product-team # product-team | product-group | platform | enabling
lead: # the role id of the team's lead
members: []
metrics: []
---

What the team owns, for whom, and how to reach it.
`;
    case 'role':
      return `${head}holder: # the person who holds the role now
team: # the team id the role sits in
reports_to: # the role id this role reports to
---

What this role is accountable for, and what it decides.
`;
    case 'metric':
      return `${head}type: input # north-star | input | leading | health
owner: # the team or role id that owns the number
unit: "%"
direction: up
---

How the number is computed, where it comes from, and what moves it.
`;
    case 'cadence':
      return `${head}frequency: weekly # daily | weekly | biweekly | monthly | quarterly
duration_minutes: 45
owner: # the role or team id that runs it
participants:
  - # a team or role id
inputs:
  - # what it reads
outputs:
  - # what it produces
---

The agenda, and what a good meeting ends with.
`;
    case 'assessment':
      return `${head}date: ${new Date().toISOString().slice(0, 10)}
scores:
  # Score each statement 0 (never true) to 3 (consistently true). Ten statements, two per
  # category: a total below 18 is structural drift, below 12 intervention is overdue.
  - statement: Every bet has one named owner, leading indicators and written non-goals
    category: strategy
    score: 0
  - statement: Anyone on a team can name this quarter's top three bets unprompted
    category: strategy
    score: 0
  - statement: Work moves through one delivery cadence with cross-functional checkpoints
    category: execution
    score: 0
  - statement: Bets are stopped or killed when their leading indicators say so
    category: execution
    score: 0
  - statement: A weekly operating review reads the leading indicators, not status reports
    category: operations
    score: 0
  - statement: Internal requests have an SLA and an escalation path
    category: operations
    score: 0
  - statement: Tools follow a shared method rather than each team's habit
    category: tooling
    score: 0
  - statement: The numbers a bet steers by come from one agreed source
    category: tooling
    score: 0
  - statement: Senior titles come with matching decision rights
    category: talent
    score: 0
  - statement: A new hire can operate by week two from the written operating model
    category: talent
    score: 0
---

What we learned from scoring, and what we will change first.
`;
    default:
      return `${head}---\n\n`;
  }
}
