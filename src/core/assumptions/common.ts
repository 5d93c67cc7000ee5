/**
 * Small helpers shared by the assumption parsers (YAML files and the Markdown register).
 */
import { numberText } from '../ids';
import type { Level, Range } from '../model';

export interface AssumptionParseOptions {
  /** Id prefix of assumptions (`ASM`): a bare number `3` becomes `ASM-3`. */
  prefix: string;
  /** Id prefix of decisions (`ADR`): a bare number in `decisions:` becomes `ADR-7`. */
  decisionPrefix: string;
}

/** Files larger than this are not parsed (a problem says so). */
export const MAX_ASSUMPTION_FILE_CHARS = 4 * 1024 * 1024;

/** An id as written: a number `n` becomes `${prefix}-${n}`, text is kept as written (trimmed). */
export function idFromValue(value: unknown, prefix: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value) && value >= 0) {
    return `${prefix}-${value}`;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    if (/^\d+$/.test(trimmed)) return `${prefix}-${numberText(trimmed)}`;
    return trimmed;
  }
  return undefined;
}

/** The number in a numbered id (`ASM-3` → 3), if it has one. */
export function numberOfId(id: string): number | undefined {
  const m = /^[A-Za-z]+[-_ ]?(\d+)$/.exec(id.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * A date as written, normalised to `YYYY-MM-DD`: `2024-05-01`, `2024-5-1`, `2024/05/01`,
 * `2024-05-01T10:00:00Z` (the date part) or a YAML timestamp. Undefined when it is not a date.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LEVELS: Record<string, Level> = { low: 'low', l: 'low', medium: 'medium', med: 'medium', m: 'medium', high: 'high', h: 'high' };

/** `low` | `medium` | `high` (case-insensitive; `L`/`M`/`H` and `med` too), else undefined. */
export function levelFromText(text: string): Level | undefined {
  return LEVELS[text.trim().toLowerCase()];
}

/** A short, readable rendering of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

export function rangeOf(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}
