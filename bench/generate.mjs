#!/usr/bin/env node
// Deterministic generator of a realistic operating model, in the layout of SPEC §2, for the benchmark.
//
//   node bench/generate.mjs --entities 1000 --out bench/.corpus/1k [--seed 1]
//
// The company is a group of business units ("Payments EMEA", "Lending APAC", …). A small HQ holds
// the executives, the leadership team, the north-star metric and the model root; every unit holds
// about a hundred entities in realistic proportions: roles ~36%, metrics ~12%, bets ~15%,
// guardrails ~12%, teams ~10%, cadences ~6%, decision-rights ~6% (10–30-row DCI/RACI/RAPID
// matrices over real role/team columns, one decider per row, decision texts unique in the model),
// context tables ~1%, assessments ~1%. Every reference and every relative link is valid, bet-wip
// and initiative-wip hold, every metric is used, every team in an active bet takes part in a
// cadence, review dates lie after AS_OF, assessments are healthy — except ~1% of files where a
// finding is planted on purpose (a typo'd reference, an unknown field, a broken link) plus one
// quarter with one active bet too many. The planted findings are listed in
// <out>/bench-manifest.json, so the harness can check that opmodel reports exactly those.
//
// Same arguments → byte-identical output (seeded PRNG, no clock, no Math.random).
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

/** "Today" for the generated model: review dates lie after it. The harness sets OPMODEL_TODAY to it. */
export const AS_OF = '2026-11-01';
const CURRENT_QUARTER = '2026-Q4';
const COMPANY = 'Northwind Group';
const ORG = 'northwind';

// ---------------------------------------------------------------------------------------------
// PRNG (sfc32 seeded through splitmix32): deterministic on every platform.

function makeRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    sample(list, n) {
      return rng.shuffle(list).slice(0, Math.max(0, Math.min(n, list.length)));
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const DOMAINS = [
  ['payments', 'Payments'], ['payroll', 'Payroll'], ['scheduling', 'Scheduling'], ['logistics', 'Logistics'],
  ['lending', 'Lending'], ['identity', 'Identity'], ['search', 'Search'], ['checkout', 'Checkout'],
  ['catalog', 'Catalog'], ['messaging', 'Messaging'], ['insurance', 'Insurance'], ['billing', 'Billing'],
  ['onboarding', 'Onboarding'], ['analytics', 'Analytics'], ['marketplace', 'Marketplace'], ['fulfilment', 'Fulfilment'],
  ['pricing', 'Pricing'], ['loyalty', 'Loyalty'], ['support', 'Support'], ['compliance', 'Compliance'],
  ['fraud', 'Fraud'], ['ads', 'Ads'], ['travel', 'Travel'], ['mobility', 'Mobility'], ['health', 'Health'],
  ['inventory', 'Inventory'], ['invoicing', 'Invoicing'], ['banking', 'Banking'], ['hiring', 'Hiring'], ['learning', 'Learning'],
];
const REGIONS = [
  ['emea', 'EMEA'], ['americas', 'Americas'], ['apac', 'APAC'], ['nordics', 'Nordics'], ['dach', 'DACH'],
  ['iberia', 'Iberia'], ['uk', 'UK'], ['benelux', 'Benelux'], ['latam', 'LatAm'], ['anz', 'ANZ'],
];

const TEAM_SUFFIXES = [
  ['core', 'Core', 'product-team'], ['growth', 'Growth', 'product-team'], ['platform', 'Platform', 'platform'],
  ['mobile', 'Mobile', 'product-team'], ['data', 'Data', 'enabling'], ['integrations', 'Integrations', 'product-team'],
  ['experience', 'Experience', 'product-team'], ['reliability', 'Reliability', 'platform'], ['risk', 'Risk', 'product-team'],
  ['partners', 'Partners', 'product-team'], ['self-serve', 'Self-serve', 'product-team'], ['enterprise', 'Enterprise', 'product-team'],
  ['api', 'API', 'platform'], ['automation', 'Automation', 'product-team'], ['insights', 'Insights', 'enabling'],
  ['design-systems', 'Design Systems', 'enabling'], ['payouts', 'Payouts', 'product-team'], ['admin', 'Admin Tools', 'product-team'],
];

const EXECS = [
  ['ceo', 'Chief executive officer', null],
  ['cpo', 'Chief product officer', 'ceo'],
  ['cto', 'Chief technology officer', 'ceo'],
  ['cfo', 'Chief financial officer', 'ceo'],
  ['cro', 'Chief revenue officer', 'ceo'],
  ['coo', 'Chief operating officer', 'ceo'],
  ['chief-people-officer', 'Chief people officer', 'ceo'],
  ['general-counsel', 'General counsel', 'ceo'],
];

// Per-team role templates, in the order they are handed out once every team has a lead and a PM.
const TEAM_ROLES = [
  ['lead', 'Engineering manager', 'eng'],
  ['product-manager', 'Product manager', 'product'],
  ['designer', 'Product designer', 'design'],
  ['tech-lead', 'Tech lead', 'eng'],
  ['analyst', 'Data analyst', 'product'],
  ['product-marketing', 'Product marketing manager', 'product'],
  ['qa-lead', 'Quality lead', 'eng'],
  ['researcher', 'User researcher', 'design'],
];

const METRICS = [
  ['activation-rate', 'Activation rate', '% of new accounts', 'up', 'input'],
  ['weekly-active-accounts', 'Weekly active accounts', 'accounts', 'up', 'input'],
  ['trial-conversion', 'Trial-to-paid conversion', '% of trials', 'up', 'leading'],
  ['logo-churn', 'Logo churn', '% of accounts per quarter', 'down', 'input'],
  ['time-to-first-value', 'Time to first value', 'days', 'down', 'leading'],
  ['net-promoter-score', 'Net promoter score', 'score', 'up', 'leading'],
  ['support-contacts-per-account', 'Support contacts per account', 'contacts per month', 'down', 'health'],
  ['p95-latency', 'API p95 latency', 'milliseconds', 'down', 'health'],
  ['error-rate', 'Server error rate', '% of requests', 'down', 'health'],
  ['deploy-frequency', 'Deploy frequency', 'deploys per week', 'up', 'health'],
  ['change-failure-rate', 'Change failure rate', '% of deploys', 'down', 'health'],
  ['revenue-per-account', 'Revenue per account', 'EUR per month', 'up', 'input'],
  ['gross-margin', 'Gross margin', '% of revenue', 'up', 'input'],
  ['day-30-retention', 'Day-30 retention', '% of new users', 'up', 'leading'],
  ['uptime', 'Uptime', '% of minutes', 'up', 'health'],
  ['onboarding-completion', 'Onboarding completion', '% of sign-ups', 'up', 'leading'],
  ['feature-adoption', 'Feature adoption', '% of active accounts', 'up', 'leading'],
  ['cost-per-transaction', 'Cost per transaction', 'EUR cents', 'down', 'health'],
  ['fraud-loss-rate', 'Fraud loss rate', 'basis points of volume', 'down', 'health'],
  ['refund-rate', 'Refund rate', '% of orders', 'down', 'health'],
  ['self-service-rate', 'Self-service rate', '% of requests', 'up', 'leading'],
  ['expansion-revenue', 'Expansion revenue', 'EUR per quarter', 'up', 'input'],
  ['lead-time-for-changes', 'Lead time for changes', 'hours', 'down', 'health'],
  ['weekly-transactions', 'Weekly transactions', 'transactions', 'up', 'input'],
];

const GUARDRAILS = [
  ['no-custom-forks', 'No customer-specific forks', 'guardrail', 'solutions'],
  ['data-residency', 'Customer data stays in its region', 'guardrail', 'build'],
  ['evidence-before-roadmap', 'Evidence before roadmap', 'principle', 'problems'],
  ['mobile-first', 'Mobile first for end users', 'principle', 'solutions'],
  ['you-build-it-you-run-it', 'You build it, you run it', 'principle', 'build'],
  ['prefer-boring-technology', 'Prefer boring technology', 'guidance', 'build'],
  ['fewer-settings', 'Better defaults over more settings', 'guidance', 'solutions'],
  ['target-segment-only', 'Serve our target segment only', 'guardrail', 'problems'],
  ['december-deploy-freeze', 'December deploy freeze', 'guardrail', 'build'],
  ['start-from-the-user', 'Start from the person doing the work', 'principle', 'problems'],
  ['accessible-by-default', 'Accessible by default', 'guardrail', 'solutions'],
  ['no-dark-patterns', 'No dark patterns', 'guardrail', 'solutions'],
  ['measure-before-scaling', 'Measure before scaling', 'principle', 'problems'],
  ['small-batches', 'Ship in small batches', 'guidance', 'build'],
  ['api-first', 'API first', 'principle', 'build'],
  ['integrate-dont-rebuild', 'Integrate, do not rebuild', 'guidance', 'problems'],
  ['privacy-by-design', 'Privacy by design', 'guardrail', 'build'],
  ['one-way-doors-need-review', 'One-way doors need a review', 'principle', 'solutions'],
  ['kill-criteria-upfront', 'Kill criteria up front', 'guidance', 'problems'],
  ['no-roadmap-promises-in-contracts', 'No roadmap promises in contracts', 'guardrail', 'problems'],
  ['feature-flags-expire', 'Feature flags expire', 'guidance', 'build'],
  ['design-system-components', 'Use design-system components', 'guidance', 'solutions'],
  ['on-call-is-paid', 'On-call is paid and rotated', 'principle', 'build'],
  ['price-changes-are-tested', 'Price changes are tested first', 'principle', 'solutions'],
  ['two-pizza-teams', 'Teams small enough to feed with two pizzas', 'guidance', 'build'],
  ['regulated-data-stays-encrypted', 'Regulated data stays encrypted', 'guardrail', 'build'],
  ['customer-language', 'Write in the customer\'s language', 'guidance', 'solutions'],
  ['outcomes-over-output', 'Outcomes over output', 'principle', 'problems'],
];

const BET_THEMES = [
  'Instant refunds', 'Self-serve onboarding for groups', 'Bulk import from spreadsheets', 'Smarter retries for failed payments',
  'A mobile app for field staff', 'Usage-based pricing', 'One-click invoice reconciliation', 'Real-time fraud scoring',
  'Partner marketplace listing', 'Guided setup checklist', 'Saved search alerts', 'Offline mode for the mobile app',
  'Automated dunning', 'Single sign-on for enterprise', 'Faster payouts', 'Localised checkout',
  'Shared team inboxes', 'Predictive stock alerts', 'A public API for partners', 'Self-serve plan upgrades',
  'Accounting connectors', 'Fewer support contacts at month end', 'Referral credits', 'In-app chat support',
  'Role-based permissions', 'Recurring orders', 'Smart reminders', 'Audit log for admins',
  'Dynamic delivery slots', 'Reporting for head office', 'Multi-currency wallets', 'Consent management',
  'Bank-account verification in seconds', 'Templates for common setups', 'Cheaper card processing', 'Faster search results',
  'Document capture with the camera', 'A status page customers trust', 'Usage insights for admins', 'Trial without a credit card',
];

const CADENCES = [
  ['weekly-operating-review', 'Weekly operating review', 'weekly', 45],
  ['quarterly-bet-review', 'Quarterly bet review', 'quarterly', 180],
  ['incident-review', 'Incident review', 'weekly', 30],
  ['delivery-checkpoint', 'Delivery checkpoint', 'biweekly', 60],
  ['monthly-metrics-review', 'Monthly metrics review', 'monthly', 60],
  ['architecture-review', 'Architecture review', 'biweekly', 60],
  ['design-critique', 'Design critique', 'weekly', 45],
  ['daily-standup', 'Daily stand-up', 'daily', 15],
];

// Decision templates per decision-rights domain. `{unit}` and `{team}` make texts unique in the model.
const DECISIONS = {
  product: ['Product decisions', [
    'Add a bet to the quarter in {unit}', 'Pause or kill an active bet in {unit}', 'Change the leading indicators of a bet in {unit}',
    'Take a customer-specific request into the {team} backlog', 'Retire a feature that {team} customers still use',
    'Change the onboarding flow owned by {team}', 'Grant an exception to a product guardrail in {unit}',
    'Run a pricing experiment in {unit}', 'Launch a beta of a {team} feature to all customers', 'Change the scope of a {team} bet mid-quarter',
    'Accept a partner integration request for {team}', 'Publish the {unit} roadmap to customers',
  ]],
  engineering: ['Engineering decisions', [
    'Adopt a new programming language in {unit}', 'Add a third-party service that processes {unit} customer data',
    'Release a breaking change to the {team} API', 'Declare a Sev1 incident affecting {team}', 'Change the on-call rota of {team}',
    'Take on planned technical debt work in {team}', 'Deprecate a {team} service', 'Change the deployment pipeline of {team}',
    'Choose the database for a new {team} service', 'Lift the deploy freeze for a {team} fix', 'Move a {team} workload to another region',
    'Approve a load test against {unit} production',
  ]],
  people: ['People and team decisions', [
    'Open a new role in {team}', 'Move an engineer between teams in {unit}', 'Change the structure of {unit}',
    'Approve a contractor for {team}', 'Change the interview loop for {unit} engineers', 'Promote an engineer in {team}',
    'Approve remote work from another country for {team}', 'Set the {unit} training budget', 'Start a new team in {unit}',
    'Change the working hours of {team}', 'Name the lead of {team}', 'Approve a conference talk about {team} work',
  ]],
  commercial: ['Commercial decisions', [
    'Change list prices in {unit}', 'Offer a renewal discount above 15% in {unit}', 'Sign a reseller agreement in {unit}',
    'Commit a {team} feature date in a contract', 'Offer a free pilot of a {team} product', 'Change the {unit} refund policy',
    'Enter a new market segment in {unit}', 'Sponsor an industry event for {unit}', 'Change the support hours of {unit}',
    'Escalate a strategic account of {unit}', 'Accept non-standard contract terms in {unit}', 'Bundle {team} features into a new plan',
  ]],
  data: ['Data decisions', [
    'Grant production data access to a {team} engineer', 'Share {unit} data with a partner', 'Change a metric definition used by {team}',
    'Retire a {team} dashboard', 'Add a new data source to the {unit} warehouse', 'Change the data retention period in {unit}',
    'Publish a {unit} metric outside the company', 'Run a survey of {unit} customers', 'Buy a data tool for {team}',
    'Train a model on {unit} customer data', 'Change the event schema of {team}', 'Backfill a {team} metric',
  ]],
  security: ['Security and risk decisions', [
    'Accept a security risk in a {team} service', 'Grant an exception to a security guardrail in {unit}',
    'Rotate production credentials of {team}', 'Approve a penetration test of {unit}', 'Notify {unit} customers of a data incident',
    'Add a vendor with access to {unit} systems', 'Change the access policy of {team}', 'Disable a {team} feature during an incident',
    'Approve a new country for {unit} data processing', 'Close a {unit} audit finding', 'Open a firewall rule for {team}',
    'Approve an emergency change in {team}',
  ]],
};
const DR_ORDER = ['product', 'engineering', 'people', 'commercial', 'data', 'security'];

const ASSESSMENT_STATEMENTS = [
  ['Anyone on a product team can name this quarter\'s active bets without looking them up.', 'strategy'],
  ['Every active bet has one owner, leading indicators and written non-goals.', 'strategy'],
  ['A request that conflicts with our strategy is declined by pointing at a guardrail.', 'strategy'],
  ['Product, engineering, design, sales and support work to one delivery cadence.', 'execution'],
  ['Launches do not surprise customer success or sales.', 'execution'],
  ['Work that crosses teams has a named owner for each dependency.', 'execution'],
  ['The weekly operating review ends on time and produces decisions.', 'operations'],
  ['Most of the leadership team\'s week goes to planned work rather than escalations.', 'operations'],
  ['Internal requests are answered within their agreed SLA.', 'operations'],
  ['Each recurring question has one system of record.', 'tooling'],
  ['Our tools were configured to support an agreed way of working.', 'tooling'],
  ['The metrics in our bets come from one shared definition and one dashboard.', 'tooling'],
  ['Senior people have the authority, budget and right to say no that their title implies.', 'talent'],
  ['People are judged on the outcomes of their bets rather than on their activity.', 'talent'],
  ['A new hire can read how we work on day one and work on their own by week two.', 'talent'],
];

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zara', 'Aoife', 'Bram', 'Carmen', 'Dara'];
const LAST = ['Okafor', 'Lindqvist', 'García', 'Nakamura', 'Schmidt', 'Dubois', 'Kowalski', 'Haddad', 'Rossi', 'Murphy', 'Jansen', 'Silva', 'Novak', 'Chen', 'Patel', 'Moreau', 'Byrne', 'Eriksen', 'Costa', 'Yilmaz', 'Ahmed', 'Fischer', 'Popescu', 'Kim', 'Walsh'];

// Prose: sentence templates filled from the unit's context. `{L}` becomes a relative link.
const SENTENCES = [
  'Customers in {unit} told us the same thing in {n} of {m} interviews: the current flow takes too long and ends in a support ticket.',
  'We measure progress with {L}, which the {team} team reviews every week.',
  'The first release goes to {n} design partners before anyone else sees it.',
  'If the numbers do not move by the second checkpoint, we stop and write down what we learned.',
  'This builds on the work described in {L}; read that first if you are new to {unit}.',
  'Support volume doubled in the last two quarters, mostly from accounts with more than {n} users.',
  'We would rather ship a small thing every two weeks than a large thing once a quarter.',
  'Sales asked for this {n} times last quarter, but the evidence from usage data is weaker than the anecdotes.',
  'The decision sits with the owner named above; see {L} for who is consulted and who is informed.',
  'Anything that touches customer data follows {L} without exception.',
  'The team keeps a short decision log in the repository next to the code it describes.',
  'We expect the change to cost about {n} engineer-weeks, most of it in testing and migration.',
  'Managers spend {n} hours a week on work that this would remove.',
  'Competitors solve this with a settings page; we think better defaults serve most customers better.',
  'When in doubt, ask in the {unit} channel before building anything new.',
  'The {team} team owns the outcome, not a feature list.',
  'New joiners should read {L} before their first planning session.',
  'Every exception is written down, dated and reviewed at the next quarterly bet review.',
  'We do not count activity as progress: only the leading indicators do.',
  'Two earlier attempts failed because nobody owned the hand-over between teams.',
  'The rollout is staged by region, starting with the smallest market.',
  'Each week we publish one number and one sentence about it, nothing more.',
  'A change of direction is fine; a silent change of direction is not.',
  'The work is done when customers use it, not when it is deployed.',
  'Questions about this page go to the owner in {L}.',
  'In {n} cases out of {m}, the problem disappeared once the data was entered correctly the first time.',
];
const PLAIN_SENTENCES = SENTENCES.filter((s) => !s.includes('{L}'));
const HEADINGS = ['Why this matters', 'What we are trying', 'What we have learned so far', 'Open questions', 'How we work',
  'Background', 'Examples', 'What this is not', 'Responsibilities', 'How to read it', 'History', 'Next steps', 'Risks'];

// ---------------------------------------------------------------------------------------------
// YAML emitting (a small, strict subset: the generator controls every value).

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
function scalar(value) {
  if (typeof value === 'number') return String(value);
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{4}-Q[1-4]$/.test(s)) return s;
  if (s === '' || RESERVED.test(s) || /^[-+]?[\d.]/.test(s) || /^[^A-Za-z]/.test(s) || /[:#]\s|[:#]$|\s#|[{}[\],&*!|>'"%@`]/.test(s) || /\s$/.test(s)) {
    return JSON.stringify(s);
  }
  return s;
}
function wrap(text, width = 88) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}
/** Frontmatter from an ordered list of [key, value] pairs. */
function yaml(fields) {
  const out = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (typeof value[0] === 'object') {
        out.push(`${key}:`);
        for (const item of value) {
          let first = true;
          for (const [k, v] of Object.entries(item)) {
            if (v === undefined) continue;
            out.push(`${first ? '  - ' : '    '}${k}: ${scalar(v)}`);
            first = false;
          }
        }
      } else if (key === 'tags' || value.every((v) => String(v).length < 20) && value.length <= 3 && key !== 'non_goals') {
        out.push(`${key}: [${value.map(scalar).join(', ')}]`);
      } else {
        out.push(`${key}:`);
        for (const item of value) out.push(`  - ${scalar(item)}`);
      }
    } else if (typeof value === 'object' && value.folded) {
      out.push(`${key}: >-`);
      for (const l of wrap(value.folded, 86)) out.push(`  ${l}`);
    } else {
      out.push(`${key}: ${scalar(value)}`);
    }
  }
  out.push('---');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad2 = (n) => String(n).padStart(2, '0');
