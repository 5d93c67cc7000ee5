/**
 * Which file names are decision records, and what their names say (DESIGN §2):
 * `NNNN-slug.md`, `NNN-slug.md`, `adr-NNN-slug.md`, `ADR-N.md`, `ADR-NNNN-slug.md`,
 * `YYYY-MM-DD_NNN-slug.md` (the number follows the date), date names
 * `YYYY-MM-DD-slug.md` and log4brains' `YYYYMMDD-slug.md` (no number: the id is the
 * slug), draft placeholders (`XXXX-slug.md`, `000N-slug.md`: no number yet), folder-form
 * records (`NNN-slug/index.md`, `NNNN-slug/README.md`), in Markdown, reStructuredText
 * (`.rst`) or AsciiDoc (`.adoc`). `README.md`, `index.md` and templates are not records.
 */

export type RecordFormat = 'markdown' | 'rst' | 'asciidoc';

export interface DecisionFileInfo {
  /** The record's number, when the name carries one. */
  number?: number;
  /** The number's digits as written (`0009`, `001`). */
  digits?: string;
  /** The name without number, date and extension: `use-postgres`. */
  slug: string;
  /** The date the name carries (`YYYY-MM-DD`), if any. */
  date?: string;
  /** A draft placeholder name (`XXXX-slug.md`, `000N-slug.md`): the record has no number yet. */
  draft?: true;
  /** The name says `ADR` before the number (`adr-001-x.md`, `ADR-7.md`). */
  prefixed?: true;
}

/** Extensions of record documents, by format. */
export const RECORD_EXTENSION = /\.(?:md|markdown|mdx|rst|adoc|asciidoc)$/i;
const DATED_NUMBERED = /^(\d{4})-(\d{2})-(\d{2})[_-](\d{1,7})[-_](.+)$/;
const COMPACT_DATED = /^(\d{4})(\d{2})(\d{2})[-_](.+)$/;
const ISO_DATED = /^(\d{4})-(\d{2})-(\d{2})[-_](.+)$/;
const ADR_NUMBERED = /^adr[-_ ]?(\d{1,7})(?:[-_ .]+(.+))?$/i;
const NUMBERED = /^(\d{1,7})[-_](.+)$/;
/** `XXXX-slug`, `000N-slug`, `00NN-slug`, `ADR-XXX-slug`: a number still to be given. */
const PLACEHOLDER = /^(?:adr[-_])?(?=[0Xx]*[XxNn])[0XxNn]{2,7}[-_](.+)$/i;
const TEMPLATE_SLUG = /(?:^|[-_.])template$/i;
const FOLDER_RECORD_FILE = /^(?:index|readme)\.(?:md|markdown|mdx|rst|adoc)$/i;

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

/** The format a record file is written in, by its extension. */
export function recordFormat(path: string): RecordFormat {
  if (/\.rst$/i.test(path)) return 'rst';
  if (/\.(?:adoc|asciidoc)$/i.test(path)) return 'asciidoc';
  return 'markdown';
}

/** What a record-like file name says, or undefined when the name is not record-like. */
export function decisionFileInfo(fileName: string): DecisionFileInfo | undefined {
  const name = baseName(fileName);
  if (!RECORD_EXTENSION.test(name)) return undefined;
  const stem = name.replace(RECORD_EXTENSION, '');
  if (/\.template$/i.test(stem)) return undefined;

  const info = stemInfo(stem);
  if (!info || !isUsableSlug(info.slug)) return undefined;
  return info;
}

/**
 * What a record's path says: its file name, or for a folder-form record
 * (`0007-use-x/index.md`, `0007-use-x/README.md`) its folder's name.
 */
export function decisionPathInfo(path: string): DecisionFileInfo | undefined {
  const normalised = path.replace(/\\/g, '/');
  const name = baseName(normalised);
  if (FOLDER_RECORD_FILE.test(name)) {
    const parts = normalised.split('/');
    const folder = parts[parts.length - 2];
    const info = folder ? stemInfo(folder) : undefined;
    return info && isUsableSlug(info.slug) ? info : undefined;
  }
  return decisionFileInfo(name);
}

/** Whether a path is a folder-form record's document (`0007-use-x/index.md`). */
export function isFolderRecordPath(path: string): boolean {
  return FOLDER_RECORD_FILE.test(baseName(path)) && decisionPathInfo(path) !== undefined;
}

/** The record's stem: the file stem, or the folder's name for a folder-form record. */
export function recordStem(path: string): string {
  if (isFolderRecordPath(path)) {
    const parts = path.replace(/\\/g, '/').split('/');
    return parts[parts.length - 2];
  }
  return fileStem(path);
}

/** `template.md`, `adr-template.md`, `x.template.md`: record templates, whose example ids are not references. */
export function isTemplateFileName(name: string): boolean {
  const stem = name.replace(RECORD_EXTENSION, '');
  return stem !== name && (TEMPLATE_SLUG.test(stem) || /\.template$/i.test(stem));
}

/** Whether a file name is record-like (DESIGN §2). */
export function isRecordLikeFileName(name: string): boolean {
  return decisionFileInfo(name) !== undefined;
}

function stemInfo(stem: string): DecisionFileInfo | undefined {
  let m = DATED_NUMBERED.exec(stem);
  if (m && isPlausibleDate(m[1], m[2], m[3])) {
    return { number: Number(m[4]), digits: m[4], slug: m[5], date: `${m[1]}-${m[2]}-${m[3]}` };
  }
  m = COMPACT_DATED.exec(stem);
  if (m && isPlausibleDate(m[1], m[2], m[3])) return { slug: m[4], date: `${m[1]}-${m[2]}-${m[3]}` };
  m = ISO_DATED.exec(stem);
  if (m) return isPlausibleDate(m[1], m[2], m[3]) ? { slug: m[4], date: `${m[1]}-${m[2]}-${m[3]}` } : undefined;
  m = PLACEHOLDER.exec(stem);
  if (m) return { slug: m[1], draft: true };
  m = ADR_NUMBERED.exec(stem);
  if (m) {
    const info: DecisionFileInfo = { number: Number(m[1]), digits: m[1], slug: m[2] ?? stem, prefixed: true };
    return info;
  }
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
