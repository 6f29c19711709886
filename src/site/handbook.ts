// Turns the loaded model into the handbook's data (HandbookData): sanitised bodies, relations both
// ways, derived views, git dates and the changelog. The Astro site renders only what this returns.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Entity } from '../model/domain/entity.js';
import type { LoadedModel } from '../model/read/load.js';
import type { SiteSettings } from '../config.js';
import { referencesOf, relationFields, type RelationField } from '../model/domain/relations.js';
import { builtinKinds, customHandbook, type HandbookFacts, type Kind } from '../model/domain/kinds.js';
import { decisionMatrices, rightKey, schemes, type DecisionMatrix } from '../model/domain/decision-rights.js';
import { checkInsByBet, isPastReview, reviewAgenda } from '../model/domain/review.js';
import { indicatorChart } from './chart.js';
import { defaultThresholds, latestPerTeam, scoreAssessment, type Thresholds } from '../model/domain/assessment.js';
import type {
  AssessmentView, BetView, BodyPart, CadenceView, Changelog, CheckInView, DecisionInvolvement, DecisionView, Facet, GuardrailView, HandbookData,
  HandbookEntity, HomeData, ListingPage, MatrixView, MetricView, ModelView, RelationGroup, RoleView, SectionInfo, TeamView, UnitInfo,
} from './handbook-data.js';

/** Most entities one index or listing page shows; a longer section is split by unit (and quarter) and paged. */
export const pageSize = 80;

import { isEntityFile, readGitHistory, type GitHistory } from './git.js';
import { renderBody, renderBodyHtml, resolveRelative, type LinkContext } from './markdown.js';
import { todayString } from '../util/today.js';

/** What the handbook needs of the loaded model (a hand-written one will do in tests). */
export type HandbookModel = Pick<LoadedModel, 'root' | 'modelDir' | 'entities'>;

export interface HandbookOptions {
  /** The `site:` block of opmodel.config.yaml. */
  site?: SiteSettings;
  /** Sub-path to serve under; overrides `site.base`. */
  base?: string;
  /** The model folder's git history; read from the repository when left out. */
  history?: GitHistory;
  /** The date to judge `review_by` against (YYYY-MM-DD); default OPMODEL_TODAY or the local date, as lint does. */
  today?: string;
  /** Assessment bands; default healthy ≥ 18, drift ≥ 12. */
  thresholds?: Thresholds;
  /** Every kind the model may have (`kindsOf(config)`): their handbook sections; default the built-in ones. */
  kinds?: readonly Kind[];
  /** Days an active bet may go without a check-in (`check-in-due`'s `max_days`); default 14. */
  checkInDays?: number;
  /** Reference fields: the built-in ones plus any a custom kind's schema declares (as lint builds them). */
  relations?: readonly RelationField[];
  /** Most commits kept for the changelog page (default 50). */
  changelogLimit?: number;
  /** Bodies rendered by an earlier call, reused while body and link targets are unchanged (`opmodel dev`). */
  renderCache?: RenderCache;
}

/** Rendered bodies by file, for reuse across builds of a changing model (see `HandbookOptions.renderCache`). */
export type RenderCache = Map<string, { key: string; bodyHtml: string; bodyParts: BodyPart[]; links: string[] }>;

