/**
 * Record ids and how they match. Numbered ids match numerically and ignore case and
 * separator: `ADR-9`, `adr_009`, `ADR 0009` and `ADR0009` are one record. Other ids
 * (log4brains slugs, file stems) match case-insensitively. Numbers are compared as digit
 * strings without leading zeros, never as JavaScript numbers, so ids beyond 2^53 stay
 * distinct (`ADR-9007199254740993` is not `ADR-9007199254740992`).
 */

const NUMBERED_ID = /^([A-Za-z]+)[-_ ]?(\d+)$/;

/** The key under which an id is indexed and looked up. */
export function idKey(id: string): string {
  const trimmed = id.trim();
  // A folder-qualified id (`frontend/ADR-0001`): the folder, then the local id's key.
  const slash = trimmed.lastIndexOf('/');
  if (slash > 0 && slash < trimmed.length - 1) return `${trimmed.slice(0, slash).toLowerCase()}/${idKey(trimmed.slice(slash + 1))}`;
  const m = NUMBERED_ID.exec(trimmed);
  if (m) return `${m[1].toUpperCase()}-${numberText(m[2])}`;
  return trimmed.toLowerCase();
}

/** A digit string without its leading zeros (`0009` → `9`, `000` → `0`). */
export function numberText(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return digits.slice(i);
}

/** `paddedId('ADR', '9')` → `ADR-0009`, for any number of digits (no precision lost). */
export function paddedId(prefix: string, digits: string): string {
  return formatId(prefix, numberText(digits).padStart(4, '0'));
}

/** Splits a numbered id into prefix and number, or undefined for a slug id. */
export function parseNumberedId(id: string): { prefix: string; number: number; digits: string } | undefined {
  const m = NUMBERED_ID.exec(id.trim());
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
