// The shape of the handbook's data: everything the Astro site renders, as one plain JSON document.
// Written by buildHandbookData (Node side), read by site/src/lib/data.ts (type-only import).
import type { Agenda } from '../model/domain/review.js';

/** The whole handbook, JSON-serialisable. */
export interface HandbookData {
  /** Bumped when the shape changes incompatibly. */
  format: 1;
  site: HandbookSite;
  home: HomeData;
  /** Every entity, sorted by kind and title. The model root is included (its page is the home page). */
  entities: HandbookEntity[];
  /** The sections shown in the navigation, in order. */
  sections: SectionInfo[];
  /** The company's units: the top teams of the team hierarchy, in title order. */
  units: UnitInfo[];
  /** Pages of the sections too long for one page: one group (a unit, a quarter) per page, in chunks. */
  listings: ListingPage[];
  changelog: Changelog;
  /** The weekly operating review's agenda as of `site.today` (the same data `opmodel review` renders). */
  agenda: Agenda;
}

/** A unit of the company: a team at the top of the team hierarchy. */
export interface UnitInfo {
  /** The top team's id. */
  id: string;
  title: string;
}

/** One facet value of a long section, e.g. the bets of one unit, or of one quarter. */
export interface FacetValue {
  /** Unit id (`` for entities in no unit), or the quarter. */
  key: string;
  label: string;
  count: number;
  /** Base-relative path of its first listing page. */
  path: string;
}

/** A way to split a long section: by unit, or by the kind's facet field (bets by `quarter`). */
export interface Facet {
  /** `unit`, or the field's name. */
  facet: string;
  /** Heading over the values, e.g. `By unit`. */
  label: string;
  values: FacetValue[];
}

/** One page of a long section: the entities of one facet value, at most `pageSize` of them. */
export interface ListingPage {
  /** Base-relative path with a trailing slash, e.g. `bets/unit/payments-emea/` or `…/2/`. */
  path: string;
  /** Slug of the section it belongs to. */
  section: string;
  kind: string;
  facet: string;
  key: string;
  label: string;
  /** Entity ids on this page, in the section's order. */
  ids: string[];
  /** How many entities the facet value holds on all its pages. */
  total: number;
  /** 1-based page number and page count. */
  page: number;
  pages: number;
  /** Base-relative paths of the previous and next page of the same value. */
  prev: string | null;
  next: string | null;
}

export interface HandbookSite {
  /** The site title: `site.title` from the config, else the model's title. */
  title: string;
  /** Sub-path the site is served under, always with a leading and trailing slash (`/`, `/handbook/`). */
  base: string;
  /** Repository URL for edit and history links (https only), or null. */
  repo: string | null;
  /** The branch edit and history links point at: `site.branch`, else the repository's default branch. */
  branch: string;
  /** Where the opmodel folder sits in the repository: `` or a path with a trailing slash. */
  repoPrefix: string;
  /** The model folder, relative to the opmodel folder (`model`). */
  modelDir: string;
  /** When the data was built (ISO timestamp). */
  generatedAt: string;
  /** The date `needsReview` was judged against (YYYY-MM-DD). */
  today: string;
  /** Most entities one index or listing page shows; a longer section is split by unit (and quarter) and paged. */
  pageSize: number;
  /** What git could tell: full history, a shallow clone (dates unknown), or no git at all. */
  git: 'ok' | 'shallow' | 'unavailable';
}

/** A navigation section: an index page listing entities or showing a derived view. */
export interface SectionInfo {
  /** Base-relative path without slashes, e.g. `bets`, `kinds/okr`. */
  slug: string;
  title: string;
  /** What one entity's page calls its kind (`Decision record`). */
  label: string;
  /** For a section without a page of its own: its index page's heading (default the title), description and lede. */
  heading?: string;
  description?: string;
  noun?: { one: string; many: string };
  lede?: string;
  /** False when its entities' page titles leave out their unit (the teams that make up the units). */
  unitInTitle?: false;
  /** The entity kind listed in this section, or null for pages such as the changelog. */
  kind: string | null;
  count: number;
  /** True when the section has more entities than one page shows: its index then links its facets. */
  paged: boolean;
  /** How a paged section is split (empty for short sections). */
  facets: Facet[];
}

