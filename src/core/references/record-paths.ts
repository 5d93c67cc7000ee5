/**
 * Record paths written in comments: `docs/adr/0023-partition-maintenance.md`, or a
 * repository URL ending in one. A path names a record when its file name is
 * record-like (DESIGN §2) and it sits under one of the decision folders or under any
 * folder named adr/adrs/decisions/decision-records.
 */
import { formatId } from '../ids';

/** Folder names that hold decision records wherever they are. */
export const GENERIC_DECISION_FOLDER_NAMES: readonly string[] = ['adr', 'adrs', 'decisions', 'decision-records'];

const DATED_NUMBERED = /^\d{4}-\d{2}-\d{2}[_-](\d{1,7})(?:[-_].*)?$/;
const COMPACT_DATED = /^(?:19|20|21)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-.*[A-Za-z0-9]/;
const NUMBERED = /^(\d{1,7})(?:[-_.].*)?$/;
const TEMPLATE = /(?:^|[-_.])template$/i;
const MARKDOWN_EXTENSION = /\.(?:md|markdown|rst|adoc)$/i;

/** `./docs/adr/` → `docs/adr` (lowercase, `/` separators). */
export function normaliseFolder(folder: string): string {
  return folder
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export class RecordPathMatcher {
  private readonly folders: string[];
  private readonly numberedPrefix: RegExp;

  constructor(
    private readonly decisionPrefix: string,
    decisionFolders: readonly string[],
  ) {
    this.folders = decisionFolders.map(normaliseFolder).filter((f) => f.length > 0);
    const prefixes = [...new Set(['adr', decisionPrefix.toLowerCase()])].map(escapeRegExp).join('|');
    this.numberedPrefix = new RegExp(`^(?:${prefixes})[-_]?(\\d{1,7})(?:[-_.].*)?$`, 'i');
  }

  /**
   * The id a path or URL names (`ADR-0023`, or a log4brains file stem), or undefined when
   * it is not a record path. `path` ends with the `.md` / `.markdown` extension.
   */
  idOf(path: string): string | undefined {
    let rest = path;
    const scheme = rest.indexOf('://');
    if (scheme >= 0) {
      rest = rest.slice(scheme + 3);
      const slash = rest.indexOf('/');
      if (slash < 0) return undefined;
      rest = rest.slice(slash + 1);
    }
    rest = rest.replace(/^(?:\.\/)+/, '');
    const slash = rest.lastIndexOf('/');
    if (slash < 0) return undefined;
    const fileName = rest.slice(slash + 1);
    if (!MARKDOWN_EXTENSION.test(fileName)) return undefined;
    if (!this.inDecisionFolder(rest.slice(0, slash))) return undefined;
    const stem = fileName.replace(MARKDOWN_EXTENSION, '');
    if (TEMPLATE.test(stem)) return undefined;

    let m = DATED_NUMBERED.exec(stem);
    if (m) return formatId(this.decisionPrefix, m[1]);
    if (COMPACT_DATED.test(stem)) return stem;
    if (/^\d{4}-\d{2}-\d{2}[-_]/.test(stem)) return stem; // a date name: the record answers to its stem
    m = this.numberedPrefix.exec(stem) ?? NUMBERED.exec(stem);
    if (m) return formatId(this.decisionPrefix, m[1]);
    return undefined;
  }

  private inDecisionFolder(dir: string): boolean {
    const wrapped = `/${dir.toLowerCase()}/`;
    for (const folder of this.folders) if (wrapped.includes(`/${folder}/`)) return true;
    for (const name of GENERIC_DECISION_FOLDER_NAMES) if (wrapped.includes(`/${name}/`)) return true;
    return false;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