/** Builds the handbook's data from the loaded model. Never reads model files; runs git three times. */
export function buildHandbookData(model: HandbookModel, options: HandbookOptions = {}): HandbookData {
  const relations = options.relations ?? relationFields;
  const base = normaliseBase(options.base ?? options.site?.base);
  const repo = safeRepo(options.site?.repo);
  const today = options.today ?? todayString();
  const history = options.history ?? readGitHistory(model.root, model.modelDir);
  const thresholds = options.thresholds ?? defaultThresholds;
  const handbookOf = handbookFacts(options.kinds ?? builtinKinds);

  // Broken files only reserve their id; lint reports them, the handbook leaves them out.
  // Only entities with a readable file and a valid id get a page: the id is the page's URL
  // (the `id` rule reports the others, and --allow-errors publishes the rest without them).
  const source = model.entities.filter((entity) => !entity.broken && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entity.id)).sort(byKindThenTitle(handbookOf));
  const byId = new Map(source.map((entity) => [entity.id, entity]));
  const sections = sectionsOf(source, history, handbookOf);
  const branch = nonEmpty(options.site?.branch) ?? history.defaultBranch ?? 'main';
  const branchPath = encodePath(branch);
  const sectionOf = new Map(sections.filter((s) => s.kind).map((s) => [s.kind!, s.slug]));
  const pathOf = (entity: Entity) => (entity.kind === 'model' ? '' : `${sectionOf.get(entity.kind)}/${entity.id}/`);
  const pages = new Map(source.map((entity) => [entity.file, base + pathOf(entity)]));
  const entityByFile = new Map(source.map((entity) => [entity.file, entity]));

  // Relations both ways, from the one table in relations.ts.
  const outgoing = new Map<string, RelationGroup[]>();
  const incoming = new Map<string, Map<string, string[]>>();
  const addIncoming = (target: string, label: string, from: string) => {
    const groups = incoming.get(target) ?? new Map<string, string[]>();
    const ids = groups.get(label) ?? [];
    if (!ids.includes(from)) ids.push(from);
    groups.set(label, ids);
    incoming.set(target, groups);
  };
  for (const entity of source) {
    const groups: RelationGroup[] = [];
    for (const reference of referencesOf(entity, relations)) {
      let group = groups.find((g) => g.label === reference.field.label);
      if (!group) groups.push((group = { label: reference.field.label, ids: [] }));
      if (!group.ids.includes(reference.target)) group.ids.push(reference.target);
      addIncoming(reference.target, reference.field.reverse, entity.id);
    }
    outgoing.set(entity.id, groups);
  }

  // Decision matrices, and every role's and team's part in them.
  const matrices = new Map<string, DecisionMatrix[]>();
  const involvement = new Map<string, DecisionInvolvement[]>();
  for (const entity of source) {
    if (entity.kind !== 'decision-rights') continue;
    const found = safely(() => decisionMatrices(entity), []);
    matrices.set(entity.id, found);
    for (const matrix of found) {
      const letters = letterWords(matrix.scheme);
      for (const row of matrix.rows) {
        for (const [column, letter] of Object.entries(row.cells)) {
          const list = involvement.get(column) ?? [];
          list.push({ decision: row.decision, entity: entity.id, letter, meaning: letters[letter] ?? letter, decides: letter === schemes[matrix.scheme].decider });
          involvement.set(column, list);
        }
        if (row.escalation) {
          const list = involvement.get(row.escalation) ?? [];
          list.push({ decision: row.decision, entity: entity.id, letter: '↑', meaning: 'Escalation point', decides: false });
          involvement.set(row.escalation, list);
        }
      }
    }
  }

  // Decision records: the matrix row each was taken under (by its text, ignoring case), and the reverse of `supersedes`.
  const rowOf = new Map<string, { entity: string; anchor: string }>();
  for (const [entity, found] of matrices) {
    found.forEach((matrix, m) => matrix.rows.forEach((row, r) => {
      const key = rightKey(row.decision);
      if (!rowOf.has(key)) rowOf.set(key, { entity, anchor: rowAnchor(m, r, row.decision) });
    }));
  }
  // Newest first; a record without a date still counts, last.
  const records = source.filter((e) => e.kind === 'decision').sort((a, b) => (str(b.data.date) ?? '').localeCompare(str(a.data.date) ?? '') || a.id.localeCompare(b.id));
  const recordsByRight = new Map<string, string[]>();
  const supersededBy = new Map<string, string[]>();
  for (const record of records) {
    const key = rightKey(str(record.data.decision) ?? '');
    recordsByRight.set(key, [...(recordsByRight.get(key) ?? []), record.id]);
    for (const old of list(record.data.supersedes)) supersededBy.set(old, [...(supersededBy.get(old) ?? []), record.id]);
  }
  // Check-ins by bet as of the build's date, oldest first, as the review and check-in-due read them.
  const checkInsOf = checkInsByBet(source, today);

  // Team tree: children and the product group each team sits in.
  const children = new Map<string, string[]>();
  for (const entity of source) {
    const parent = entity.kind === 'team' ? str(entity.data.parent) : null;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), entity.id]);
  }
  const groupOf = (team: Entity): string | null => {
    const seen = new Set<string>();
    let current: Entity | undefined = team;
    while (current && current.kind === 'team' && !seen.has(current.id)) {
      if (current.data.type === 'product-group') return current.id;
      seen.add(current.id);
      const parent = str(current.data.parent);
      current = parent ? byId.get(parent) : undefined;
    }
    return null;
  };
  const { units, unitOf } = unitsOf(source, byId);

  // What every link in a body resolves against: a cached body is reused only while this is the same.
  const linkTargets = options.renderCache ? createHash('sha1').update(JSON.stringify([repo, history.prefix, [...pages]])).digest('hex') : '';
  const entities: HandbookEntity[] = source.map((entity) => {
    const mention = (target: string) => {
      const linked = entityByFile.get(target);
      if (linked && linked.id !== entity.id) addIncoming(linked.id, 'Mentioned in', entity.id);
    };
    const links: string[] = [];
    const context: LinkContext = { file: entity.file, pages, repo, repoPrefix: history.prefix, onLink: (target) => links.push(target) };
    const entityMatrices = matrices.get(entity.id) ?? [];
    const matrixLines = entityMatrices.map((m) => m.line);
    const cacheKey = options.renderCache ? `${entity.kind}\u0000${entity.bodyLine}\u0000${matrixLines.join(',')}\u0000${entity.bodyUnparsed ? 1 : 0}\u0000${linkTargets}\u0000${entity.body}` : '';
    const cached = options.renderCache?.get(entity.file);
    let rendered: { bodyHtml: string; bodyParts: BodyPart[] };
    if (cached && cached.key === cacheKey) {
      rendered = cached;
      cached.links.forEach(mention);
    } else {
      rendered = renderEntityBody(entity, context, matrixLines);
      links.forEach(mention);
      options.renderCache?.set(entity.file, { key: cacheKey, ...rendered, links });
    }
    const { bodyHtml, bodyParts } = rendered;
    const reviewBy = str(entity.data.review_by);
    const repoFile = encodePath(history.prefix + entity.file);
    const result: HandbookEntity = {
      id: entity.id,
      kind: entity.kind,
      title: entity.kind === 'check-in' ? checkInTitle(entity, byId) : titleOf(entity),
      file: entity.file,
      unit: unitOf.get(entity.id) ?? null,
      path: pathOf(entity),
      data: entity.data,
      tags: list(entity.data.tags),
      bodyHtml,
      bodyParts,
      updated: history.lastUpdated.get(entity.file) ?? 'unknown',
      editUrl: repo ? `${repo}/edit/${branchPath}/${repoFile}` : null,
      historyUrl: repo ? `${repo}/commits/${branchPath}/${repoFile}` : null,
      reviewBy,
      needsReview: isPastReview(entity, today),
      outgoing: outgoing.get(entity.id) ?? [],
      incoming: [],
      decisions: involvement.get(entity.id) ?? [],
    };
    const d = entity.data;
    switch (entity.kind) {
      case 'model':
        result.model = modelView(d);
        break;
      case 'bet':
        result.bet = { ...betView(d), ...betProgress(d, checkInsOf.get(entity.id) ?? []) };
        break;
      case 'guardrail':
        result.guardrail = guardrailView(d);
        break;
      case 'team':
        result.team = { ...teamView(d), children: children.get(entity.id) ?? [], group: groupOf(entity) };
        break;
      case 'role':
        result.role = roleView(d);
        break;
      case 'metric':
        result.metric = { ...metricView(d), source: safeUrl(d.source, context) };
        break;
      case 'cadence':
        result.cadence = cadenceView(d);
        break;
      case 'decision-rights':
        result.matrices = entityMatrices.map((matrix, i) => matrixView(matrix, i, recordsByRight));
        break;
      case 'assessment':
        result.assessment = assessmentView(d, thresholds);
        break;
      case 'decision':
        result.decision = { ...decisionView(d), row: rowOf.get(rightKey(str(d.decision) ?? '')) ?? null, supersededBy: supersededBy.get(entity.id) ?? [] };
        break;
      case 'check-in':
        result.checkIn = checkInView(d);
        break;
    }
    return result;
  });
  if (options.renderCache) for (const file of options.renderCache.keys()) if (!entityByFile.has(file)) options.renderCache.delete(file);
  // Bodies are rendered now, so "mentioned in" backlinks are complete.
  for (const entity of entities) {
    entity.incoming = [...(incoming.get(entity.id) ?? new Map<string, string[]>())].map(([label, ids]) => ({ label, ids }));
  }

  const siteTitle = nonEmpty(options.site?.title) ?? titleOfRoot(source) ?? 'Operating model';
  const home = homeData(entities, sections);
  const listings = paginate(entities, sections, units, home.quarter, handbookOf);
  return {
    format: 1,
    site: { title: siteTitle, base, repo, branch, pageSize, repoPrefix: history.prefix, modelDir: model.modelDir.replace(/\/+$/, ''), generatedAt: new Date().toISOString(), today, git: history.state },
    home,
    entities,
    sections,
    units,
    listings,
    changelog: changelogOf(history, entityByFile, pages, base, repo, options.changelogLimit ?? 50),
    agenda: reviewAgenda(source, today, options.checkInDays),
  };
}