function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function quarterStart(q) {
  const [y, n] = q.split('-Q').map(Number);
  return `${y}-${pad2((n - 1) * 3 + 1)}-01`;
}
function quarterList(fromYear, toYear) {
  const qs = [];
  for (let y = fromYear; y <= toYear; y++) for (let n = 1; n <= 4; n++) qs.push(`${y}-Q${n}`);
  return qs;
}
/** A typo of an id (a dropped or swapped letter) that is not itself an id. */
function typo(id, rng, taken) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const letters = [...id].map((ch, i) => [ch, i]).filter(([ch]) => /[a-z]/.test(ch));
    const [, i] = rng.pick(letters);
    let t;
    if (rng.chance(0.5) && i + 1 < id.length && /[a-z]/.test(id[i + 1]) && id[i] !== id[i + 1]) t = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
    else t = id.slice(0, i) + id.slice(i + 1);
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t) && !taken.has(t)) return t;
  }
  return `${id}x`;
}

// ---------------------------------------------------------------------------------------------
// The model.

export function generate({ entities: total, seed = 1 }) {
  if (!Number.isInteger(total) || total < 60) throw new Error('--entities must be a whole number ≥ 60');
  const rng = makeRng(seed * 7919 + total);
  const ids = new Set();
  const claim = (id) => {
    let candidate = id;
    for (let n = 2; ids.has(candidate); n++) candidate = `${id}-${n}`;
    ids.add(candidate);
    return candidate;
  };

  // Kind counts: the model root is one file; the rest in the proportions of a real company.
  const share = { team: 0.10, metric: 0.12, bet: 0.15, guardrail: 0.12, cadence: 0.06, 'decision-rights': 0.06, 'context-table': 0.01, assessment: 0.01, 'check-in': 0.03 };
  const units = Math.max(1, Math.round(total / 100));
  const count = {};
  for (const [kind, p] of Object.entries(share)) count[kind] = Math.max(units, Math.round(total * p));
  count.team = Math.max(count.team, units * 2 + 1);
  count.role = total - 1 - Object.values(count).reduce((a, b) => a + b, 0);
  if (count.role < EXECS.length + units * 4) throw new Error('too few entities for this many units');

  // Units: shuffled domain × region pairs.
  const pairs = [];
  for (const [d, dn] of DOMAINS) for (const [r, rn] of REGIONS) pairs.push([`${d}-${r}`, `${dn} ${rn}`]);
  const unitPairs = rng.shuffle(pairs);
  const U = [];
  for (let i = 0; i < units; i++) {
    const [id, name] = i < unitPairs.length ? unitPairs[i] : [`${unitPairs[i % unitPairs.length][0]}-${Math.floor(i / unitPairs.length) + 1}`, `${unitPairs[i % unitPairs.length][1]} ${Math.floor(i / unitPairs.length) + 1}`];
    U.push({ id, name, teams: [], roles: [], metrics: [], bets: [], guardrails: [], cadences: [], decisionRights: [], contexts: [], assessments: [] });
  }
  /** Splits n items over the units, round-robin from unit 0. */
  const perUnit = (n) => U.map((_, i) => Math.floor(n / units) + (i < n % units ? 1 : 0));

  const all = []; // every entity: { id, kind, title, path (relative to model/), fields: [[k,v]...], body: fn }
  const byId = new Map();
  const add = (entity) => {
    all.push(entity);
    byId.set(entity.id, entity);
    return entity;
  };
  const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const reviewBy = () => addDays(AS_OF, rng.int(60, 720));

  // --- HQ: executives, the leadership team, the north star, the leadership cadence.
  const hq = { id: 'hq', name: COMPANY, teams: [], roles: [], metrics: [], bets: [], guardrails: [], cadences: [], decisionRights: [], contexts: [], assessments: [] };
  for (const [id, title, reportsTo] of EXECS) {
    hq.roles.push(add({ id: claim(id), kind: 'role', title, unit: hq, team: 'leadership', reportsTo, exec: true }));
  }
  const leadership = add({ id: claim('leadership'), kind: 'team', title: 'Leadership team', unit: hq, type: 'enabling', lead: 'ceo', members: hq.roles.map((r) => r.id) });
  hq.teams.push(leadership);
  const northStar = add({ id: claim('weekly-active-customers'), kind: 'metric', title: 'Weekly active customers', unit: hq, type: 'north-star', owner: 'ceo', unitLabel: 'customers per week', direction: 'up' });
  hq.metrics.push(northStar);
  leadership.metrics = [northStar.id];
  const leadershipCadence = add({ id: claim('leadership-weekly'), kind: 'cadence', title: 'Leadership weekly', unit: hq, frequency: 'weekly', duration: 90, owner: 'ceo', participants: ['leadership', ...hq.roles.map((r) => r.id)] });
  hq.cadences.push(leadershipCadence);

  // --- Teams per unit: the first is the unit's product group, the others its product teams.
  const teamsPer = perUnit(count.team - 1);
  U.forEach((u, i) => {
    const group = add({ id: claim(u.id), kind: 'team', title: u.name, unit: u, type: 'product-group', group: true });
    u.teams.push(group);
    for (const [suffix, name, type] of rng.sample(TEAM_SUFFIXES, teamsPer[i] - 1)) {
      u.teams.push(add({ id: claim(`${u.id}-${suffix}`), kind: 'team', title: `${u.name} ${name}`, unit: u, type, parent: group.id }));
    }
    for (let k = u.teams.length; k < teamsPer[i]; k++) {
      u.teams.push(add({ id: claim(`${u.id}-squad-${k}`), kind: 'team', title: `${u.name} Squad ${k}`, unit: u, type: 'product-team', parent: group.id }));
    }
  });

  // --- Roles per unit: three heads, then a lead and a PM per team, then the other team roles.
  const rolesPer = perUnit(count.role - EXECS.length);
  U.forEach((u, i) => {
    const group = u.teams[0];
    const want = rolesPer[i];
    const hop = add({ id: claim(`${u.id}-head-of-product`), kind: 'role', title: `Head of product, ${u.name}`, unit: u, team: group.id, reportsTo: 'cpo' });
    const hoe = add({ id: claim(`${u.id}-head-of-engineering`), kind: 'role', title: `Head of engineering, ${u.name}`, unit: u, team: group.id, reportsTo: 'cto' });
    const hod = add({ id: claim(`${u.id}-head-of-design`), kind: 'role', title: `Head of design, ${u.name}`, unit: u, team: group.id, reportsTo: hop.id });
    u.roles.push(hop, hoe, hod);
    u.heads = { product: hop.id, engineering: hoe.id, design: hod.id };
    group.lead = hop.id;
    const teams = u.teams.slice(1);
    outer: for (const [suffix, title, line] of TEAM_ROLES) {
      for (const t of teams) {
        if (u.roles.length >= want) break outer;
        const reportsTo = suffix === 'lead' ? hoe.id : line === 'eng' ? t.leadRole ?? hoe.id : line === 'design' ? hod.id : hop.id;
        const role = add({ id: claim(`${t.id}-${suffix}`), kind: 'role', title: `${title}, ${t.title}`, unit: u, team: t.id, reportsTo });
        if (suffix === 'lead') t.leadRole = role.id;
        u.roles.push(role);
      }
    }
    for (let k = 1; u.roles.length < want; k++) {
      const t = teams.length ? teams[k % teams.length] : group;
      u.roles.push(add({ id: claim(`${t.id}-engineer-${k}`), kind: 'role', title: `Software engineer ${k}, ${t.title}`, unit: u, team: t.id, reportsTo: t.leadRole ?? hoe.id }));
    }
    for (const t of u.teams) {
      t.members = u.roles.filter((r) => r.team === t.id).map((r) => r.id);
      if (!t.group) t.lead = t.leadRole ?? hoe.id;
    }
  });

  // --- Metrics per unit, each owned as an outcome by one of the unit's teams.
  const metricsPer = perUnit(count.metric - 1);
  U.forEach((u, i) => {
    const chosen = rng.sample(METRICS, metricsPer[i]);
    for (let k = chosen.length; k < metricsPer[i]; k++) chosen.push([`kpi-${k}`, `KPI ${k}`, 'count', 'up', 'input']);
    chosen.forEach(([suffix, title, unitLabel, direction, type], k) => {
      const owner = u.teams[k % u.teams.length];
      const m = add({ id: claim(`${u.id}-${suffix}`), kind: 'metric', title: `${title}, ${u.name}`, unit: u, type, owner: owner.id, unitLabel, direction });
      u.metrics.push(m);
      (owner.metrics ??= []).push(m.id);
    });
  });

  // --- Guardrails per unit.
  const guardrailsPer = perUnit(count.guardrail);
  U.forEach((u, i) => {
    const chosen = rng.sample(GUARDRAILS, guardrailsPer[i]);
    for (let k = chosen.length; k < guardrailsPer[i]; k++) chosen.push([`local-rule-${k}`, `Local rule ${k}`, 'guidance', 'build']);
    for (const [suffix, title, type, scope] of chosen) {
      const owner = type === 'guardrail' ? rng.pick([u.heads.product, u.heads.engineering, 'cpo', 'cto']) : rng.pick([u.heads.product, u.heads.engineering, u.heads.design, ...u.teams.map((t) => t.id)]);
      u.guardrails.push(add({ id: claim(`${u.id}-${suffix}`), kind: 'guardrail', title, unit: u, type, scope, owner, status: rng.chance(0.08) ? 'draft' : rng.chance(0.05) ? 'retired' : 'active' }));
    }
  });

  // --- Cadences per unit: the first (weekly operating review) has every team of the unit.
  const cadencesPer = perUnit(count.cadence - 1);
  U.forEach((u, i) => {
    CADENCES.slice(0, Math.min(cadencesPer[i], CADENCES.length)).forEach(([suffix, title, frequency, duration], k) => {
      const participants = k === 0
        ? [u.heads.product, u.heads.engineering, ...u.teams.map((t) => t.id)]
        : [...rng.sample(u.teams.map((t) => t.id), rng.int(2, Math.max(2, Math.min(6, u.teams.length)))), ...rng.sample(u.roles.slice(0, 8).map((r) => r.id), rng.int(1, 3))];
      u.cadences.push(add({ id: claim(`${u.id}-${suffix}`), kind: 'cadence', title: `${title}, ${u.name}`, unit: u, frequency, duration, owner: k === 0 ? u.heads.product : rng.pick([u.heads.product, u.heads.engineering, u.teams[0].id]), participants }));
    });
    for (let k = CADENCES.length; k < cadencesPer[i]; k++) {
      u.cadences.push(add({ id: claim(`${u.id}-sync-${k}`), kind: 'cadence', title: `Sync ${k}, ${u.name}`, unit: u, frequency: 'monthly', duration: 30, owner: u.heads.product, participants: [u.teams[0].id] }));
    }
  });

  // --- Bets per unit, spread over 2014-Q1 … 2027-Q4; at most 3 active per quarter, 1 initiative.
  const quarters = quarterList(2014, 2027);
  const currentIndex = quarters.indexOf(CURRENT_QUARTER);
  const activeIn = new Map();
  const initiativeIn = new Map();
  const betsPer = perUnit(count.bet);
  U.forEach((u, i) => {
    const themes = rng.shuffle(BET_THEMES);
    for (let k = 0; k < betsPer[i]; k++) {
      const theme = themes[k % themes.length] + (k >= themes.length ? ` (round ${Math.floor(k / themes.length) + 1})` : '');
      const quarter = quarters[Math.min(quarters.length - 1, Math.floor(rng.next() ** 0.6 * quarters.length))];
      const qi = quarters.indexOf(quarter);
      let level = rng.chance(0.7) ? 'team' : rng.chance(0.75) ? 'product-group' : 'strategic-initiative';
      let status;
      // A quarter that has ended holds no active or proposed bet (bet-expired would flag it).
      if (qi < currentIndex) status = rng.pick(['won', 'won', 'lost', 'lost', 'killed', 'killed', 'paused']);
      else if (qi > currentIndex) status = 'proposed';
      else {
        const n = activeIn.get(quarter) ?? 0;
        const canInitiative = level !== 'strategic-initiative' || (initiativeIn.get(quarter) ?? 0) < 1;
        if (n < 3 && canInitiative && rng.chance(0.6)) {
          status = 'active';
          activeIn.set(quarter, n + 1);
          if (level === 'strategic-initiative') initiativeIn.set(quarter, 1);
        } else status = rng.pick(['proposed', 'paused', 'killed', 'won']);
      }
      const closed = ['won', 'lost', 'killed'].includes(status);
      const id = claim(`${u.id}-${slug(theme)}`);
      const folder = closed ? `bets/${quarter.toLowerCase()}` : 'bets';
      const betTeams = rng.sample(u.teams.slice(1).length ? u.teams.slice(1) : u.teams, rng.int(1, 3));
      u.bets.push(add({ id, kind: 'bet', title: `${theme}, ${u.name}`, unit: u, folder, status, quarter, level, owner: betTeams[0].id, teams: betTeams.map((t) => t.id) }));
    }
  });
  // One planted bet-wip finding: a past quarter (no active bets yet) gets four active bets.
  // Four closed bets of earlier quarters move to one past quarter and become active again.
  const plantedWipQuarter = quarters[currentIndex - 8];
  const wipBets = rng.sample(all.filter((e) => e.kind === 'bet' && e.level !== 'strategic-initiative' && ['won', 'lost', 'killed'].includes(e.status)), 4);
  const planted = [];
  if (wipBets.length === 4) {
    for (const b of wipBets) {
      b.status = 'active';
      b.quarter = plantedWipQuarter;
      b.folder = 'bets';
      b.plantedWip = true;
    }
  }

  // --- Check-ins: the current quarter's active bets, each checked in weekly back from AS_OF, so that
  // none is overdue (check-in-due). The planted bet-wip bets of a past quarter get none.
  const checkInCount = count['check-in'];
  const activeNow = all.filter((e) => e.kind === 'bet' && e.status === 'active' && !e.plantedWip);
  if (activeNow.length === 0) throw new Error('internal: no active bet to check in on');
  const lag = new Map(activeNow.map((b) => [b.id, rng.int(0, 4)]));
  for (let k = 0; k < checkInCount; k++) {
    const bet = activeNow[k % activeNow.length];
    const date = addDays(AS_OF, -(7 * Math.floor(k / activeNow.length) + lag.get(bet.id)));
    const confidence = rng.pick(['on-track', 'on-track', 'on-track', 'at-risk', 'off-track']);
    add({ id: claim(`${bet.id}-${date}`), kind: 'check-in', title: `${bet.title}, ${date}`, unit: bet.unit, bet: bet.id, date, confidence });
  }

  // --- Decision rights per unit: one domain per file.
  const drPer = perUnit(count['decision-rights']);
  const decisionTexts = new Set();
  U.forEach((u, i) => {
    for (let k = 0; k < drPer[i]; k++) {
      const domain = DR_ORDER[k % DR_ORDER.length];
      const [titleBase, templates] = DECISIONS[domain];
      const round = Math.floor(k / DR_ORDER.length);
      const options = [];
      for (const t of templates) {
        if (t.includes('{team}')) for (const team of u.teams.slice(1)) options.push(t.replace('{team}', team.title).replace('{unit}', u.name));
        else options.push(t.replace('{unit}', u.name));
      }
      const suffix = round ? ` (${['second', 'third', 'fourth', 'fifth'][round - 1] ?? `round ${round + 1}`} line)` : '';
      const rows = rng.shuffle(options).map((o) => o + suffix).filter((o) => !decisionTexts.has(o.toLowerCase())).slice(0, rng.int(10, 30));
      rows.forEach((r) => decisionTexts.add(r.toLowerCase()));
      const scheme = rng.chance(0.7) ? 'DCI' : rng.chance(0.67) ? 'RACI' : 'RAPID';
      const people = [u.heads.product, u.heads.engineering];
      if (domain === 'people' || domain === 'product') people.push(u.heads.design);
      for (const t of rng.sample(u.teams.slice(1), rng.int(2, 5))) people.push(rng.chance(0.5) ? t.id : t.lead);
      if (rng.chance(0.5)) people.push(rng.pick(['cpo', 'cto', 'cro', 'cfo']));
      const columns = [...new Set(people)];
      u.decisionRights.push(add({
        id: claim(`${u.id}-${slug(titleBase)}${round ? `-${round + 1}` : ''}`), kind: 'decision-rights', title: `${titleBase}, ${u.name}`, unit: u,
        owner: domain === 'engineering' || domain === 'security' ? u.heads.engineering : u.heads.product, scheme, columns, rows, domain,
      }));
    }
  });

  // --- Context tables and assessments: about one per unit.
  const ctxPer = perUnit(count['context-table']);
  const asPer = perUnit(count.assessment);
  U.forEach((u, i) => {
    for (let k = 0; k < ctxPer[i]; k++) u.contexts.push(add({ id: claim(`${u.id}-context${k ? `-${k + 1}` : ''}`), kind: 'context-table', title: `Context at a glance, ${u.name}${k ? ` (${k + 1})` : ''}`, unit: u, owner: u.heads.product }));
    for (let k = 0; k < asPer[i]; k++) {
      const year = 2026 - Math.floor(k / 4);
      const month = [10, 7, 4, 1][k % 4];
      u.assessments.push(add({ id: claim(`${u.id}-${year}-${pad2(month)}-self-assessment`), kind: 'assessment', title: `Structural self-assessment, ${u.name}, ${year}-${pad2(month)}`, unit: u, date: `${year}-${pad2(month)}-0${rng.int(1, 9)}` }));
    }
  });

  // --- The model root.
  const root = add({ id: 'operating-model', kind: 'model', title: `${COMPANY} Operating Model`, unit: hq, path: 'operating-model.md' });

  // Paths (relative to model/).
  const folders = { 'check-in': 'check-ins', bet: 'bets', guardrail: 'guardrails', 'decision-rights': 'decision-rights', 'context-table': 'context', team: 'teams', role: 'roles', metric: 'metrics', cadence: 'cadences', assessment: 'assessments' };
  for (const e of all) if (!e.path) e.path = `${e.kind === 'bet' ? e.folder : folders[e.kind]}/${e.id}.md`;
  if (all.length !== total) throw new Error(`internal: generated ${all.length} entities, wanted ${total}`);

  // --- Planted findings: ~1% of entities, rotating a typo'd reference, an unknown field, a broken link.
  const eligible = all.filter((e) => ['role', 'team', 'metric', 'bet', 'guardrail', 'cadence'].includes(e.kind) && !e.exec && !e.plantedWip);
  const plantCount = Math.max(3, Math.round(total * 0.01));
  rng.sample(eligible, plantCount).forEach((e, k) => {
    e.plant = ['ref', 'schema', 'link'][k % 3];
  });

  // --- Render.
  const files = [];
  const ctx = { rng, byId, ids, root, U, hq };
  for (const e of all) files.push({ path: e.path, text: render(e, ctx) });
  for (const e of all) {
    if (e.plant) planted.push({ file: `model/${e.path}`, rule: e.plant });
    // Four active bets in an ended quarter: too many at once, past their quarter, and not checked in on.
    if (e.plantedWip) for (const rule of ['bet-wip', 'bet-expired', 'check-in-due']) planted.push({ file: `model/${e.path}`, rule });
  }
  planted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : 1));
  const kinds = {};
  for (const e of all) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  return { files, manifest: { entities: total, seed, asOf: AS_OF, units, kinds, planted } };
}

