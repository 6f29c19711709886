// The handbook's one data source: the HandbookData JSON that src/site/build.ts wrote for this run,
// with lookups the pages share. Nothing here reads the user's model folder.
import { readFileSync, statSync } from 'node:fs';
import { dataFile } from 'virtual:opmodel/data';
import type { HandbookData, HandbookEntity, ListingPage, SectionInfo } from '../../../src/site/handbook-data';

export type { HandbookData, HandbookEntity, ListingPage, SectionInfo };

interface Loaded {
  data: HandbookData;
  mtime: number;
  byId: Map<string, HandbookEntity>;
  /** Entities and listing pages by their page path (`bets/self-serve/`, `bets/unit/payments-emea/`). */
  entityAt: Map<string, HandbookEntity>;
  listingAt: Map<string, ListingPage>;
  byKind: Map<string, HandbookEntity[]>;
  units: Map<string, string>;
  /** Titles used by more than one entity of the same kind: those show their unit beside them. */
  shared: Set<string>;
  /** indexMeta by kind, worked out once: every listing page of a section asks for it. */
  meta: Map<string, { updated: string; editUrl: string | null }>;
}

let loaded: Loaded | undefined;

/** The handbook data; in dev, taken afresh when opmodel hands over new data or the file changes. */
export function handbook(): Loaded {
  // Data `opmodel dev` hands over in memory when Astro runs in its own process (src/site/build.ts).
  const handed = import.meta.env.DEV ? ((globalThis as Record<symbol, unknown>)[Symbol.for('opmodel.handbook.data')] as { data: HandbookData; version: number } | undefined) : undefined;
  const mtime = handed ? -handed.version : import.meta.env.DEV ? statSync(dataFile).mtimeMs : 0;
  if (loaded && loaded.mtime === mtime) return loaded;
  const data = handed ? handed.data : (JSON.parse(readFileSync(dataFile, 'utf8')) as HandbookData);
  const byId = new Map(data.entities.map((entity) => [entity.id, entity]));
  const byKind = new Map<string, HandbookEntity[]>();
  for (const entity of data.entities) {
    const list = byKind.get(entity.kind);
    if (list) list.push(entity);
    else byKind.set(entity.kind, [entity]);
  }
  const units = new Map(data.units.map((unit) => [unit.id, unit.title]));
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const entity of data.entities) {
    const key = `${entity.kind}\u0000${entity.title}`;
    if (seen.has(key)) shared.add(key);
    seen.add(key);
  }
  const entityAt = new Map(data.entities.map((entity) => [entity.path, entity]));
  const listingAt = new Map(data.listings.map((listing) => [listing.path, listing]));
  loaded = { data, mtime, byId, entityAt, listingAt, byKind, units, shared, meta: new Map() };
  return loaded;
}

/** Entities of one kind, in title order. */
export function ofKind(kind: string): HandbookEntity[] {
  return handbook().byKind.get(kind) ?? [];
}

/** The entity with this id, if the model has it. */
export function entity(id: string | null | undefined): HandbookEntity | undefined {
  return id ? handbook().byId.get(id) : undefined;
}

/** The entity, else the listing page, at a page path (`bets/unit/payments-emea/`), if the data has one. */
export function pageAt(path: string): { entity?: HandbookEntity; listing?: ListingPage } {
  const entity = handbook().entityAt.get(path);
  return entity ? { entity } : { listing: handbook().listingAt.get(path) };
}

/** An absolute site path for a base-relative path (`bets/` → `/handbook/bets/`). */
export function href(path: string): string {
  return handbook().data.site.base + path.replace(/^\/+/, '');
}

/** The section an entity kind is listed in. */
export function sectionOf(kind: string): SectionInfo | undefined {
  return handbook().data.sections.find((section) => section.kind === kind);
}

/** A date for people: `2026-03-14` from an ISO timestamp, or `unknown`. */
export function day(iso: string | null | undefined): string {
  if (!iso || iso === 'unknown') return 'unknown';
  return iso.slice(0, 10);
}

/** Words for field values: `product-group` → `Product group`. */
export function words(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.replace(/[-_]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The unit's title (`Payments EMEA`), or null for an entity in no unit. */
export function unitTitle(id: string | null | undefined): string | null {
  return id ? (handbook().units.get(id) ?? null) : null;
}

/** The unit to show beside an entity's title when another entity of its kind has the same title. */
export function disambiguation(entity: HandbookEntity): string | null {
  if (!handbook().shared.has(`${entity.kind}\u0000${entity.title}`)) return null;
  return unitTitle(entity.unit) ?? (entity.unit === null ? 'Company-wide' : null);
}

/** The section with this slug. */
export function section(slug: string): SectionInfo | undefined {
  return handbook().data.sections.find((s) => s.slug === slug);
}

/** A folder of the opmodel folder (`model/bets`) in the repository, for an index page's "edit" link. */
export function folderUrl(folder: string): string | null {
  const site = handbook().data.site;
  const path = `${site.repoPrefix}${folder}`.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  return site.repo ? `${site.repo}/tree/${site.branch.split('/').map(encodeURIComponent).join('/')}/${path}` : null;
}

/** For an index page: when the newest of its entities changed, and a link to their folder in the repository. */
export function indexMeta(kind: string): { updated: string; editUrl: string | null } {
  const known = handbook().meta.get(kind);
  if (known) return known;
  const entities = ofKind(kind);
  const dates = entities.map((e) => e.updated).filter((d) => d !== 'unknown').sort();
  const folders = [...new Set(entities.map((e) => e.file.split('/').slice(0, -1).join('/')))];
  // The folder every file is in (model/bets for bets in model/bets/2026-q2/…).
  let common = folders[0]?.split('/') ?? [];
  for (const folder of folders) {
    const parts = folder.split('/');
    let i = 0;
    while (i < common.length && parts[i] === common[i]) i++;
    common = common.slice(0, i);
  }
  const meta = { updated: dates.at(-1) ?? 'unknown', editUrl: folderUrl(entities.length ? common.join('/') : handbook().data.site.modelDir) };
  handbook().meta.set(kind, meta);
  return meta;
}