function renderEntityBody(entity: Entity, context: LinkContext, matrixLines: number[]) {
  if (entity.bodyUnparsed) {
    const html = '<p><em>This text is too deeply nested to show safely here; read it in the repository.</em></p>';
    return { bodyHtml: html, bodyParts: entity.kind === 'decision-rights' ? [{ html }] : [] };
  }
  const options = { headingStart: 3, bodyLine: entity.bodyLine };
  if (entity.kind === 'decision-rights') {
    const bodyHtml = renderBodyHtml(entity.body, { ...context, onLink: undefined }, options);
    return { bodyHtml, bodyParts: renderBody(entity.body, context, { ...options, matrixLines }) };
  }
  return { bodyHtml: renderBodyHtml(entity.body, context, options), bodyParts: [] };
}

/** Each kind's handbook facts by name: the registry's, or a custom kind's for a kind it does not know; none for the model root. */
function handbookFacts(kinds: readonly Kind[]): (kind: string) => HandbookFacts | undefined {
  const known = new Map(kinds.map((kind) => [kind.name, kind.handbook]));
  return (kind) => (known.has(kind) ? known.get(kind) : kind === 'model' ? undefined : customHandbook(kind));
}

/** The navigation: one section per kind the model has, by `nav` then name; then This week and the changelog. */
function sectionsOf(entities: Entity[], history: GitHistory, handbookOf: (kind: string) => HandbookFacts | undefined): SectionInfo[] {
  const counts = new Map<string, number>();
  for (const entity of entities) counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1);
  const sections: SectionInfo[] = [...counts]
    .flatMap(([kind, count]) => {
      const facts = handbookOf(kind);
      if (!facts) return [];
      const { section, title, label, nav, heading, description, noun, lede, unitInTitle } = facts;
      return [{ kind, slug: section, title, label, nav, count, paged: false, facets: [], ...{ heading, description, noun, lede, unitInTitle } }];
    })
    .sort((a, b) => a.nav - b.nav || a.kind.localeCompare(b.kind))
    .map(({ nav: _nav, ...section }) => section);
  sections.push({ kind: null, slug: 'this-week', title: 'This week', label: 'This week', count: 0, paged: false, facets: [] });
  sections.push({ kind: null, slug: 'changelog', title: 'Changelog', label: 'Changelog', count: history.commits.length, paged: false, facets: [] });
  return sections;
}

