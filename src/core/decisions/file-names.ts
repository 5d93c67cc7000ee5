/**
 * Which file names are decision records, and what their names say (DESIGN §2):
 * `NNNN-slug.md`, `adr-NNN-slug.md`, `YYYY-MM-DD_NNN-slug.md` (the number follows the
 * date) and log4brains' `YYYYMMDD-slug.md` (no number: the id is the slug).
 * `README.md`, `index.md` and templates are not records.
 */

export interface DecisionFileInfo {
  /** The record's number, when the name carries one. */
  number?: number;
  /** The number's digits as written (`0009`, `001`). */
  digits?: string;
  /** The name without number, date and extension: `use-postgres`. */
  slug: string;
}

const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdx)$/i;
const DATED_NUMBERED = /^(\d{4})-(\d{2})-(\d{2})[_-](\d{1,7})[-_](.+)$/;
const COMPACT_DATED = /^(\d{4})(\d{2})(\d{2})-(.+)$/;
const ISO_DATED = /^\d{4}-\d{2}-\d{2}[-_]/;
const ADR_NUMBERED = /^adr[-_]?(\d{1,7})[-_](.+)$/i;
const NUMBERED = /^(\d{1,7})[-_](.+)$/;
const TEMPLATE_SLUG = /(?:^|[-_.])template$/i;

/** The base name of a path with `/` or `\` separators. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** The file name without its last extension. */
export function fileStem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** What a record-like file name says, or undefined when the name is not record-like. */
export function decisionFileInfo(fileName: string): DecisionFileInfo | undefined {
  const name = baseName(fileName);
  if (!MARKDOWN_EXTENSION.test(name)) return undefined;
  const stem = name.replace(MARKDOWN_EXTENSION, '');
  if (/\.template$/i.test(stem)) return undefined;

  const info = stemInfo(stem);
  if (!info || !isUsableSlug(info.slug)) return undefined;
  return info;
}

/** Whether a file name is record-like (DESIGN §2). */
/** `template.md`, `adr-template.md`, `x.template.md`: record templates, whose example ids are not references. */
export function isTemplateFileName(name: string): boolean {
  const stem = name.replace(/\.(md|markdown|mdx)$/i, '');
  return stem !== name && (TEMPLATE_SLUG.test(stem) || /\.template$/i.test(stem));
}

export function isRecordLikeFileName(name: string): boolean {
  return decisionFileInfo(name) !== undefined;
}

function stemInfo(stem: string): DecisionFileInfo | undefined {
  let m = DATED_NUMBERED.exec(stem);
  if (m) {
    if (!isPlausibleDate(m[1], m[2], m[3])) return undefined;
    return { number: Number(m[4]), digits: m[4], slug: m[5] };
  }
  m = COMPACT_DATED.exec(stem);
  if (m && isPlausibleDate(m[1], m[2], m[3])) return { slug: m[4] };
  // `2023-05-01-slug.md` (a dated name without a number) is not one of the record-like forms.
  if (ISO_DATED.test(stem)) return undefined;
  m = ADR_NUMBERED.exec(stem);
  if (m) return { number: Number(m[1]), digits: m[1], slug: m[2] };
  m = NUMBERED.exec(stem);
  if (m) return { number: Number(m[1]), digits: m[1], slug: m[2] };
  return undefined;
}

function isUsableSlug(slug: string): boolean {
  return /[A-Za-z0-9]/.test(slug) && !TEMPLATE_SLUG.test(slug);
}

function isPlausibleDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return y >= 1970 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** `use-postgres_for-storage` → `Use postgres for storage`. */
export function humaniseSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : slug;
}
