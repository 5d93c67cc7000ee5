/**
 * Loads one workspace folder into a WorkspaceModel: configuration, layout detection,
 * records, and references from candidate code files. The CLI's whole input path; the
 * extension reuses the pieces for its first index.
 */
import * as nodePath from 'node:path';
import { DEFAULT_CONFIG, type AlignmentConfig } from '../core/config';
import { DEFAULT_DECISION_FOLDERS, detectLayout, type Layout } from '../core/layout';
import type { ParseProblem } from '../core/model';
import { referencePrefilter } from '../core/references';
import { WorkspaceModel } from '../core/workspace-model';
import { loadRepoConfig, readAdrToolsDir, readLog4brainsFolders } from './config';
import { readTextSync, vanished } from './read-text';
import { listWithRipgrep } from './ripgrep';
import { walkFiles } from './walk-files';

export interface LoadOptions {
  /** Configuration to use instead of reading `.alignment.yaml` (the extension merges settings itself). */
  config?: AlignmentConfig;
  /** Use ripgrep to list and prefilter (default true); false reads every file in Node. */
  allowProcesses?: boolean;
  /** Files read between two yields to the event loop (default 64). */
  sliceSize?: number;
}

export interface LoadedWorkspace {
  root: string;
  model: WorkspaceModel;
  files: string[];
  layout: Layout;
  config: AlignmentConfig;
  configFile?: string;
  configProblems: ParseProblem[];
  stats: { files: number; read: number; usedRipgrep: boolean };
}

export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const loaded = options.config ? { config: options.config, problems: [] as ParseProblem[], file: undefined } : await loadRepoConfig(root);
  const config = loaded.config ?? DEFAULT_CONFIG;
  const toolFolders = [...(await readAdrToolsDir(root)), ...(await readLog4brainsFolders(root))];
  // The prefilter must know every folder a record path may cite before the walk has
  // detected the layout: configured, tool-named and conventional folders (folders named
  // adr/adrs/decisions/decision-records are always covered).
  const prefilter = referencePrefilter({
    decisionPrefix: config.decisionPrefix,
    assumptionPrefix: config.assumptionPrefix,
    decisionFolders: [...new Set([...config.decisionFolders, ...toolFolders, ...DEFAULT_DECISION_FOLDERS])],
  });

  const listing = options.allowProcesses === false ? undefined : await listWithRipgrep(root, prefilter.regex, config.exclude, config.maxFileSizeKb);
  const files = listing?.files ?? (await walkFiles(root, config.exclude));
  const layout = detectLayout(files, config, { toolFolders });
  const model = new WorkspaceModel(config, layout);

  const candidate = new RegExp(prefilter.regex, 'i');
  const maxBytes = config.maxFileSizeKb * 1024;
  let read = 0;
  const work = files.filter((path) => {
    const role = model.roleOf(path);
    if (!role) return false;
    if (role !== 'code') return true;
    return listing ? listing.candidates.has(path) : true;
  });
  // Read in slices of synchronous reads, yielding between slices: far faster than one
  // promise per file, and the event loop is never held for more than a few milliseconds.
  const slice = options.sliceSize ?? 64;
  for (let i = 0; i < work.length; i += slice) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const path of work.slice(i, i + slice)) {
      const result = readTextSync(nodePath.join(root, path), maxBytes);
      read++;
      if (vanished(result)) continue;
      if ('unreadable' in result) {
        model.updateUnreadable(path, result.unreadable);
        continue;
      }
      if (model.roleOf(path) === 'code' && !candidate.test(result.text)) continue;
      model.update(path, result.text);
    }
  }
  return {
    root,
    model,
    files,
    layout,
    config,
    configFile: loaded.file,
    configProblems: loaded.problems,
    stats: { files: files.length, read, usedRipgrep: listing !== undefined },
  };
}