/**
 * The units of the company (the top teams of the team hierarchy) and each entity's unit: a team's is
 * its top team; a role's, its team's; anything else's, that of the first team or role it names in
 * `team`, `owner`, `lead`, `teams` or `participants`. What names none (an assessment) is placed by a
 * unit's name in its title, when only one unit's name is there.
 */
function unitsOf(source: Entity[], byId: Map<string, Entity>): { units: UnitInfo[]; unitOf: Map<string, string> } {
  const top = new Map<string, string>();
  const topOf = (team: Entity): string => {
    const known = top.get(team.id);
    if (known) return known;
    const seen = new Set<string>();
    let current = team;
    for (;;) {
      seen.add(current.id);
      const parent = str(current.data.parent);
      const next = parent ? byId.get(parent) : undefined;
      if (!next || next.kind !== 'team' || seen.has(next.id)) break;
      current = next;
    }
    top.set(team.id, current.id);
    return current.id;
  };
  const unitOf = new Map<string, string>();
  for (const entity of source) if (entity.kind === 'team') unitOf.set(entity.id, topOf(entity));
  const viaReference = (entity: Entity): string | undefined => {
    for (const field of ['team', 'owner', 'lead', 'teams', 'participants']) {
      for (const id of list(entity.data[field])) {
        const target = byId.get(id);
        if (target?.kind === 'team') return unitOf.get(target.id);
        if (target?.kind === 'role') {
          const team = str(target.data.team);
          const unit = team ? unitOf.get(team) : undefined;
          if (unit) return unit;
        }
      }
    }
    return undefined;
  };
  for (const entity of source) {
    if (entity.kind === 'team' || entity.kind === 'model') continue;
    const unit = viaReference(entity);
    if (unit) unitOf.set(entity.id, unit);
  }
  const unitIds = [...new Set(unitOf.values())];
  const units = unitIds.map((id) => ({ id, title: titleOf(byId.get(id)!) })).sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id));
  if (units.length > 1) {
    // Longest names first, so "Payments EMEA Cards" is not taken for "Payments EMEA".
    const names = [...units].sort((a, b) => b.title.length - a.title.length);
    for (const entity of source) {
      if (entity.kind === 'model' || unitOf.has(entity.id)) continue;
      const title = titleOf(entity).toLowerCase();
      const found = names.filter((unit) => title.includes(unit.title.toLowerCase()));
      // Only one unit named, or the others' names are part of the longest one's.
      if (found.length > 0 && found.every((unit) => found[0]!.title.toLowerCase().includes(unit.title.toLowerCase()))) unitOf.set(entity.id, found[0]!.id);
    }
  }
  return { units, unitOf };
}