/** The home page's derived content. */
export interface HomeData {
  /** Id of the model root entity, or null when the model has none. */
  model: string | null;
  title: string;
  version: string | null;
  quarter: string | null;
  /** Id of the north-star metric. */
  northStar: string | null;
  /** Ids of the active bets of the current quarter (every active bet when the model names no quarter). */
  activeBets: string[];
  /** What we will not do this quarter: every non-goal of every active bet, with its bet. */
  nonGoals: { text: string; bet: string }[];
  /** The reading path for a new hire. */
  startHere: { title: string; path: string; description: string }[];
  /** Id of the most recent assessment, or null. */
  latestAssessment: string | null;
}

/** One part of a body: sanitised HTML, or the place where a parsed decision matrix stands. */
export type BodyPart = { html: string } | { matrix: number };

/** One model file, ready to render. */
export interface HandbookEntity {
  id: string;
  kind: string;
  title: string;
  /** Repository-relative path of the file. */
  file: string;
  /** Id of the unit (top team) the entity belongs to, through its team or owner; null when none. */
  unit: string | null;
  /** Base-relative page path with a trailing slash (`bets/self-serve/`); `` for the model root. */
  path: string;
  /** The frontmatter exactly as loaded (rendered escaped, never as HTML). */
  data: Record<string, unknown>;
  tags: string[];
  /** The body as sanitised HTML; body headings start at h3. */
  bodyHtml: string;
  /** For decision-rights: the body split around its parsed matrices, so they render in place (empty for other kinds). */
  bodyParts: BodyPart[];
  /** Last commit touching the file (ISO timestamp), or `unknown`. */
  updated: string;
  /** Link to edit the file in the repository, when `site.repo` is set. */
  editUrl: string | null;
  /** Link to the file's history in the repository, when `site.repo` is set. */
  historyUrl: string | null;
  reviewBy: string | null;
  /** True when `review_by` is in the past. */
  needsReview: boolean;
  /** References this entity makes, grouped by field. */
  outgoing: RelationGroup[];
  /** References other entities make to this one, grouped by field (the backlinks). */
  incoming: RelationGroup[];
  /** For roles and teams: the decisions they take part in. */
  decisions: DecisionInvolvement[];
  model?: ModelView;
  bet?: BetView;
  guardrail?: GuardrailView;
  team?: TeamView;
  role?: RoleView;
  metric?: MetricView;
  cadence?: CadenceView;
  /** For decision-rights: the parsed matrices. */
  matrices?: MatrixView[];
  assessment?: AssessmentView;
  decision?: DecisionView;
  checkIn?: CheckInView;
}

/** References of one field, e.g. "Owner" → [growth]. */
export interface RelationGroup {
  label: string;
  /** Entity ids (possibly missing from the model when it was built with lint errors). */
  ids: string[];
}

/** A role's or team's part in one decision. */
export interface DecisionInvolvement {
  decision: string;
  /** Id of the decision-rights entity holding the matrix. */
  entity: string;
  /** The letter in the cell, e.g. `D`. */
  letter: string;
  /** The letter in words, e.g. `Decides`. */
  meaning: string;
  /** True when this letter is the scheme's decider. */
  decides: boolean;
}

export interface ModelView {
  version: string | null;
  quarter: string | null;
  northStar: string | null;
  owner: string | null;
}

export interface BetView {
  status: string;
  owner: string | null;
  quarter: string | null;
  level: string;
  teams: string[];
  problem: string | null;
  leadingIndicators: { metric: string | null; target: string; by: string | null }[];
  harmSignals: { metric: string | null; signal: string }[];
  nonGoals: string[];
  guardrails: string[];
  alternatives: { option: string; whyNot: string }[];
  checkpoints: string[];
  signedOffBy: string[];
  /** The bet's check-ins, oldest first (undated ones left out). */
  checkIns: { id: string; date: string; confidence: string | null }[];
  /** The latest check-in's confidence, or null when there is none. */
  confidence: string | null;
  /** Each leading indicator's values over the check-ins, against its baseline and goal. */
  charts: IndicatorChart[];
}

