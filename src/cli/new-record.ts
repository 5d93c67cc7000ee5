/**
 * `alignment new decision|assumption "Title"`: writes the next record from the
 * template. Never overwrites: the file is created exclusively, and an existing name is
 * an error, not a replacement.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { nextFreeNumber } from '../core/governance/numbers';
import { isUnder } from '../core/layout';
import { assumptionTemplate, decisionTemplate, kebabCase, newDecisionFileName, nextAssumptionId } from '../core/templates';
import { applyBranches } from '../node/git-facts';
import type { LoadedWorkspace } from '../node/load-workspace';

export class ExistsError extends Error {}

export interface Created {
  path: string;
  id: string;
}

export async function newDecision(ws: LoadedWorkspace, title: string, today: string): Promise<Created> {
  const folder = ws.layout.decisionFolders[0] ?? 'docs/adr';
  const absoluteFolder = nodePath.join(ws.root, folder);
  const names = await fs.readdir(absoluteFolder).catch(() => [] as string[]);
  // A number free on every local and remote-tracking branch, not only here.
  await applyBranches(ws);
  const { fileName, number, digits } = newDecisionFileName(names, title, nextFreeNumber(names, folder, ws.model.branches));
  const inFolder = ws.model.index.decisions.filter((d) => isUnder(d.path, folder));
  const latest = inFolder.sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).at(-1);
  const text = decisionTemplate({
    title,
    date: today,
    number,
    owner: gitIdentity(ws.root),
    dialect: latest?.dialect === 'nygard' ? 'nygard' : 'frontmatter',
  });
  const path = `${folder}/${fileName}`;
  await createExclusive(nodePath.join(ws.root, path), text);
  return { path, id: `${ws.config.decisionPrefix}-${digits}` };
}

export async function newAssumption(ws: LoadedWorkspace, statement: string): Promise<Created> {
  const id = nextAssumptionId(ws.model.index.assumptions.map((a) => a.id), ws.config.assumptionPrefix);
  const existing = [];
  for (const f of ws.config.assumptionFolders) {
    if (await fs.stat(nodePath.join(ws.root, f)).then((s) => s.isDirectory(), () => false)) existing.push(f);
  }
  const folder = existing[0] ?? ws.config.assumptionFolders[0] ?? 'docs/assumptions';
  const path = `${folder}/${id.toLowerCase()}-${kebabCase(statement).slice(0, 40).replace(/-+$/, '')}.yaml`;
  await createExclusive(nodePath.join(ws.root, path), assumptionTemplate({ id, statement, owner: gitIdentity(ws.root) }));
  return { path, id };
}

async function createExclusive(absolutePath: string, text: string): Promise<void> {
  await fs.mkdir(nodePath.dirname(absolutePath), { recursive: true });
  try {
    await fs.writeFile(absolutePath, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExistsError(`${absolutePath} already exists; nothing was written`);
    throw error;
  }
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