/**
 * Splits each section longer than a page (`pageSize`, fewer for heavy kinds) into listing pages: by
 * unit, and bets by quarter too, each value paged. Marks those sections `paged` and records their facets.
 */
function paginate(entities: HandbookEntity[], sections: SectionInfo[], units: UnitInfo[], quarter: string | null, handbookOf: (kind: string) => HandbookFacts | undefined): ListingPage[] {
  const listings: ListingPage[] = [];
  const unitTitle = new Map(units.map((unit) => [unit.id, unit.title]));
  for (const section of sections) {
    const facts = section.kind ? handbookOf(section.kind) : undefined;
    const size = facts?.pageSize ?? pageSize;
    if (!section.kind || section.count <= size) continue;
    const members = entities.filter((entity) => entity.kind === section.kind);
    section.paged = true;
    const facets: { facet: Facet['facet']; label: string; keyOf: (e: HandbookEntity) => string; labelOf: (key: string) => string; order: (a: string, b: string) => number }[] = [
      {
        facet: 'unit', label: 'By unit', keyOf: (e) => e.unit ?? '', labelOf: (key) => unitTitle.get(key) ?? 'Company-wide',
        // Company-wide first, then units by title.
        order: (a, b) => (a === '' ? -1 : b === '' ? 1 : unitTitle.get(a)!.localeCompare(unitTitle.get(b)!, 'en')),
      },
    ];
    const field = facts?.facet;
    if (field) {
      facets.push({
        facet: field.field, label: field.label, keyOf: (e) => str(e.data[field.field]) ?? '', labelOf: (key) => key || field.none,
        // The current quarter first, then newest first.
        order: (a, b) => (a === quarter ? -1 : b === quarter ? 1 : b.localeCompare(a)),
      });
    }
    for (const facet of facets) {
      const groups = new Map<string, HandbookEntity[]>();
      for (const entity of members) {
        const key = facet.keyOf(entity);
        groups.set(key, [...(groups.get(key) ?? []), entity]);
      }
      const values = [...groups.keys()].sort(facet.order).map((key) => {
        const ids = groups.get(key)!.map((entity) => entity.id);
        const folder = `${section.slug}/${facet.facet}/${key === '' ? '_none' : slug(key)}/`;
        const pages = Math.ceil(ids.length / size);
        const pathOf = (page: number) => (page === 1 ? folder : `${folder}${page}/`);
        for (let page = 1; page <= pages; page++) {
          listings.push({
            path: pathOf(page), section: section.slug, kind: section.kind!, facet: facet.facet, key, label: facet.labelOf(key),
            ids: ids.slice((page - 1) * size, page * size), total: ids.length, page, pages,
            prev: page > 1 ? pathOf(page - 1) : null, next: page < pages ? pathOf(page + 1) : null,
          });
        }
        return { key, label: facet.labelOf(key), count: ids.length, path: folder };
      });
      section.facets.push({ facet: facet.facet, label: facet.label, values });
    }
  }
  return listings;
}