/** One leading indicator over a bet's check-ins, with the chart's geometry computed at build time. */
export interface IndicatorChart {
  metric: string;
  baseline: number | null;
  goal: number | null;
  /** One point per check-in that gave a number, oldest first; x and y are SVG coordinates. */
  points: { date: string; value: number; checkIn: string; x: number; y: number }[];
  /** SVG y of the baseline and goal lines, null when the bet gives no such number. */
  baselineY: number | null;
  goalY: number | null;
  /** SVG y of the labels "baseline N" and "goal N", written right of the plot, never on top of each other. */
  baselineLabelY: number | null;
  goalLabelY: number | null;
  /** Lowest and highest value on the y axis. */
  min: number;
  max: number;
  width: number;
  height: number;
  /** The plot area's edges in SVG coordinates (axes are drawn along left and bottom). */
  plot: { left: number; right: number; top: number; bottom: number };
}

export interface DecisionView {
  /** The decision right, as the record writes it. */
  right: string;
  /** The matrix row it was taken under (page path and anchor), when one has that text. */
  row: { entity: string; anchor: string } | null;
  decidedBy: string | null;
  date: string | null;
  status: string;
  consulted: string[];
  informed: string[];
  bets: string[];
  supersedes: string[];
  /** Records that name this one in their `supersedes`. */
  supersededBy: string[];
}

export interface CheckInView {
  bet: string | null;
  date: string | null;
  confidence: string | null;
  indicators: { metric: string | null; value: number | null; note: string | null }[];
  harmSignals: string[];
  next: string | null;
}

export interface GuardrailView {
  type: string | null;
  scope: string | null;
  owner: string | null;
  status: string;
  exceptions: string | null;
}

export interface TeamView {
  type: string | null;
  lead: string | null;
  members: string[];
  parent: string | null;
  /** Teams whose parent is this team. */
  children: string[];
  /** The nearest product group above (or equal to) this team, or null. */
  group: string | null;
  metrics: string[];
  github: string | null;
}

export interface RoleView {
  holder: string | null;
  team: string | null;
  reportsTo: string | null;
  github: string | null;
}

export interface MetricView {
  type: string | null;
  owner: string | null;
  unit: string | null;
  direction: string | null;
  /** The `source` URL, only when it is https or relative. */
  source: string | null;
}

export interface CadenceView {
  frequency: string | null;
  /** The weekday it meets (`tuesday`), its start time (`09:30`) and, monthly or quarterly, which week (`first`, `last`). */
  day: string | null;
  time: string | null;
  week: string | null;
  durationMinutes: number | null;
  owner: string | null;
  participants: string[];
  inputs: string[];
  outputs: string[];
}

/** One decision-rights matrix, as the site renders it. */
export interface MatrixView {
  scheme: string;
  /** Role or team ids heading the letter columns. */
  columns: string[];
  /** The scheme's letters in words, e.g. `{ D: 'Decides', C: 'Consulted', I: 'Informed' }`. */
  letters: Record<string, string>;
  rows: {
    /** The row's anchor on its matrix page (unique within the page). */
    anchor: string;
    decision: string;
    sla: string | null;
    escalation: string | null;
    /** Column id → letter. */
    cells: Record<string, string>;
    decides: string | null;
    /** Decision records taken under this row (their `decision` is the row's text, ignoring case), newest first. */
    records: string[];
  }[];
}

export interface AssessmentView {
  date: string | null;
  /** The team it assesses; null for the whole company. */
  team: string | null;
  total: number;
  max: number;
  band: 'healthy' | 'structural-drift' | 'intervention-overdue';
  thresholds: { healthy: number; drift: number };
  categories: { name: string; total: number; max: number; low: number; weak: boolean }[];
  weakCategories: string[];
  scores: { statement: string; category: string; score: number }[];
}

/** The model's history from git, newest first. */
export interface Changelog {
  /** Why there is no history, when there is none. */
  unavailable: string | null;
  commits: ChangelogCommit[];
  /** True when older commits were left off. */
  truncated: boolean;
}

export interface ChangelogCommit {
  hash: string;
  date: string;
  author: string;
  subject: string;
  /** Link to the commit, when `site.repo` is set. */
  url: string | null;
  changes: {
    change: 'added' | 'changed' | 'removed';
    file: string;
    id: string;
    title: string | null;
    path: string | null;
    /** When the commit changed the file's `status:` (a bet from active to won): from what to what. */
    statusChange?: { from: string; to: string };
    /** Decisions whose decider the commit changed (decision-rights files). */
    deciderChanges?: { decision: string; from: string | null; to: string | null }[];
  }[];
}
