// Reference fields, named in pairs (forward/reverse label) in each kind's definition, gathered
// into one table so that the `ref` rule and the handbook's backlinks read the same fields.
import { positionAt, type Entity } from './entity.js';
import type { Position } from '../../types.js';
import { builtinKinds, kindsOf, type Kind } from './kinds.js';
import type { Config } from '../../config.js';

/** One reference field: where it sits in a kind's frontmatter and what it may point to. */
export interface RelationField {
  /** The kind that holds the field. */
  kind: string;
  /** Path into the frontmatter; `*` stands for every item of a list. */
  path: readonly string[];
  /** Kinds the reference may point to. */
  targets: readonly string[];
  /** How the holder's page names the relation ("Owner"). */
  label: string;
  /** How the target's page names it ("Owns bets"). */
  reverse: string;
}

/** The reference fields of the given kinds, from their definitions. */
export function fieldsOf(kinds: readonly Kind[]): RelationField[] {
  return kinds.flatMap((k) => k.relations.map((r): RelationField => ({ kind: k.name, path: r.path, targets: r.targets, label: r.label, reverse: r.reverse })));
}

/** The reference fields of the built-in kinds. Decision-matrix columns are resolved by their own rule. */
export const relationFields: readonly RelationField[] = fieldsOf(builtinKinds);

/** Every reference field: the built-in kinds' and those custom kinds declare with `x-ref`. */
export function relationsOf(config: Pick<Config, 'kinds'>): RelationField[] {
  return fieldsOf(kindsOf(config));
}

/** One reference found in an entity's frontmatter. */
export interface Reference {
  field: RelationField;
  /** The id written in the file. */
  target: string;
  /** JSON Pointer of the value, e.g. `/teams/1`. */
  pointer: string;
  position: Position;
}

/** A reference whose position is looked up only when read (most references are never reported). */
class FoundReference implements Reference {
  constructor(
    readonly field: RelationField,
    readonly target: string,
    readonly pointer: string,
    private readonly entity: Entity,
  ) {}
  get position(): Position {
    return positionAt(this.entity, this.pointer) ?? positionAt(this.entity, '') ?? { line: 1, column: 1 };
  }
}

const referenceMemo = new WeakMap<Entity, { fields: readonly RelationField[]; found: Reference[] }>();
const fieldsByKind = new WeakMap<readonly RelationField[], Map<string, RelationField[]>>();

/**
 * Every reference an entity makes through the given fields (built-in or custom). Computed once
 * per entity and field list; a reference's position is looked up only when it is read.
 */
export function referencesOf(entity: Entity, fields: readonly RelationField[]): Reference[] {
  const memo = referenceMemo.get(entity);
  if (memo && memo.fields === fields) return memo.found;
  let byKind = fieldsByKind.get(fields);
  if (!byKind) {
    byKind = new Map();
    for (const field of fields) byKind.set(field.kind, [...(byKind.get(field.kind) ?? []), field]);
    fieldsByKind.set(fields, byKind);
  }
  const found: Reference[] = [];
  for (const field of byKind.get(entity.kind) ?? []) {
    collect(entity.data, field.path, 0, '', (value, pointer) => {
      if (typeof value !== 'string') return;
      found.push(new FoundReference(field, value, pointer, entity));
    });
  }
  referenceMemo.set(entity, { fields, found });
  return found;
}

function collect(value: unknown, path: readonly string[], at: number, pointer: string, visit: (value: unknown, pointer: string) => void): void {
  if (at === path.length) {
    visit(value, pointer);
    return;
  }
  const step = path[at]!;
  if (step === '*') {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index++) collect(value[index], path, at + 1, `${pointer}/${index}`, visit);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  if (!Object.prototype.hasOwnProperty.call(value, step)) return;
  collect((value as Record<string, unknown>)[step], path, at + 1, `${pointer}/${escapePointer(step)}`, visit);
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
