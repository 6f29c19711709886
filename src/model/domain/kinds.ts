// The registry of kinds: every built-in kind's definition (one file each in src/model/domain/kinds/),
// and what is derived from them. Custom kinds from the config join through
// `kindsOf` (their reference fields come from `x-ref` in their schema, see relations.ts).
// Adding a built-in kind: write src/model/domain/kinds/<name>.ts (its type and `defineKind`, with its
// handbook section), import it and list it below, run `npm run build && npm run schemas`, and add an
// example under model/ that uses every field; test/kinds.test.ts checks the rest, and
// test/site/new-kind.test.ts that the handbook needs nothing more (a page of its own in
// site/src/components/kinds/<name>.astro is optional).
import { assessment } from './kinds/assessment.js';
import { bet } from './kinds/bet.js';
import { cadence } from './kinds/cadence.js';
import { checkIn } from './kinds/check-in.js';
import { contextTable } from './kinds/context-table.js';
import { decision } from './kinds/decision.js';
import { decisionRights } from './kinds/decision-rights.js';
import { guardrail } from './kinds/guardrail.js';
import { metric } from './kinds/metric.js';
import { model } from './kinds/model.js';
import { role } from './kinds/role.js';
import { team } from './kinds/team.js';
import type { HandbookFacts, Kind, KindDefinition, RelationSpec } from './kinds/define.js';
import type { Entity } from './entity.js';
import type { Config, CustomKind } from '../../config.js';

export type { HandbookFacts, Kind, KindDefinition, RelationSpec, TemplateInput } from './kinds/define.js';

/** The built-in kinds (the handbook orders them by their `nav`). Adding a kind is one line here. */
export const builtinKinds = [model, bet, guardrail, decisionRights, decision, contextTable, team, role, metric, cadence, checkIn, assessment] as const;

/** A built-in kind's name. */
export type BuiltinKindName = (typeof builtinKinds)[number]['name'];

/** Each built-in kind's name → the type of its frontmatter. */
export type KindTypes = { [D in (typeof builtinKinds)[number] as D['name']]: D extends KindDefinition<string, infer T> ? T : never };

/**
 * The frontmatter of kind K as rules see it: the kind's own type for a built-in kind, with every
 * field optional (a file may lack a required one; the `schema` rule says so), and a plain mapping
 * for any other kind.
 */
export type KindData<K extends string> = [K] extends [BuiltinKindName] ? Partial<KindTypes[K]> : Record<string, unknown>;

export const builtinKindNames: readonly BuiltinKindName[] = builtinKinds.map((k) => k.name);

/** The built-in kind called `name`, if any. */
export function builtinKind(name: string): Kind | undefined {
  return (builtinKinds as readonly Kind[]).find((k) => k.name === name);
}

const customMemo = new WeakMap<readonly CustomKind[], readonly Kind[]>();

/** Every kind a model may have: the built-in ones, then the config's custom kinds. */
export function kindsOf(config: Pick<Config, 'kinds'>): readonly Kind[] {
  let all = customMemo.get(config.kinds);
  if (!all) {
    all = [...builtinKinds, ...config.kinds.map(customKind)];
    customMemo.set(config.kinds, all);
  }
  return all;
}

/** A custom kind as a definition: its folder, and a reference field wherever its schema has `x-ref`. */
export function customKind(kind: CustomKind): Kind {
  const relations: RelationSpec[] = [];
  const visit = (schema: unknown, path: string[]) => {
    if (!schema || typeof schema !== 'object' || path.length > 6) return;
    const s = schema as Record<string, unknown>;
    const targets = s['x-ref'];
    if ((typeof targets === 'string' || Array.isArray(targets)) && path.length > 0) {
      const label = path.filter((p) => p !== '*').join('.');
      relations.push({ path: path as [string, ...string[]], targets: (Array.isArray(targets) ? targets : [targets]).map(String), label, reverse: `${label} of ${kind.name}` });
    }
    if (s.properties && typeof s.properties === 'object') {
      for (const [key, value] of Object.entries(s.properties as Record<string, unknown>)) visit(value, [...path, key]);
    }
    if (s.items && typeof s.items === 'object') visit(s.items, [...path, '*']);
  };
  visit(kind.schemaJson, []);
  return { name: kind.name, folder: kind.folder, typeName: '', summary: `a ${kind.name} (a custom kind)`, relations, handbook: customHandbook(kind.name) };
}

/** A custom kind's handbook section: `kinds/<name>`, titled by its name, after the built-in sections. */
export function customHandbook(name: string): HandbookFacts {
  const words = name.replace(/[-_]/g, ' ');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kind';
  return { section: `kinds/${slug}`, title: words.charAt(0).toUpperCase() + words.slice(1), label: name, nav: 1000 };
}

/** The file name of the model root inside the model folder. */
export const modelRootFile = 'operating-model.md';

/** Kinds whose bodies hold tables that rules read. */
export const tableKinds: readonly string[] = (builtinKinds as readonly Kind[]).filter((k) => k.tables).map((k) => k.name);

const byKindMemo = new WeakMap<readonly Entity[], { length: number; byKind: Map<string, Entity[]> }>();

/**
 * The entities of one kind, typed by it: `ofKind(entities, 'bet')` gives `bet.data.status` its
 * type. The data is what the file says; the `schema` rule reports where it breaks the type, so a
 * rule still checks a value before calling a method on it.
 */
export function ofKind<K extends string>(entities: readonly Entity[], kind: K): Entity<K>[] {
  let byKind = byKindMemo.get(entities)?.byKind;
  if (!byKind || byKindMemo.get(entities)!.length !== entities.length) {
    byKind = new Map();
    for (const entity of entities) {
      const list = byKind.get(entity.kind);
      if (list) list.push(entity);
      else byKind.set(entity.kind, [entity]);
    }
    byKindMemo.set(entities, { length: entities.length, byKind });
  }
  return (byKind.get(kind) ?? []) as Entity<K>[];
}

/** Whether an entity is of the given kind, narrowing its data to the kind's type. */
export function isKind<K extends string>(entity: Entity | undefined, kind: K): entity is Entity<K> {
  return entity?.kind === kind;
}
