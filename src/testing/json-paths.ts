/**
 * Paths into plain JSON records, for tests that break a valid record one place at a time
 * (a value changed or deleted) and check that the restore funnel or the backup check
 * refuses it or mends it.
 */

export type JsonRecord = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** Passed as the value to `withPath`: delete the key instead of setting it. */
export const DELETE = Symbol('delete');

/** A copy of `record` with the value at `path` replaced (or deleted); unreachable paths are left alone. */
export function withPath(record: JsonRecord, path: Path, value: unknown): JsonRecord {
  const copy = structuredClone(record);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return copy;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return copy;
  const last = path.at(-1)!;
  if (value === DELETE) delete (parent as Record<string | number, unknown>)[last];
  else (parent as Record<string | number, unknown>)[last] = value;
  return copy;
}

/** Every path in `value`, parents before their children. */
export function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...allPaths(child, path)];
  });
}
