// How a read file travels from a worker (and to and from the lint cache): the same FileResult,
// with the entity's key positions packed into one flat list, `[pointer, line, column, …]`.
// Tens of thousands of small position objects cost more to copy between threads than reading
// the files did; the flat list costs a quarter, and the map is rebuilt only for an entity whose
// positions a finding actually needs.
import type { Entity, FileResult } from './entity.js';
import type { Position } from '../types.js';

/** An entity as it travels: `positionList` instead of `positions`. */
export type PackedEntity = Omit<Entity, 'positions'> & { positionList: (string | number)[] };
export type PackedResult = Omit<FileResult, 'entity'> & { entity?: PackedEntity };

function flatten(positions: Record<string, Position>): (string | number)[] {
  const list: (string | number)[] = [];
  for (const pointer in positions) {
    const position = positions[pointer]!;
    list.push(pointer, position.line, position.column);
  }
  return list;
}

/** Packs a result's positions (the result is changed in place and returned). */
export function packResult(result: FileResult): PackedResult {
  const entity = result.entity as (Entity & { positionList?: (string | number)[] }) | undefined;
  if (entity) {
    entity.positionList = flatten(entity.positions);
    delete (entity as Partial<Entity>).positions;
  }
  return result as PackedResult;
}

/** The packed list an unpacked entity came from, so the cache can store it without building the map. */
const packedLists = new WeakMap<object, (string | number)[]>();

/**
 * A copy of a result ready for JSON (the cache): positions packed, without building the map;
 * `view` may reshape the entity (its `positions` untouched).
 */
export function packedCopy(result: FileResult, view?: (entity: Entity) => Entity, keepPosition?: (pointer: string) => boolean): PackedResult {
  if (!result.entity) return result as PackedResult;
  let list = packedLists.get(result.entity) ?? flatten(result.entity.positions);
  if (keepPosition) {
    const kept: (string | number)[] = [];
    for (let i = 0; i + 2 < list.length; i += 3) if (keepPosition(list[i] as string)) kept.push(list[i]!, list[i + 1]!, list[i + 2]!);
    list = kept;
  }
  const source = (view ? view(result.entity) : result.entity) as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (key !== 'positions') copy[key] = source[key];
  copy.positionList = list;
  return { ...result, entity: copy as PackedEntity };
}

/** Unpacks a result in place: `positions` becomes a map built on first use. */
export function unpackResult(packed: PackedResult): FileResult {
  const entity = packed.entity as (PackedEntity & { positions?: Record<string, Position> }) | undefined;
  if (entity && entity.positionList) {
    const list = entity.positionList;
    delete (entity as Partial<PackedEntity>).positionList;
    packedLists.set(entity, list);
    Object.defineProperty(entity, 'positions', {
      configurable: true,
      enumerable: true,
      get(): Record<string, Position> {
        const map: Record<string, Position> = {};
        for (let i = 0; i + 2 < list.length; i += 3) map[list[i] as string] = { line: list[i + 1] as number, column: list[i + 2] as number };
        Object.defineProperty(entity, 'positions', { value: map, writable: true, enumerable: true, configurable: true });
        return map;
      },
      set(value: Record<string, Position>) {
        Object.defineProperty(entity, 'positions', { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return packed as FileResult;
}

/**
 * Whether JSON carries a frontmatter value unchanged: no ±Infinity, NaN or -0 (YAML's `.inf`,
 * `.nan`, `-0`), nothing JSON drops or cannot write. Workers send results as JSON text only then.
 */
export function jsonExact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return value !== undefined && typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!jsonExact(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  for (const key in value) if (!jsonExact((value as Record<string, unknown>)[key])) return false;
  return true;
}
