/**
 * Reads the repository's configuration and the folder hints left by other ADR tools:
 * `.alignment.yaml` (or `.alignment.yml`), adr-tools' `.adr-dir` and log4brains'
 * `.log4brains.yml`. Malformed or missing files never throw.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mergeConfig, type AlignmentConfig } from '../core/config';
import { CONFIG_FILE_NAMES, configuredFolders, parseConfigText } from '../core/config-file';
import type { ParseProblem } from '../core/model';
import { confinedPath, OutsideWorkspaceError } from './confine';
import { readSmallFile, readSmallText, type SmallFile } from './read-text';

/** Larger hint files than this are not read: they cannot be what the tools write. */
const MAX_HINT_FILE_BYTES = 256 * 1024;

export interface RepoConfig {
  /** Defaults merged with the file's settings (the valid ones, when some are wrong). */
  config: AlignmentConfig;
  /** The config file's name relative to `root` (`.alignment.yaml`), when there is one. */
  file?: string;
  /** Problems in the file, positioned in it. */
  problems: ParseProblem[];
}

/** Loads `<root>/.alignment.yaml` (else `.alignment.yml`) over the defaults. */
export async function loadRepoConfig(root: string): Promise<RepoConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const read = await readConfigFile(path.join(root, name));
    if (!read) continue;
    if ('refused' in read) return { config: mergeConfig(), file: name, problems: [configNotRead(name, read.refused)] };
    const { config, problems } = parseConfigText(read.text);
    return { config: mergeConfig(config), file: name, problems: [...problems, ...(await missingFolderProblems(root, read.text))] };
  }
  return { config: mergeConfig(), problems: [] };
}

/** A problem for each folder the config file names that does not exist under `root`, at its entry. */
export async function missingFolderProblems(root: string, text: string): Promise<ParseProblem[]> {
  const problems: ParseProblem[] = [];
  for (const { key, folder, range } of configuredFolders(text)) {
    if (toRelativeFolder(folder) === undefined) continue; // reported by the schema: outside the workspace folder
    const stat = await fs.stat(path.join(root, folder)).catch(() => undefined);
    if (stat?.isDirectory() && !(await leadsOutside(root, folder))) continue;
    if (stat?.isDirectory()) {
      problems.push({
        code: 'record.schema',
        message: `\`${key}\` names ${folder}, which leads outside this workspace folder through a symbolic link; name a folder inside it.`,
        range,
      });
      continue;
    }
    problems.push({
      code: 'record.schema',
      message: `\`${key}\` names ${folder}, which is ${stat ? 'not a folder' : 'not there'} in this workspace folder; create it or correct the path.`,
      range,
    });
  }
  return problems;
}

/** The folder named by adr-tools' `.adr-dir`, as a workspace-relative path, when it exists. */
export async function readAdrToolsDir(root: string): Promise<string[]> {
  const text = await readConfigText(path.join(root, '.adr-dir'));
  if (text === undefined) return [];
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return existingFolders(root, line === undefined ? [] : [line]);
}

/** The folders of log4brains' `.log4brains.yml` (`project.adrFolder` and each package's `adrFolder`) that exist. */
export async function readLog4brainsFolders(root: string): Promise<string[]> {
  const text = await readConfigText(path.join(root, '.log4brains.yml'));
  if (text === undefined) return [];
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch {
    return [];
  }
  const project = field(data, 'project');
  const folders: unknown[] = [field(project, 'adrFolder')];
  const packages = field(project, 'packages');
  if (Array.isArray(packages)) for (const pkg of packages) folders.push(field(pkg, 'adrFolder'));
  return existingFolders(
    root,
    folders.filter((f): f is string => typeof f === 'string'),
  );
}

/** Whether a workspace-relative folder resolves, through symbolic links, outside `root`. */
async function leadsOutside(root: string, folder: string): Promise<boolean> {
  try {
    await confinedPath(root, folder);
    return false;
  } catch (error) {
    return error instanceof OutsideWorkspaceError;
  }
}

/** Workspace-relative, `/`-separated, de-duplicated folders that exist inside `root`. */
async function existingFolders(root: string, folders: string[]): Promise<string[]> {
  const result: string[] = [];
  for (const folder of folders) {
    const relative = toRelativeFolder(folder);
    if (relative === undefined || result.includes(relative)) continue;
    try {
      const stat = await fs.stat(path.join(root, relative));
      if (stat.isDirectory() && !(await leadsOutside(root, relative))) result.push(relative);
    } catch {
      // Named but missing: not a folder to read.
    }
  }
  return result;
}

/** `./docs/adr/` → `docs/adr`; undefined for an absolute path or one leaving the root. */
export function toRelativeFolder(folder: string): string | undefined {
  const cleaned = folder.trim().replace(/^["']|["']$/g, '').replace(/\\/g, '/');
  if (cleaned === '' || cleaned.startsWith('/') || /^[A-Za-z]:/.test(cleaned)) return undefined;
  const normalised = path.posix.normalize(cleaned).replace(/\/+$/, '');
  if (normalised === '.' || normalised === '' || normalised === '..' || normalised.startsWith('../')) return undefined;
  return normalised;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `.adr-dir` or `.log4brains.yml` (see readSmallText), at most MAX_HINT_FILE_BYTES. */
export function readConfigText(file: string): Promise<string | undefined> {
  return readSmallText(file, MAX_HINT_FILE_BYTES);
}

/** The config file (see readSmallFile), at most MAX_HINT_FILE_BYTES: one that is there but refused is reported (configNotRead). */
export function readConfigFile(file: string): Promise<SmallFile> {
  return readSmallFile(file, MAX_HINT_FILE_BYTES);
}

/** The problem of a config file that is there but was not read (too large, no regular file, unreadable), at its top. */
export function configNotRead(name: string, why: string): ParseProblem {
  return {
    code: 'record.schema',
    message: `${name} is not read: ${why}. Until it is fixed, the defaults apply.`,
    range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
  };
}