function homeData(entities: HandbookEntity[], sections: SectionInfo[]): HomeData {
  const root = entities.find((entity) => entity.kind === 'model');
  const quarter = root?.model?.quarter ?? null;
  const activeBets = entities.filter((e) => e.bet && e.bet.status === 'active' && (quarter === null || e.bet.quarter === quarter));
  // The reading path for a new hire: the strategy, then the sections of these kinds the model has.
  const pathOf = (kind: string) => sections.find((section) => section.kind === kind)?.slug;
  const startHere = [
    { title: 'Strategy', path: root ? '#strategy' : undefined, description: 'What we are trying to achieve, and why.' },
    { title: 'Bets', kind: 'bet', description: 'The few things we are betting on this quarter, and what we will not do.' },
    { title: 'Guardrails', kind: 'guardrail', description: 'The lines we do not cross, our principles, and what we prefer.' },
    { title: 'Decision rights', kind: 'decision-rights', description: 'Who decides, who is consulted, who is informed.' },
    { title: 'How we work', kind: 'cadence', description: 'The meetings and reviews that run our week and our quarter.' },
  ].flatMap(({ title, kind, path, description }) => {
    const to = kind ? pathOf(kind) : path;
    return to === undefined ? [] : [{ title, path: kind ? `${to}/` : to, description }];
  });
  // The home page shows the company-wide latest assessment, as `opmodel assess` reports first.
  const latest = latestPerTeam(entities.filter((e) => e.assessment), (e) => e.assessment!.date, (e) => e.assessment!.team);
  return {
    model: root?.id ?? null,
    title: root?.title ?? 'Operating model',
    version: root?.model?.version ?? null,
    quarter,
    northStar: root?.model?.northStar ?? null,
    activeBets: activeBets.map((bet) => bet.id),
    nonGoals: activeBets.flatMap((bet) => bet.bet!.nonGoals.map((text) => ({ text, bet: bet.id }))),
    startHere,
    latestAssessment: latest.company?.id ?? null,
  };
}

function changelogOf(
  history: GitHistory, entityByFile: Map<string, Entity>, pages: Map<string, string>, base: string, repo: string | null, limit: number,
): Changelog {
  if (history.state === 'unavailable') return { unavailable: 'This model is not in a git repository, so there is no history to show.', commits: [], truncated: false };
  if (history.state === 'shallow') {
    return { unavailable: 'The handbook was built from a shallow clone, so the history is incomplete. Build from a full clone (for example `fetch-depth: 0` in GitHub Actions) to see it.', commits: [], truncated: false };
  }
  const commits = history.commits
    .map((commit) => ({
      hash: commit.hash,
      date: commit.date,
      author: commit.author,
      subject: commit.subject,
      url: repo && /^[0-9a-f]+$/.test(commit.hash) ? `${repo}/commit/${commit.hash}` : null,
      changes: commit.changes
        .filter((change) => isEntityFile(change.file))
        .map((change) => {
          const entity = entityByFile.get(change.file);
          const page = pages.get(change.file);
          return {
            change: change.status,
            file: change.file,
            id: entity?.id ?? posix.basename(change.file, '.md'),
            title: entity ? titleOf(entity) : null,
            path: page !== undefined && change.status !== 'removed' ? page.slice(base.length) : null,
            ...(change.statusChange ? { statusChange: change.statusChange } : {}),
            ...(change.deciderChanges ? { deciderChanges: change.deciderChanges } : {}),
          };
        }),
    }))
    .filter((commit) => commit.changes.length > 0);
  return { unavailable: null, commits: commits.slice(0, limit), truncated: commits.length > limit };
}

// ---- per-kind views: defensive, because a model built with --allow-errors may break its schema

function modelView(d: Record<string, unknown>): ModelView {
  return { version: str(d.version), quarter: str(d.quarter), northStar: str(d.north_star), owner: str(d.owner) };
}

