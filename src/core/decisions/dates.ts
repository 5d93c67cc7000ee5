/** Dates as records write them, normalised to `YYYY-MM-DD` where the text allows. */

/**
 * `2024-05-01`, `2024-05-01T10:00:00Z`, a YAML timestamp, `2024/05/01` → `2024-05-01`.
 * adr-tools' old `dd/mm/yyyy` default (`21/02/2017`) → `2017-02-21`.
 * Anything else is kept as written (trimmed); empty or unusable → undefined.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (m) return validDate(m[1], m[2], m[3]) ?? text;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d])/.exec(text);
  if (m) return validDate(m[3], m[2], m[1]) ?? text;
  return text;
}

function validDate(year: string, month: string, day: string): string | undefined {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysIn(Number(year), m)) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for `YYYY-MM-DD` (optionally followed by a time) naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(text);
  return m !== null && validDate(m[1], m[2], m[3]) !== undefined;
}

/**
 * Whether a date written as text is usable: a calendar day in one of the forms
 * normaliseDate reads. Free text that is not date-shaped at all (`TBD`, `Q3`) passes: it is
 * kept as written and never drives a time-based finding.
 */
export function isCalendarDateText(text: string): boolean {
  const trimmed = text.trim();
  if (!/^\d/.test(trimmed)) return true;
  const normalised = normaliseDate(trimmed);
  return normalised !== undefined && isCalendarDate(normalised);
}
