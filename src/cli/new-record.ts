/**
 * `alignment new decision|assumption "Title"`: writes the next record from the
 * template. Never overwrites: the file is created exclusively, and an existing name is
 * an error, not a replacement. Never writes outside the workspace folder (a record folder
 * that is a symlink to elsewhere is refused). Two runs at once never take one number: a
 * run that finds a rival file with its number, created first, removes its own file and
 * takes the next number.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { nextFreeNumber } from '../core/governance/numbers';
import { isUnder } from '../core/layout';
import { decisionFileInfo } from '../core/decisions';
import { assumptionTemplate, decisionTemplate, kebabCase, newDecisionFileName, nextAssumptionId } from '../core/templates';
import { applyBranches } from '../node/git-facts';
import { confinedPath, OutsideWorkspaceError } from '../node/confine';
import { createExclusive as createNew, lostRace } from '../node/exclusive-create';
import type { LoadedWorkspace } from '../node/load-workspace';

/** A record could not be created where it belongs (exists, outside the workspace, not a folder): exit 2. */
export class ExistsError extends Error {}

const MAX_ATTEMPTS = 50;

export interface Created {
  path: string;
  id: string;
}

export async function newDecision(ws: LoadedWorkspace, title: string, today: string): Promise<Created> {
  const folder = ws.layout.decisionFolders[0] ?? 'docs/adr';
  const absoluteFolder = await folderToWriteIn(ws.root, folder);
  // A number free on every local and remote-tracking branch, not only here.
  await applyBranches(ws);
  const inFolder = ws.model.index.decisions.filter((d) => isUnder(d.path, folder));
  const latest = inFolder.sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).at(-1);
  const owner = gitIdentity(ws.root);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const names = await fs.readdir(absoluteFolder);
    const { fileName, number, digits } = newDecisionFileName(names, title, nextFreeNumber(names, folder, ws.model.branches));
    const text = decisionTemplate({ title, date: today, number, owner, dialect: latest?.dialect === 'nygard' ? 'nygard' : 'frontmatter' });
    const absolute = nodePath.join(absoluteFolder, fileName);
    if (!(await createExclusive(absolute, text, false))) continue;
    if (await lostRace(absoluteFolder, fileName, (name) => decisionFileInfo(name)?.number === number)) {
      await fs.unlink(absolute);
      continue;
    }
    return { path: `${folder}/${fileName}`, id: `${ws.config.decisionPrefix}-${digits}` };
  }
  throw new ExistsError(`could not find a free number in ${folder} after ${MAX_ATTEMPTS} attempts; nothing was written`);
}

/** The record folder, created when missing, after checking that it stays inside the workspace folder. */
async function folderToWriteIn(root: string, folder: string): Promise<string> {
  let absolute: string;
  try {
    absolute = await confinedPath(root, folder);
    await fs.mkdir(absolute, { recursive: true });
    absolute = await confinedPath(root, folder); // the folder now exists: check it once more, resolved
    const stat = await fs.lstat(absolute);
    if (!stat.isDirectory()) throw new ExistsError(`${folder} is not a folder; nothing was written`);
  } catch (error) {
    if (error instanceof ExistsError) throw error;
    if (error instanceof OutsideWorkspaceError) throw new ExistsError(`${error.message}; nothing was written`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExistsError(`cannot create records in ${folder} (${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : (code ?? String(error))}); nothing was written`);
  }
  return absolute;
}

export async function newAssumption(ws: LoadedWorkspace, statement: string): Promise<Created> {
  const id = nextAssumptionId(ws.model.index.assumptions.map((a) => a.id), ws.config.assumptionPrefix);
  const existing = [];
  for (const f of ws.config.assumptionFolders) {
    if (await fs.stat(nodePath.join(ws.root, f)).then((s) => s.isDirectory(), () => false)) existing.push(f);
  }
  const folder = existing[0] ?? ws.config.assumptionFolders[0] ?? 'docs/assumptions';
  const fileName = `${id.toLowerCase()}-${kebabCase(statement).slice(0, 40).replace(/-+$/, '')}.yaml`;
  const absoluteFolder = await folderToWriteIn(ws.root, folder);
  await createExclusive(nodePath.join(absoluteFolder, fileName), assumptionTemplate({ id, statement, owner: gitIdentity(ws.root) }), true);
  return { path: `${folder}/${fileName}`, id };
}

/**
 * Creates the file only when nothing (not even a symlink) has its name. Returns false when
 * the name is taken and `failWhenTaken` is false; throws ExistsError when it is true.
 */
async function createExclusive(absolutePath: string, text: string, failWhenTaken: boolean): Promise<boolean> {
  let created: boolean;
  try {
    created = await createNew(absolutePath, text);
  } catch (error) {
    throw new ExistsError(`cannot write ${absolutePath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was written`);
  }
  if (!created && failWhenTaken) throw new ExistsError(`${absolutePath} already exists; nothing was written`);
  return created;
}

/** `git config user.email`, when git is there and says one. */
function gitIdentity(cwd: string): string | undefined {
  try {
    const email = execFileSync('git', ['config', 'user.email'], { cwd, encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return email || undefined;
  } catch {
    return undefined;
  }
}