function betView(d: Record<string, unknown>): Omit<BetView, 'checkIns' | 'confidence' | 'charts'> {
  return {
    status: str(d.status) ?? 'proposed',
    owner: str(d.owner),
    quarter: str(d.quarter),
    level: str(d.level) ?? 'team',
    teams: list(d.teams),
    problem: str(d.problem),
    leadingIndicators: records(d.leading_indicators).map((r) => ({ metric: str(r.metric), target: str(r.target) ?? '', by: str(r.by) })),
    harmSignals: records(d.harm_signals).map((r) => ({ metric: str(r.metric), signal: str(r.signal) ?? '' })),
    nonGoals: list(d.non_goals),
    guardrails: list(d.guardrails),
    alternatives: records(d.alternatives).map((r) => ({ option: str(r.option) ?? '', whyNot: str(r.why_not) ?? '' })),
    checkpoints: list(d.checkpoints),
    signedOffBy: list(d.signed_off_by),
  };
}

function guardrailView(d: Record<string, unknown>): GuardrailView {
  return { type: str(d.type), scope: str(d.scope), owner: str(d.owner), status: str(d.status) ?? 'active', exceptions: str(d.exceptions) };
}

function teamView(d: Record<string, unknown>): Omit<TeamView, 'children' | 'group'> {
  return { type: str(d.type), lead: str(d.lead), members: list(d.members), parent: str(d.parent), metrics: list(d.metrics), github: str(d.github) };
}

function roleView(d: Record<string, unknown>): RoleView {
  return { holder: str(d.holder), team: str(d.team), reportsTo: str(d.reports_to), github: str(d.github) };
}

function metricView(d: Record<string, unknown>): Omit<MetricView, 'source'> {
  return { type: str(d.type), owner: str(d.owner), unit: str(d.unit), direction: str(d.direction) };
}

function cadenceView(d: Record<string, unknown>): CadenceView {
  const minutes = typeof d.duration_minutes === 'number' && Number.isFinite(d.duration_minutes) && d.duration_minutes > 0 ? d.duration_minutes : null;
  return { frequency: str(d.frequency), day: str(d.day), time: str(d.time), week: str(d.week), durationMinutes: minutes, owner: str(d.owner), participants: list(d.participants), inputs: list(d.inputs), outputs: list(d.outputs) };
}

/** A scheme's letters in words, capitalised for the page: `{ D: 'Decides', … }`. */
function letterWords(scheme: DecisionMatrix['scheme']): Record<string, string> {
  const words = schemes[scheme]?.words ?? {};
  return Object.fromEntries(Object.entries(words).map(([letter, word]) => [letter, capitalise(word)]));
}

function matrixView(matrix: DecisionMatrix, index: number, recordsByRight: Map<string, string[]>): MatrixView {
  return {
    scheme: matrix.scheme,
    columns: matrix.columns,
    letters: letterWords(matrix.scheme),
    rows: matrix.rows.map((row, i) => ({
      anchor: rowAnchor(index, i, row.decision),
      decision: row.decision, sla: row.sla, escalation: row.escalation, cells: row.cells, decides: row.decides,
      records: recordsByRight.get(rightKey(row.decision)) ?? [],
    })),
  };
}

/** The id of a matrix row on its page: matrix and row number, with the decision's words to read. */
function rowAnchor(matrix: number, row: number, decision: string): string {
  return `m${matrix + 1}-${row + 1}-${slug(decision).slice(0, 48).replace(/-$/, '')}`;
}

function decisionView(d: Record<string, unknown>): Omit<DecisionView, 'row' | 'supersededBy'> {
  return {
    right: str(d.decision) ?? '', decidedBy: str(d.decided_by), date: str(d.date), status: str(d.status) ?? 'decided',
    consulted: list(d.consulted), informed: list(d.informed), bets: list(d.bets), supersedes: list(d.supersedes),
  };
}

function checkInView(d: Record<string, unknown>): CheckInView {
  return {
    bet: str(d.bet), date: str(d.date), confidence: str(d.confidence),
    indicators: records(d.indicators).map((r) => ({ metric: str(r.metric), value: num(r.value), note: str(r.note) })),
    harmSignals: list(d.harm_signals), next: str(d.next),
  };
}

