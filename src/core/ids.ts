/**
 * Record ids and how they match. Numbered ids match numerically and ignore case and
 * separator: `ADR-9`, `adr_009`, `ADR 0009` and `ADR0009` are one record. Other ids
 * (log4brains slugs, file stems) match case-insensitively.
 */

const NUMBERED_ID = /^([A-Za-z][A-Za-z]*)[-_ ]?0*(\d+)$/;

/** The key under which an id is indexed and looked up. */
export function idKey(id: string): string {
  const trimmed = id.trim();
  // A folder-qualified id (`frontend/ADR-0001`): the folder, then the local id's key.
  const slash = trimmed.lastIndexOf('/');
  if (slash > 0 && slash < trimmed.length - 1) return `${trimmed.slice(0, slash).toLowerCase()}/${idKey(trimmed.slice(slash + 1))}`;
  const m = NUMBERED_ID.exec(trimmed);
  if (m) return `${m[1].toUpperCase()}-${Number(m[2])}`;
  return trimmed.toLowerCase();
}

/** Splits a numbered id into prefix and number, or undefined for a slug id. */
export function parseNumberedId(id: string): { prefix: string; number: number; digits: string } | undefined {
  const m = /^([A-Za-z][A-Za-z]*)[-_ ]?(\d+)$/.exec(id.trim());
  if (!m) return undefined;
  return { prefix: m[1].toUpperCase(), number: Number(m[2]), digits: m[2] };
}

/** `formatId('ADR', '0009')` → `ADR-0009`; a number is padded to four digits. */
export function formatId(prefix: string, digits: string | number): string {
  const text = typeof digits === 'number' ? String(digits).padStart(4, '0') : digits;
  return `${prefix.toUpperCase()}-${text}`;
}

/** Whether an id carries the given prefix (case-insensitive). */
export function hasPrefix(id: string, prefix: string): boolean {
  const parsed = parseNumberedId(id);
  return parsed !== undefined && parsed.prefix === prefix.toUpperCase();
}
