// Every reference field of the built-in kinds, named once, in pairs (forward/reverse label),
// so that the `ref` rule and the handbook's backlinks read the same table.
import type { Entity } from './entity.js';
import type { Position } from '../types.js';

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

/** The reference fields of the built-in kinds. Decision-matrix columns are resolved by their own rule. */
export const relationFields: readonly RelationField[] = [
  { kind: 'model', path: ['north_star'], targets: ['metric'], label: 'North-star metric', reverse: 'North star of' },
  { kind: 'model', path: ['owner'], targets: ['role'], label: 'Owner', reverse: 'Owns the operating model' },

  { kind: 'bet', path: ['owner'], targets: ['team', 'role'], label: 'Owner', reverse: 'Owns bets' },
  { kind: 'bet', path: ['teams', '*'], targets: ['team'], label: 'Teams', reverse: 'Takes part in bets' },
  { kind: 'bet', path: ['leading_indicators', '*', 'metric'], targets: ['metric'], label: 'Leading indicators', reverse: 'Steers bets' },
  { kind: 'bet', path: ['harm_signals', '*', 'metric'], targets: ['metric'], label: 'Harm signals', reverse: 'Harm signal of bets' },
  { kind: 'bet', path: ['guardrails', '*'], targets: ['guardrail'], label: 'Guardrails', reverse: 'Binds bets' },
  { kind: 'bet', path: ['signed_off_by', '*'], targets: ['role'], label: 'Signed off by', reverse: 'Signed off bets' },

  { kind: 'guardrail', path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns guardrails' },
  { kind: 'decision-rights', path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns decision rights' },
  { kind: 'context-table', path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Owns context tables' },

  { kind: 'team', path: ['lead'], targets: ['role'], label: 'Lead', reverse: 'Leads teams' },
  { kind: 'team', path: ['members', '*'], targets: ['role'], label: 'Members', reverse: 'Member of teams' },
  { kind: 'team', path: ['parent'], targets: ['team'], label: 'Parent team', reverse: 'Teams within' },
  { kind: 'team', path: ['metrics', '*'], targets: ['metric'], label: 'Outcome metrics', reverse: 'Owned as an outcome by' },

  { kind: 'role', path: ['team'], targets: ['team'], label: 'Team', reverse: 'Roles' },
  { kind: 'role', path: ['reports_to'], targets: ['role'], label: 'Reports to', reverse: 'Direct reports' },

  { kind: 'metric', path: ['owner'], targets: ['team', 'role'], label: 'Owner', reverse: 'Owns metrics' },

  { kind: 'cadence', path: ['owner'], targets: ['role', 'team'], label: 'Owner', reverse: 'Runs cadences' },
  { kind: 'cadence', path: ['participants', '*'], targets: ['team', 'role'], label: 'Participants', reverse: 'Takes part in cadences' },
];

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
    return this.entity.positions[this.pointer] ?? this.entity.positions[''] ?? { line: 1, column: 1 };
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