/** "<bet title>, <date>" for a check-in without a title of its own. */
function checkInTitle(entity: Entity, byId: Map<string, Entity>): string {
  const own = nonEmpty(entity.data.title);
  if (own) return own;
  const bet = byId.get(str(entity.data.bet) ?? '');
  const date = str(entity.data.date);
  return bet && date ? `${titleOf(bet)}, ${date}` : entity.id;
}

/** A bet's check-ins, latest confidence and one chart per leading indicator. */
function betProgress(d: Record<string, unknown>, checkIns: Entity[]): Pick<BetView, 'checkIns' | 'confidence' | 'charts'> {
  const charts = records(d.leading_indicators).flatMap((indicator) => {
    const metric = str(indicator.metric);
    if (!metric) return [];
    const values = checkIns.flatMap((checkIn) => {
      const value = num(records(checkIn.data.indicators).find((r) => r.metric === metric)?.value);
      return value === null ? [] : [{ date: String(checkIn.data.date), value, checkIn: checkIn.id }];
    });
    return values.length === 0 ? [] : [indicatorChart(metric, num(indicator.baseline), num(indicator.goal), values)];
  });
  return {
    checkIns: checkIns.map((c) => ({ id: c.id, date: String(c.data.date), confidence: str(c.data.confidence) })),
    confidence: str(checkIns.at(-1)?.data.confidence),
    charts,
  };
}

function assessmentView(d: Record<string, unknown>, thresholds: Thresholds): AssessmentView {
  const score = safely(() => scoreAssessment(d, thresholds), null);
  const scores = records(d.scores).map((r) => ({ statement: str(r.statement) ?? '', category: str(r.category) ?? '', score: typeof r.score === 'number' ? r.score : 0 }));
  return {
    date: str(d.date),
    team: str(d.team),
    total: score?.total ?? 0,
    max: score?.max ?? 0,
    band: score?.band ?? 'intervention-overdue',
    thresholds: score ? { healthy: score.thresholds.healthy, drift: score.thresholds.drift } : thresholds,
    // Categories nobody scored would draw empty bars.
    categories: (score?.categories ?? []).filter((category) => category.max > 0),
    weakCategories: score?.weakCategories ?? [],
    scores,
  };
}

// ---- small helpers

function titleOf(entity: Entity): string {
  return nonEmpty(entity.data.title) ?? entity.id;
}

function titleOfRoot(entities: Entity[]): string | null {
  const root = entities.find((entity) => entity.kind === 'model');
  return root ? titleOf(root) : null;
}

function byKindThenTitle(handbookOf: (kind: string) => HandbookFacts | undefined) {
  const rank = (kind: string) => handbookOf(kind)?.nav ?? -1;
  return (a: Entity, b: Entity): number => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || titleOf(a).localeCompare(titleOf(b), 'en') || a.id.localeCompare(b.id);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  return value.map(str).filter((item): item is string => item !== null);
}

function records(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kind';
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `/`, or the sub-path with a leading and trailing slash; anything odd in it is percent-encoded. */
export function normaliseBase(base: string | undefined): string {
  const parts = (base ?? '/').split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  const encoded = parts.map((part) => encodeURIComponent(decodeSafely(part)));
  return encoded.length ? `/${encoded.join('/')}/` : '/';
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The repository URL when it is a plain https URL, without a trailing slash or `.git`. */
export function safeRepo(repo: string | undefined): string | null {
  if (typeof repo !== 'string') return null;
  try {
    const url = new URL(repo.trim());
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    return url.href.replace(/\/+$/, '').replace(/\.git$/, '');
  } catch {
    return null;
  }
}

/** A frontmatter URL for the site: https as is, a relative path to a model file's page or the repository. */
function safeUrl(value: unknown, context: LinkContext): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const url = value.trim();
  if (/^https:\/\//i.test(url)) {
    try {
      return new URL(url).href;
    } catch {
      return null;
    }
  }
  if (url.startsWith('//') || /^[^/?#]*:/.test(url)) return null; // another scheme or host: refuse
  const target = resolveRelative(context.file, url);
  if (target === null) return null;
  const page = context.pages.get(target);
  if (page) return page;
  return context.repo ? `${context.repo}/blob/main/${encodePath(context.repoPrefix + target)}` : null;
}
