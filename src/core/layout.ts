/**
 * Where records live in a workspace, and what role each file plays. Pure: works on
 * the list of file paths the adapter walked, plus hints read from adr-tools' `.adr-dir`
 * and log4brains' `.log4brains.yml`.
 */
import type { AlignmentConfig } from './config';
import { decisionPathInfo, isRecordLikeFileName, isTemplateFileName, RECORD_EXTENSION } from './decisions';
import { compareText } from './compare-text';

export interface Layout {
  decisionFolders: string[];
  assumptionFolders: string[];
  /**
   * Decision folders where a document with any name is a record (its id is the file
   * stem): configured and tool-named folders, and folders named like `adr` or `decisions`.
   * Other detected folders (`docs/architecture`) take only record-like names.
   */
  openFolders?: string[];
}

export interface LayoutHints {
  /** Folders named by `.adr-dir` and `.log4brains.yml` that exist. */
  toolFolders: string[];
}

export type FileRole = 'decision' | 'assumption' | 'assumption-register' | 'code';

/** The conventional places, in order of preference (DESIGN §2). */
export const DEFAULT_DECISION_FOLDERS = [
  'docs/adr',
  'doc/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'docs/architecture-decisions',
  'docs/architecture',
  'adr',
  'decisions',
];

const DECISION_FOLDER_NAMES = new Set([
  'adr',
  'adrs',
  'decisions',
  'decision-records',
  'architecture-decisions',
  'architecture-decision-records',
  'architecture-decision-record',
  'architectural-decisions',
  'decision-log',
]);
/** Documents beside records that are not records themselves. */
const NOT_A_RECORD_STEM = /^(?:readme|index|summary|toc|changelog|contributing|license|glossary|overview|faq|adr-log|decision-log|log|_.*|\..*)$/i;
/** `adr-001-x.md`, `ADR-7.md`: names that say they are decision records, wherever they sit. */
const PREFIXED_RECORD_NAME = /^adr[-_ ]?\d/i;
const SKIPPED_SEGMENTS = /(^|\/)(node_modules|vendor|third_party|\.git)(\/|$)/;

/**
 * What layout detection learns from record-like paths, taken one path at a time: a
 * listing can feed it as it streams. The order of the paths does not matter.
 */
export class LayoutEvidence {
  readonly recordFolders = new Set<string>();
  readonly prefixedCount = new Map<string, number>();

  static of(paths: readonly string[]): LayoutEvidence {
    const evidence = new LayoutEvidence();
    for (const path of paths) evidence.add(path);
    return evidence;
  }

  add(path: string): void {
    if (SKIPPED_SEGMENTS.test(path)) return;
    const folder = recordFolderOf(path);
    if (folder === undefined) return;
    if (folder !== '') this.recordFolders.add(folder);
    if (PREFIXED_RECORD_NAME.test(path.slice(path.lastIndexOf('/') + 1))) this.prefixedCount.set(folder, (this.prefixedCount.get(folder) ?? 0) + 1);
  }
}

/**
 * Decision folders: exactly the configured list when there is one; else the tools'
 * folders, the first conventional folder holding record-like files, and any other
 * folder named adr/adrs/decisions/decision-records holding them.
 */
export function detectDecisionFolders(paths: readonly string[] | LayoutEvidence, config: AlignmentConfig, hints: LayoutHints): string[] {
  if (config.decisionFolders.length > 0) return config.decisionFolders.map(normaliseFolder);
  const { recordFolders, prefixedCount } = paths instanceof LayoutEvidence ? paths : LayoutEvidence.of(paths);
  const result: string[] = hints.toolFolders.map(normaliseFolder);
  // Records may sit in category subfolders of a conventional folder (`docs/adr/frontend/…`).
  const holds = (f: string) => [...recordFolders].some((r) => r === f || isUnder(r, f));
  const conventional = DEFAULT_DECISION_FOLDERS.find(holds);
  if (conventional) result.push(conventional);
  for (const folder of [...recordFolders].sort()) {
    const named = decisionNamedAncestor(folder);
    if (named !== undefined) result.push(named);
  }
  // Any other folder holding several `adr-NNN-…` files (`docs/references/architecture`,
  // a repository of records at its root).
  for (const [folder, count] of [...prefixedCount].sort(([a], [b]) => compareText(a, b))) {
    if (count >= 2) result.push(folder);
  }
  return dedupeNested(result);
}

/** The folder a record-like path puts in the layout: its folder, or the parent of a folder-form record's folder. */
function recordFolderOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (isRecordLikeFileName(name)) return slash > 0 ? path.slice(0, slash) : '';
  if (slash > 0 && decisionPathInfo(path) !== undefined) {
    const parent = path.slice(0, slash);
    const up = parent.lastIndexOf('/');
    return up > 0 ? parent.slice(0, up) : '';
  }
  return undefined;
}