// ---------------------------------------------------------------------------------------------
// Rendering: frontmatter and body per kind.

function render(e, ctx) {
  const { rng, byId } = ctx;
  const u = e.unit;
  const fields = [];
  const f = (k, v) => fields.push([k, v]);
  const links = []; // candidate link targets for the body
  const rel = (target) => posix.relative(posix.dirname(e.path), byId.get(target).path);
  const linkTo = (id) => `[${byId.get(id).title}](${rel(id)})`;
  const related = (kinds) => {
    const pool = [];
    for (const key of kinds) pool.push(...(u[key] ?? []));
    return pool.filter((x) => x.id !== e.id);
  };
  const tags = (base) => [...new Set([...base, ...rng.sample(['q-planning', 'customer', 'focus', 'reliability', 'growth', 'cost', 'handbook', 'security', 'data'], rng.int(0, 2))])];
  if (rng.chance(0.1) && e.kind !== 'model') f('id', e.id);

  switch (e.kind) {
    case 'model': {
      f('kind', 'model');
      f('title', e.title);
      f('version', '1.0');
      f('quarter', CURRENT_QUARTER);
      f('north_star', 'weekly-active-customers');
      f('owner', 'ceo');
      f('tags', ['strategy', 'handbook']);
      f('review_by', addDays(AS_OF, 75));
      break;
    }
    case 'role': {
      f('title', e.title);
      f('holder', `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
      f('team', e.team);
      if (e.reportsTo) f('reports_to', e.reportsTo);
      f('github', `@${slug(`${rng.pick(FIRST)}${rng.pick(LAST)}`).replace(/-/g, '')}${rng.int(1, 99)}`);
      f('tags', tags(e.exec ? ['leadership'] : [u.id.split('-')[0]]));
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      f('x-location', rng.pick(['Amsterdam', 'Berlin', 'Lisbon', 'London', 'Madrid', 'Stockholm', 'Remote']));
      f('x-cost-center', `CC-${rng.int(1000, 9999)}`);
      f('x-start-date', addDays('2015-01-01', rng.int(0, 4000)));
      links.push(e.reportsTo, e.team);
      break;
    }
    case 'team': {
      f('title', e.title);
      f('type', e.type);
      if (e.lead) f('lead', e.lead);
      if (e.members?.length) f('members', e.members);
      if (e.parent) f('parent', e.parent);
      if (e.metrics?.length) f('metrics', e.metrics);
      f('github', `@${ORG}/${e.id}`);
      f('tags', tags([e.type]));
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      f('x-slack-channel', `#team-${e.id}`);
      f('x-cost-center', `CC-${rng.int(1000, 9999)}`);
      links.push(e.lead, e.parent, ...(e.metrics ?? []));
      break;
    }
    case 'metric': {
      f('title', e.title);
      f('type', e.type);
      f('owner', e.owner);
      f('unit', e.unitLabel);
      f('direction', e.direction);
      f('source', `https://looker.${ORG}.example/dashboards/${e.id}`);
      f('tags', tags([e.type]));
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      f('x-refresh', rng.pick(['hourly', 'daily', 'weekly']));
      f('x-dashboard-id', rng.int(100, 9999));
      links.push(e.owner);
      break;
    }
    case 'guardrail': {
      f('title', e.title);
      f('type', e.type);
      f('scope', e.scope);
      f('owner', e.owner);
      if (e.status !== 'active' || rng.chance(0.3)) f('status', e.status);
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      f('exceptions', { folded: `Ask ${byId.get(e.owner).title} in writing, with the customer or case, the cost of following the rule, and a date by which the exception ends. Exceptions are listed at the next quarterly bet review.` });
      f('tags', tags(['guardrails', e.scope]));
      f('x-origin', rng.pick(['incident review', 'customer research', 'strategy offsite', 'audit finding', 'retrospective']));
      f('x-adopted', addDays('2019-01-01', rng.int(0, 2500)));
      links.push(e.owner);
      break;
    }
    case 'cadence': {
      f('title', e.title);
      f('frequency', e.frequency);
      f('duration_minutes', e.duration);
      f('owner', e.owner);
      f('participants', e.participants);
      f('inputs', rng.sample(['Leading-indicator dashboard, refreshed before the meeting', 'One line per active bet from its owner', 'Top five support themes', 'Open escalations and decisions past their SLA', 'Incident reports of the period', 'Design proposals shared the day before'], rng.int(2, 4)));
      f('outputs', rng.sample(['Decisions taken, each with its decider', 'Escalations resolved or sent on with a date', 'Bets flagged for an early checkpoint', 'Action items with owners', 'An updated risk register'], rng.int(1, 3)));
      f('tags', tags(['cadence']));
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      f('x-calendar', `https://calendar.${ORG}.example/${e.id}`);
      links.push(e.owner, ...e.participants.slice(0, 3));
      break;
    }
    case 'bet': {
      f('title', e.title);
      f('status', e.status);
      f('owner', e.owner);
      f('quarter', e.quarter);
      if (e.level !== 'team' || rng.chance(0.5)) f('level', e.level);
      f('teams', e.teams);
      f('problem', { folded: sentence(ctx, e, 2) });
      const metrics = rng.sample(u.metrics.map((m) => m.id), rng.int(1, 3));
      e.metrics = metrics; // what its check-ins report
      const start = quarterStart(e.quarter);
      f('leading_indicators', metrics.map((m) => ({ metric: m, target: `${rng.int(5, 60)}% better than the ${e.quarter.slice(0, 4)} baseline`, by: rng.chance(0.6) ? addDays(start, rng.int(40, 88)) : undefined })));
      const harms = rng.int(0, 2);
      if (harms) f('harm_signals', Array.from({ length: harms }, () => (rng.chance(0.6) ? { metric: rng.pick(u.metrics).id, signal: `Rises more than ${rng.int(5, 20)}% in two consecutive weeks` } : { signal: 'Account managers report customers confused by the change' })));
      f('non_goals', rng.sample(['A separate flow for the smallest customers', 'Custom work for a single customer', 'Replacing the existing API', 'A native desktop app', 'New markets outside the unit\'s region', 'Changes to pricing', 'Migrating historical data'], rng.int(1, 4)));
      const guardrails = rng.sample(u.guardrails.map((g) => g.id), rng.int(0, 3));
      if (guardrails.length) f('guardrails', guardrails);
      if (rng.chance(0.6)) f('alternatives', Array.from({ length: rng.int(1, 2) }, () => ({ option: rng.pick(['Hire more specialists instead', 'Buy a vendor product', 'Do nothing for another quarter', 'Build it for enterprise customers only']), why_not: sentence(ctx, e, 1) })));
      if (rng.chance(0.6)) f('checkpoints', [addDays(start, 28), addDays(start, 56), addDays(start, 84)].slice(0, rng.int(1, 3)));
      f('signed_off_by', rng.sample([u.heads.product, u.heads.engineering, 'cpo'], rng.int(1, 2)));
      f('tags', tags(['bet']));
      if (rng.chance(0.4)) f('review_by', addDays(AS_OF, rng.int(60, 400)));
      f('x-jira-epic', `${u.id.split('-')[0].slice(0, 3).toUpperCase()}-${rng.int(100, 9999)}`);
      links.push(e.owner, ...e.teams, ...metrics, ...guardrails);
      break;
    }
    case 'decision-rights': {
      f('title', e.title);
      f('owner', e.owner);
      if (e.scheme !== 'DCI' || rng.chance(0.5)) f('scheme', e.scheme);
      f('tags', tags(['decisions', e.domain]));
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      links.push(e.owner, ...e.columns.slice(0, 2));
      break;
    }
    case 'context-table': {
      f('title', e.title);
      f('owner', e.owner);
      f('tags', ['context']);
      f('review_by', addDays(AS_OF, rng.int(60, 720)));
      break;
    }
    case 'check-in': {
      const bet = byId.get(e.bet);
      f('bet', e.bet);
      f('date', e.date);
      f('confidence', e.confidence);
      f('indicators', (bet.metrics ?? []).map((metric) => ({ metric, value: rng.int(5, 95) })));
      if (e.confidence === 'off-track') f('harm_signals', ['Account managers report customers confused by the change']);
      f('next', e.confidence === 'off-track' ? 'pivot' : 'continue');
      links.push(e.bet, ...(bet.metrics ?? []));
      break;
    }
    case 'assessment': {
      f('title', e.title);
      f('date', e.date);
      // Healthy: mostly 2s and 3s, at most one low score per category.
      const lowIn = new Set();
      f('scores', ASSESSMENT_STATEMENTS.map(([statement, category]) => {
        let score = rng.pick([1, 2, 2, 2, 3, 3]);
        if (score === 1) {
          if (lowIn.has(category)) score = 2;
          else lowIn.add(category);
        }
        return { statement, category, score };
      }));
      f('tags', ['diagnose']);
      break;
    }
  }

  // Planted frontmatter findings.
  if (e.plant === 'ref') {
    const refField = { role: 'reports_to', team: 'lead', metric: 'owner', bet: 'owner', guardrail: 'owner', cadence: 'owner' }[e.kind];
    const entry = fields.find(([k]) => k === refField);
    entry[1] = typo(entry[1], rng, ctx.ids);
  } else if (e.plant === 'schema') {
    const entry = fields.find(([k]) => k === 'tags');
    entry[0] = 'tag'; // unknown field; "did you mean tags"
  }

  // Body.
  const targets = [...new Set(links.filter(Boolean))].filter((id) => byId.has(id) && id !== e.id);
  const extra = related(['guardrails', 'metrics', 'teams', 'bets', 'cadences', 'decisionRights']).map((x) => x.id);
  const body = renderBody(e, ctx, targets.length ? targets : extra, extra, linkTo, rel);
  let text = `${yaml(fields)}\n${body}`;
  if (e.plant === 'link') {
    // Break the first relative link: drop a letter from the target file name.
    text = text.replace(/\]\(((?:\.\.\/)*(?:[a-z0-9-]+\/)*)([a-z0-9-]+)\.md\)/, (m, dir, name) => `](${dir}${typo(name, rng, ctx.ids)}.md)`);
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}

function sentence(ctx, e, n, linkFn) {
  const { rng } = ctx;
  const u = e.unit;
  const teamTitle = (u.teams?.length ? rng.pick(u.teams).title : 'Leadership').replace(`${u.name} `, '');
  const out = [];
  for (let i = 0; i < n; i++) {
    let s = rng.pick(linkFn ? SENTENCES : PLAIN_SENTENCES);
    const m = rng.int(8, 30);
    s = s.replace('{unit}', u.name).replace('{team}', teamTitle).replace('{n}', String(rng.int(2, m - 1))).replace('{m}', String(m));
    s = s.replace('{L}', () => (linkFn ? linkFn() : 'the owner'));
    out.push(s);
  }
  return out.join(' ');
}

const BODY_LINES = { 'check-in': [2, 8], model: [60, 80], bet: [15, 80], guardrail: [8, 40], role: [3, 12], team: [5, 25], metric: [5, 30], cadence: [10, 40], assessment: [5, 20], 'decision-rights': [3, 14], 'context-table': [3, 8] };

function renderBody(e, ctx, targets, extra, linkTo) {
  const { rng } = ctx;
  const [lo, hi] = BODY_LINES[e.kind];
  const want = rng.int(lo, hi);
  let linkIndex = 0;
  const nextLink = () => {
    const pool = linkIndex < targets.length ? targets : extra.length ? extra : targets;
    const id = pool === targets ? targets[linkIndex++ % targets.length] : rng.pick(pool);
    return linkTo(id);
  };
  const lines = [];
  const paragraph = (n) => {
    const text = sentence(ctx, e, n, nextLink);
    lines.push(...wrapLinks(text));
  };
  // Always at least one link, in the first paragraph.
  lines.push(...wrapLinks(`${sentence(ctx, e, 1)} See ${nextLink()}.`));

  if (e.kind === 'decision-rights') {
    lines.push('');
    paragraph(rng.int(1, 2));
    lines.push('', ...decisionTable(e, ctx), '');
    if (lines.length < want + e.rows.length + 2) {
      lines.push('## Notes', '');
      while (lines.length < want + e.rows.length + 2) lines.push(...wrapLinks(`- ${sentence(ctx, e, 1)}`, '  '));
    }
    return lines.join('\n') + '\n';
  }
  if (e.kind === 'context-table') {
    lines.push('', ...contextTable(e, ctx, linkTo), '');
    paragraph(rng.int(1, 2));
    return lines.join('\n') + '\n';
  }
  if (e.kind === 'model') {
    lines.unshift(`# ${e.title}`, '');
    lines.push('', '## Our units', '');
    for (const u of ctx.U.slice(0, 12)) lines.push(`- [${u.name}](${posix.relative('.', `teams/${u.id}.md`)})`);
    if (ctx.U.length > 12) lines.push(`- … and ${ctx.U.length - 12} more units, listed on the teams page.`);
  }
  const headings = rng.shuffle(HEADINGS);
  let h = 0;
  while (lines.length < want) {
    const r = rng.next();
    lines.push('');
    if (r < 0.25 && lines.length + 4 < want) lines.push(`## ${headings[h++ % headings.length]}`, '');
    if (r < 0.55) paragraph(rng.int(1, 4));
    else if (r < 0.8) {
      for (let i = 0, n = rng.int(2, 5); i < n; i++) lines.push(...wrapLinks(`- ${sentence(ctx, e, 1, rng.chance(0.3) ? nextLink : undefined)}`, '  '));
    } else if (r < 0.9) {
      for (let i = 1, n = rng.int(2, 4); i <= n; i++) lines.push(...wrapLinks(`${i}. **${rng.pick(HEADINGS)}.** ${sentence(ctx, e, 1)}`, '   '));
    } else {
      lines.push(...wrapLinks(`> ${sentence(ctx, e, 1)} ([source](https://wiki.${ORG}.example/${e.unit.id}/${rng.int(100, 999)}))`));
    }
  }
  const out = lines.slice(0, Math.max(want, 3));
  while (out.length && out[out.length - 1] === '') out.pop();
  if (out.length < 3) out.push('', ...wrapLinks(sentence(ctx, e, 2)));
  return out.join('\n') + '\n';
}

/** Wraps prose at ~88 columns without breaking inside a link. */
function wrapLinks(text, indent = '') {
  const tokens = text.match(/\[[^\]]*\]\([^)]*\)[^\s]*|\S+/g) ?? [];
  const lines = [];
  let line = '';
  for (const t of tokens) {
    if (line && line.length + 1 + t.length > 88) {
      lines.push(line);
      line = indent + t;
    } else line = line ? `${line} ${t}` : t;
  }
  if (line) lines.push(line);
  return lines;
}

