// How a read file travels from a worker to the loader: a FileResult is plain data, sent as JSON
// text when JSON carries every value exactly (the main thread parses JSON about twice as fast as
// it takes a structured clone of the same objects), else as a structured clone.

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
