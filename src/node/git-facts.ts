/**
 * Git facts for a loaded workspace folder: record status histories and the record
 * entries of other branches, handed to its model. The CLI calls this directly; the
 * editor only in trusted workspaces.
 */
import type { Layout } from '../core/layout';
import type { WorkspaceModel } from '../core/workspace-model';
import { readBranchRecords, type BranchRefs, type BranchResult } from './git-branches';
import { readGitHistory, type HistoryResult } from './git-history';

export interface GitFactsInput {
  root: string;
  model: WorkspaceModel;
  layout: Layout;
  /** Every file of the folder (to find assumption registers outside the folders). */
  files: readonly string[];
}

const REGISTER_NAME = /(?:^|\/)assumptions\.md$/i;

/** The folders (and register files) whose history is read. */
export function recordFolders(input: Pick<GitFactsInput, 'model' | 'layout' | 'files'>): string[] {
  // A register is named assumptions.md (roleOf says so of no other name): the name is
  // checked first, so the folder's other files cost no role lookup (97k files: 70 ms).
  const registers = input.files.filter((p) => REGISTER_NAME.test(p) && input.model.roleOf(p) === 'assumption-register');
  return [...new Set([...input.layout.decisionFolders, ...input.layout.assumptionFolders, ...registers])];
}

export async function applyHistory(input: GitFactsInput): Promise<HistoryResult> {
  const { decisionPrefix, assumptionPrefix } = input.model.config;
  const result = await readGitHistory(input.root, recordFolders(input), { decisionPrefix, assumptionPrefix });
  input.model.setHistory(result.available ? result.histories : undefined);
  return result;
}

/** `base`: compare with that ref only (`check --base`). `early`: readBranchRefs(root, base) started before the load. */
export async function applyBranches(input: GitFactsInput, base?: string, early?: Promise<BranchRefs>): Promise<BranchResult> {
  let result: BranchResult;
  try {
    result = await readBranchRecords(input.root, input.layout.decisionFolders, base, early);
  } catch {
    result = { available: false, reason: 'failed' };
  }
  input.model.setBranches(result.available ? result.branches : undefined);
  return result;
}