/** The folder itself or its parent, when named like a decision folder (`adr`, `decisions`, …). */
function decisionNamedAncestor(folder: string): string | undefined {
  if (isDecisionFolderName(folder)) return folder;
  const slash = folder.lastIndexOf('/');
  return slash > 0 && isDecisionFolderName(folder.slice(0, slash)) ? folder.slice(0, slash) : undefined;
}

function isDecisionFolderName(folder: string): boolean {
  return DECISION_FOLDER_NAMES.has(folder.slice(folder.lastIndexOf('/') + 1).toLowerCase());
}

export function detectLayout(paths: readonly string[] | LayoutEvidence, config: AlignmentConfig, hints: LayoutHints): Layout {
  const decisionFolders = detectDecisionFolders(paths, config, hints);
  const named = config.decisionFolders.length > 0 ? decisionFolders : hints.toolFolders.map(normaliseFolder);
  return layoutOf(decisionFolders, named, config);
}

/** A layout of these decision folders: open (any record-like document is a record) where named by the user or a tool, or named like a decision folder. */
function layoutOf(decisionFolders: string[], named: readonly string[], config: AlignmentConfig): Layout {
  return {
    decisionFolders,
    assumptionFolders: config.assumptionFolders.map(normaliseFolder),
    openFolders: decisionFolders.filter((f) => named.includes(f) || isDecisionFolderName(f)),
  };
}

/**
 * The layout to guess a record's role by before the listing is complete (to parse it
 * while the scan still runs): the configured folders, else the tools' folders and every
 * conventional one, open as detectLayout would open them. A guess counts only where the
 * detected layout gives the same role.
 */
export function provisionalLayout(config: AlignmentConfig, hints: LayoutHints): Layout {
  if (config.decisionFolders.length > 0) return detectLayout([], config, hints);
  const named = hints.toolFolders.map(normaliseFolder);
  return layoutOf([...new Set([...named, ...DEFAULT_DECISION_FOLDERS])], named, config);
}

/**
 * Whether a path can be more than code under some layout: a record document or a YAML
 * file. Only these are looked at by layout detection (a decision folder is found by the
 * record-like documents in it), and under any layout every other path is code, or
 * nothing (`.alignment.json`): a scan that names the code files worth reading leaves
 * only these, and those, to look at.
 */
export function mayBeRecord(path: string): boolean {
  // By the extension's length first: this runs on every path of a large workspace.
  const dot = path.lastIndexOf('.');
  const length = path.length - dot - 1;
  return dot >= 0 && length >= 2 && length <= 8 && RECORD_OR_YAML.has(path.slice(dot + 1).toLowerCase());
}

/** RECORD_EXTENSION's extensions, and YAML's. */
const RECORD_OR_YAML = new Set(['md', 'markdown', 'mdx', 'rst', 'adoc', 'asciidoc', 'yaml', 'yml']);

/** The role of a file under a layout; undefined for files that are neither records nor scannable code. */
export function roleOf(path: string, layout: Layout): FileRole | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = layout.decisionFolders.find((f) => isInDecisionFolder(path, f));
  if (folder !== undefined && RECORD_EXTENSION.test(name)) {
    // Templates, indexes and READMEs beside the records are examples, not code.
    if (isTemplateFileName(name)) return undefined;
    if (decisionPathInfo(path)) return 'decision';
    // Other files inside a folder-form record's folder (`0001-use-x/notes.md`, `0001-use-x/images/a.md`) belong to it.
    if (insideRecordFolder(path, folder)) return undefined;
    const open = layout.openFolders?.includes(folder) ?? false;
    if (open && !NOT_A_RECORD_STEM.test(name.replace(RECORD_EXTENSION, ''))) return 'decision';
    // Other documents at the root of a repository of records are still scanned like code.
    if (folder !== '') return undefined;
  }
  if (layout.assumptionFolders.some((f) => isUnder(path, f))) {
    if (/\.ya?ml$/i.test(name)) return 'assumption';
  }
  if (/^assumptions\.md$/i.test(name)) return 'assumption-register';
  if (isTemplateFileName(name)) return undefined;
  if (/^\.alignment\.(ya?ml|json)$/.test(name)) return undefined;
  return 'code';
}

function insideRecordFolder(path: string, decisionFolder: string): boolean {
  const parts = path.split('/').slice(0, -1);
  const top = decisionFolder === '' ? 0 : decisionFolder.split('/').length;
  for (let i = parts.length; i > top && i > parts.length - 3; i--) {
    if (decisionPathInfo(`${parts.slice(0, i).join('/')}/index.md`)) return true;
  }
  return false;
}

/** Inside a decision folder; records at the repository root (folder `''`) are only its direct files. */
function isInDecisionFolder(path: string, folder: string): boolean {
  return folder === '' ? !path.includes('/') : isUnder(path, folder);
}

export function isUnder(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(folder + '/');
}

function normaliseFolder(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Keeps order, drops duplicates and folders inside another listed folder. */
function dedupeNested(folders: string[]): string[] {
  const unique = [...new Set(folders)];
  return unique.filter((f) => !unique.some((other) => other !== f && other !== '' && isUnder(f, other)));
}
