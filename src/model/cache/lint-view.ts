// What `lint --cache` keeps of an entity for the next run. Per-file rules (schema, kind, stale…)
// never run again on a cached file: their findings are cached with it. Only the cross-file rules
// (ref, link, orphan-metric, decision-*, WIP, cadence-coverage, assessment, id, model-root) read a
// cached entity, so the cache keeps just what they read: the fields below, every reference field
// of the entity's kind, the whole frontmatter of the few kinds a rule reads whole, tables, and
// link targets. A cross-file rule that reads another field must add it to its kind's `crossFile`
// (src/model/domain/kinds/<kind>.ts): test/cache.test.ts lints every rule's fixtures cached and
// uncached and fails otherwise.
import type { Entity, PositionList } from '../domain/entity.js';
import type { RelationField } from '../domain/relations.js';
import { builtinKind } from '../domain/kinds.js';

/** Frontmatter fields cross-file rules read of every kind besides reference fields. */
const crossFileFields = ['id', 'kind'];

/** The top-level fields cross-file rules read of an entity of this kind, or null for all of them. */
function keptFields(kind: string, relations: readonly RelationField[]): Set<string> | null {
  const own = builtinKind(kind)?.crossFile;
  if (own === 'all') return null;
  let byKind = keptByKind.get(relations);
  if (!byKind) keptByKind.set(relations, (byKind = new Map()));
  let keep = byKind.get(kind);
  if (!keep) {
    keep = new Set([...crossFileFields, ...(own ?? [])]);
    for (const field of relations) if (field.kind === kind && field.path[0] !== undefined) keep.add(field.path[0]);
    byKind.set(kind, keep);
  }
  return keep;
}
const keptByKind = new WeakMap<readonly RelationField[], Map<string, Set<string>>>();

/** The cached view of an entity: a new object; the entity itself is left as it is. */
export function lintView(entity: Entity, relations: readonly RelationField[]): Entity {
  const keep = keptFields(entity.kind, relations);
  let data = entity.data;
  if (keep) {
    data = {};
    for (const key of Object.keys(entity.data)) if (keep.has(key)) data[key] = entity.data[key];
  }
  return {
    ...entity,
    data,
    positions: keep ? keptPositions(entity.positions, keep) : entity.positions,
    // The link rule reads where a relative file link points and where it sits; links to URLs and
    // anchors cannot break, and the per-file rules read the rest.
    links: entity.links.flatMap((l) => (l.target === null ? [] : [{ url: l.url, text: '', type: l.type, line: l.line, column: l.column, ...(l.end ? { end: l.end } : {}), ...(l.target !== undefined ? { target: l.target } : {}) }])),
    // Decision rules read cell text and place; links in cells are in `links` already.
    tables: entity.tables.map((t) => ({
      line: t.line,
      column: t.column,
      header: t.header.map((c) => ({ text: c.text, line: c.line, column: c.column, ...(c.end ? { end: c.end } : {}), links: [] })),
      rows: t.rows.map((r) => r.map((c) => ({ text: c.text, line: c.line, column: c.column, ...(c.end ? { end: c.end } : {}), links: [] }))),
    })),
    unsafeHtml: [],
  };
}

/** The positions a cross-file finding can point at: the opening line and the kept fields'. */
function keptPositions(positions: PositionList, keep: Set<string>): PositionList {
  const kept: PositionList = [];
  for (let i = 0; i + 2 < positions.length; i += 3) {
    const pointer = positions[i] as string;
    const slash = pointer.indexOf('/', 1);
    if (pointer === '' || keep.has(pointer.slice(1, slash === -1 ? undefined : slash).replace(/~1/g, '/').replace(/~0/g, '~'))) kept.push(pointer, positions[i + 1]!, positions[i + 2]!);
  }
  return kept;
}