function decisionTable(e, ctx) {
  const { rng } = ctx;
  const u = e.unit;
  const letters = { DCI: { d: 'D', other: ['C', 'I', '', ''] }, RACI: { d: 'A', other: ['R', 'C', 'I', ''] }, RAPID: { d: 'D', other: ['R', 'A', 'P', 'I', ''] } }[e.scheme];
  const header = ['Decision', 'SLA', 'Escalation', ...e.columns];
  const rows = e.rows.map((decision) => {
    const decider = rng.int(0, e.columns.length - 1);
    const cells = e.columns.map((_, i) => (i === decider ? letters.d : rng.pick(letters.other)));
    const sla = rng.pick(['2 business days', '5 business days', '10 business days', '1 business day', '4 hours', '15 minutes']);
    const escalation = rng.pick([u.heads.product, u.heads.engineering, 'cpo', 'cto', 'ceo']);
    return [decision, sla, escalation, ...cells];
  });
  const widths = header.map((hd, i) => Math.max(3, hd.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

function contextTable(e, ctx, linkTo) {
  const { rng, byId } = ctx;
  const u = e.unit;
  const rows = [['Which problems to tackle', 'problems'], ['How to solve the problem', 'solutions'], ['How to build the solution', 'build']];
  const cols = [['Guardrails', 'guardrail'], ['Principles', 'principle'], ['Guidance', 'guidance']];
  const out = [`|                           | ${cols.map(([c]) => c).join(' | ')} |`, `|---------------------------|${cols.map(() => '---').join('|')}|`];
  for (const [label, scope] of rows) {
    const cells = cols.map(([, type]) => {
      const matches = u.guardrails.filter((g) => g.scope === scope && g.type === type).slice(0, 2).map((g) => linkTo(g.id));
      if (matches.length) return matches.join(', ');
      if (scope === 'problems' && type === 'guardrail') return `[Strategy](../${byId.get('operating-model').path})`;
      return `[${u.name} wiki](https://wiki.${ORG}.example/${u.id}/${type}s)`;
    });
    out.push(`| ${label.padEnd(25)} | ${cells.join(' | ')} |`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CLI.

export function writeCorpus(out, options) {
  const { files, manifest } = generate(options);
  const modelDir = join(out, 'model');
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length && !entries.includes('bench-manifest.json') && !entries.includes('model')) {
      throw new Error(`${out} exists and is not a generated corpus: refusing to overwrite it`);
    }
  }
  rmSync(modelDir, { recursive: true, force: true });
  rmSync(join(out, '.opmodel-cache'), { recursive: true, force: true });
  const hash = createHash('sha256');
  const dirs = new Set();
  for (const file of files) {
    const abs = join(modelDir, file.path);
    const dir = dirname(abs);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(abs, file.text);
    hash.update(file.path).update('\0').update(file.text).update('\0');
  }
  manifest.files = files.length;
  manifest.bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  manifest.lines = files.reduce((n, f) => n + f.text.split('\n').length - 1, 0);
  manifest.sha256 = hash.digest('hex');
  manifest.generator = createHash('sha256').update(GENERATOR_SOURCE_ID).digest('hex').slice(0, 16);
  writeFileSync(join(out, 'bench-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const GENERATOR_SOURCE_ID = readFileSync(fileURLToPath(import.meta.url), 'utf8');
/** A short hash of this file, so the harness regenerates corpora when the generator changes. */
export const generatorVersion = createHash('sha256').update(GENERATOR_SOURCE_ID).digest('hex').slice(0, 16);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const entities = Number(get('entities', '1000'));
  const out = get('out', `bench/.corpus/${entities >= 1000 && entities % 1000 === 0 ? `${entities / 1000}k` : entities}`);
  const seed = Number(get('seed', '1'));
  try {
    const t0 = performance.now();
    const m = writeCorpus(resolve(out), { entities, seed });
    process.stderr.write(`generated ${m.files} entities (${m.units} units, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.lines} lines, ${m.planted.length} planted findings) in ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    process.stderr.write(`kinds: ${Object.entries(m.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  }
}
