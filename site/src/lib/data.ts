// The handbook's one data source: the HandbookData JSON that src/site/build.ts wrote for this run,
// with lookups the pages share. Nothing here reads the user's model folder.
import { readFileSync, statSync } from 'node:fs';
import { dataFile } from 'virtual:opmodel/data';
import type { HandbookData, HandbookEntity, SectionInfo } from '../../../src/site/handbook-data';

export type { HandbookData, HandbookEntity, SectionInfo };

interface Loaded {
  data: HandbookData;
  mtime: number;
  byId: Map<string, HandbookEntity>;
  byKind: Map<string, HandbookEntity[]>;
}

let loaded: Loaded | undefined;

/** The handbook data; re-read in dev when the file changes. */
export function handbook(): Loaded {
  const mtime = import.meta.env.DEV ? statSync(dataFile).mtimeMs : 0;
  if (loaded && loaded.mtime === mtime) return loaded;
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as HandbookData;
  const byId = new Map(data.entities.map((entity) => [entity.id, entity]));
  const byKind = new Map<string, HandbookEntity[]>();
  for (const entity of data.entities) byKind.set(entity.kind, [...(byKind.get(entity.kind) ?? []), entity]);
  loaded = { data, mtime, byId, byKind };
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
