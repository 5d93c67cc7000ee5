/**
 * Where records live in a workspace, and what role each file plays. Pure: works on
 * the list of file paths the adapter walked, plus hints read from adr-tools' `.adr-dir`
 * and log4brains' `.log4brains.yml`.
 */
import type { AlignmentConfig } from './config';
import { isRecordLikeFileName, isTemplateFileName } from './decisions';

export interface Layout {
  decisionFolders: string[];
  assumptionFolders: string[];
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

const DECISION_FOLDER_NAMES = new Set(['adr', 'adrs', 'decisions', 'decision-records']);
const SKIPPED_SEGMENTS = /(^|\/)(node_modules|vendor|third_party|\.git)(\/|$)/;

/**
 * Decision folders: exactly the configured list when there is one; else the tools'
 * folders, the first conventional folder holding record-like files, and any other
 * folder named adr/adrs/decisions/decision-records holding them.
 */
export function detectDecisionFolders(paths: readonly string[], config: AlignmentConfig, hints: LayoutHints): string[] {
  if (config.decisionFolders.length > 0) return config.decisionFolders.map(normaliseFolder);
  const recordFolders = new Set<string>();
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (slash > 0 && isRecordLikeFileName(name) && !SKIPPED_SEGMENTS.test(path)) recordFolders.add(path.slice(0, slash));
  }
  const result: string[] = hints.toolFolders.map(normaliseFolder);
  const conventional = DEFAULT_DECISION_FOLDERS.find((f) => recordFolders.has(f));
  if (conventional) result.push(conventional);
  for (const folder of [...recordFolders].sort()) {
    const base = folder.slice(folder.lastIndexOf('/') + 1).toLowerCase();
    if (DECISION_FOLDER_NAMES.has(base)) result.push(folder);
  }
  return dedupeNested(result);
}

export function detectLayout(paths: readonly string[], config: AlignmentConfig, hints: LayoutHints): Layout {
  return {
    decisionFolders: detectDecisionFolders(paths, config, hints),
    assumptionFolders: config.assumptionFolders.map(normaliseFolder),
  };
}

/** The role of a file under a layout; undefined for files that are neither records nor scannable code. */
export function roleOf(path: string, layout: Layout): FileRole | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (layout.decisionFolders.some((f) => isUnder(path, f)) && /\.(md|markdown|mdx)$/i.test(name)) {
    // Templates, indexes and READMEs beside the records are examples, not code.
    return isRecordLikeFileName(name) ? 'decision' : undefined;
  }
  if (layout.assumptionFolders.some((f) => isUnder(path, f))) {
    if (/\.ya?ml$/i.test(name)) return 'assumption';
  }
  if (/^assumptions\.md$/i.test(name)) return 'assumption-register';
  if (isTemplateFileName(name)) return undefined;
  if (/^\.alignment\.(ya?ml|json)$/.test(name)) return undefined;
  return 'code';
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
  return unique.filter((f) => !unique.some((other) => other !== f && isUnder(f, other)));
}
