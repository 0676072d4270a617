/**
 * Column typing for the typed formats (GEXF, GraphML, CSV). Property values are loosely typed
 * JSON; each format declares one type per attribute, so we infer the narrowest type that fits
 * every value of a column and coerce values to it.
 */
import type { PropertyValue } from '@hotline/model';

export type ScalarKind = 'boolean' | 'int' | 'long' | 'double' | 'string';

export interface Column {
  name: string;
  kind: ScalarKind;
  list: boolean;
}

const INT_MAX = 0x7fffffff;

function kindOf(value: string | number | boolean): ScalarKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return Math.abs(value) <= INT_MAX ? 'int' : 'long';
  }
  return 'string';
}

function widen(a: ScalarKind | null, b: ScalarKind): ScalarKind {
  if (a === null || a === b) return b;
  const numeric = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) {
    return a === 'double' || b === 'double' ? 'double' : 'long';
  }
  return 'string';
}

/** One column per attribute name, in first-seen order; `skip` names are left out. */
export function inferColumns(
  records: Iterable<Readonly<Record<string, unknown>>>,
  skip: ReadonlySet<string> = new Set(),
): Column[] {
  const kinds = new Map<string, { kind: ScalarKind | null; list: boolean }>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (skip.has(name)) continue;
      const column = kinds.get(name) ?? { kind: null, list: false };
      kinds.set(name, column);
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        column.list = true;
        for (const item of value) {
          if (item !== null && item !== undefined) column.kind = widen(column.kind, kindOf(item));
        }
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        column.kind = widen(column.kind, kindOf(value));
      } else {
        column.kind = 'string';
      }
    }
  }
  return [...kinds].map(([name, { kind, list }]) => ({ name, kind: kind ?? 'string', list }));
}

function coerceScalar(value: unknown, kind: ScalarKind): string | number | boolean {
  if (kind === 'string') return typeof value === 'string' ? value : String(value);
  if (kind === 'boolean') return value === true || value === 'true';
  return Number(value);
}

/** The value in the column's type; null for a missing value. Lists stay lists; scalars in a list column become one-item lists. */
export function coerceValue(value: unknown, column: Column): PropertyValue {
  if (value === null || value === undefined) return null;
  if (column.list) {
    const items = Array.isArray(value) ? value : [value];
    const coerced = items
      .filter((item) => item !== null && item !== undefined)
      .map((item) => coerceScalar(item, column.kind));
    return coerced as string[] | number[];
  }
  if (Array.isArray(value)) return JSON.stringify(value);
  return coerceScalar(value, column.kind);
}
