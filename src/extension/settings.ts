/**
 * Effective configuration of one workspace folder: defaults, then `alignment.*`
 * settings, then `.alignment.yaml` (the file wins for the repository, so the CLI and
 * the editor agree). Read once per change and handed down as plain data.
 */
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { mergeConfig, type AlignmentConfig } from '../core/config';
import { CONFIG_FILE_NAMES, parseConfigText } from '../core/config-file';
import type { ParseProblem } from '../core/model';
import type { ConfigInput } from '../core/schemas';
import { configNotRead, missingFolderProblems, readConfigFile } from '../node/config';
import { SETTINGS, SETTINGS_SECTION } from './ids';

export interface FolderConfig {
  config: AlignmentConfig;
  /** The config file's name, when the folder has one, and its problems. */
  file?: string;
  problems: ParseProblem[];
}

/** Keys whose change needs the files re-read; others only need findings recomputed. */
export const REINDEX_KEYS: readonly (keyof AlignmentConfig)[] = [
  'decisionFolders',
  'assumptionFolders',
  'decisionPrefix',
  'assumptionPrefix',
  'exclude',
  'maxFileSizeKb',
  'maxRecords',
  'maxReferencesPerFile',
];

export async function readFolderConfig(folder: vscode.WorkspaceFolder): Promise<FolderConfig> {
  const settings = readSettings(folder);
  // A folder on disk is read directly, as the CLI reads it: while the window starts, a
  // read through vscode.workspace.fs waits behind the workbench's own start (seconds on a
  // large tree). Every name is read at once; the first one there counts.
  const reads = await Promise.all(
    CONFIG_FILE_NAMES.map((name) => (folder.uri.scheme === 'file' ? readConfigFile(nodePath.join(folder.uri.fsPath, name)) : readThroughVsCode(vscode.Uri.joinPath(folder.uri, name)))),
  );
  for (const [i, name] of CONFIG_FILE_NAMES.entries()) {
    const read = reads[i];
    if (!read) continue;
    if ('refused' in read) return { config: mergeConfig(settings), file: name, problems: [configNotRead(name, read.refused)] };
    const text = read.text;
    const { config, problems } = parseConfigText(text);
    const missing = folder.uri.scheme === 'file' ? await missingFolderProblems(folder.uri.fsPath, text) : [];
    return { config: mergeConfig(settings, config), file: name, problems: [...problems, ...missing] };
  }
  return { config: mergeConfig(settings), problems: [] };
}

function readSettings(folder: vscode.WorkspaceFolder): ConfigInput {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  const input: Record<string, unknown> = {};
  for (const key of Object.values(SETTINGS)) {
    if (key === SETTINGS.identity || key === SETTINGS.ripgrepPath) continue; // the user's, not the repository's
    const value = c.get(key);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0 && key !== SETTINGS.decisionFolders) continue;
    input[key] = value;
  }
  return input as ConfigInput;
}

/** `alignment.identity`, when set (the user's own setting, not the repository's). */
export function configuredIdentity(): string | undefined {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(SETTINGS.identity);
  return value?.trim() || undefined;
}

export function reindexNeeded(before: AlignmentConfig, after: AlignmentConfig): boolean {
  return REINDEX_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

async function readThroughVsCode(uri: vscode.Uri): Promise<{ text: string } | undefined> {
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined;
  }
}
