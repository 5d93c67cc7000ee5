/**
 * Record entries of each decision folder on every other local and remote-tracking
 * branch not merged into HEAD (or on one base ref, for `alignment check --base REF`): one
 * `git for-each-ref` and one `git cat-file --batch` reading each folder's tree at each
 * branch tip. Cached by the refs: unchanged refs cost the for-each-ref only.
 */
import * as nodePath from 'node:path';
import type { BranchListing, BranchRecords } from '../core/governance/numbers';
import type { HistoryUnavailable } from '../core/governance/history';
import { catFileBatch, gitAt, probeRepository, treeEntries } from './git';

export type BranchResult = { available: true; branches: BranchRecords; refs: number } | { available: false; reason: HistoryUnavailable | 'unknown-ref' };

const cache = new Map<string, { refs: string; branches: BranchRecords }>();

/** The repository and the refs to compare with, or why there are none. */
export type BranchRefs = { repo: Repo; refs: { name: string; sha: string }[] } | { available: false; reason: HistoryUnavailable | 'unknown-ref' };
type Repo = Extract<Awaited<ReturnType<typeof probeRepository>>, { repo: unknown }>['repo'];

/**
 * The first half of readBranchRecords, which needs no listing: the CLI starts it before
 * the scan so that its git processes run meanwhile. Never rejects.
 */
export async function readBranchRefs(root: string, base?: string): Promise<BranchRefs> {
  try {
    const probe = await probeRepository(root);
    if ('missing' in probe) return { available: false, reason: probe.missing };
    const { repo } = probe;
    const git = gitAt(root);
    if (base !== undefined) {
      const sha = (await git.raw(['rev-parse', '--verify', '-q', '--end-of-options', `${base}^{commit}`]).catch(() => '')).trim();
      if (!/^[0-9a-f]{40,64}$/.test(sha)) return { available: false, reason: 'unknown-ref' };
      return { repo, refs: [{ name: base, sha }] };
    }
    // A branch merged into HEAD brings nothing new: its records are in HEAD's history, and
    // one renamed or renumbered since (its old name still on the merged branch) is no collision.
    const unmerged = repo.head ? [`--no-merged=${repo.head}`] : [];
    const text = await git.raw(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(symref)', ...unmerged, 'refs/heads', 'refs/remotes']);
    const refs: { name: string; sha: string }[] = [];
    for (const line of text.split('\n')) {
      const [ref, sha, symref] = line.split('\0');
      if (!ref || !sha || symref || ref === repo.headRef) continue;
      refs.push({ name: ref.replace(/^refs\/(heads|remotes)\//, ''), sha });
    }
    return { repo, refs };
  } catch {
    return { available: false, reason: 'failed' };
  }
}

/** `base`: compare with this ref only (as written: `origin/main`), instead of every other branch. `early`: readBranchRefs started before. */
export async function readBranchRecords(root: string, folders: readonly string[], base?: string, early?: Promise<BranchRefs>): Promise<BranchResult> {
  const found = await (early ?? readBranchRefs(root, base));
  if ('available' in found) return found;
  const { repo, refs } = found;
  const key = JSON.stringify([nodePath.resolve(root), [...folders].sort()]);
  const refsKey = JSON.stringify(refs);
  const cached = cache.get(key);
  if (cached?.refs === refsKey) return { available: true, branches: cached.branches, refs: refs.length };

  const requests = new Map<string, { branch: string; folder: string }[]>();
  for (const ref of refs) {
    for (const folder of folders) {
      const name = `${ref.sha}:${repo.prefix}${folder}`;
      const list = requests.get(name);
      if (list) list.push({ branch: ref.name, folder });
      else requests.set(name, [{ branch: ref.name, folder }]);
    }
  }
  const objects = await catFileBatch(root, [...requests.keys()]);
  const listings: BranchListing[] = [];
  for (const [name, targets] of requests) {
    const object = objects.get(name);
    if (!object || object.type !== 'tree') continue;
    const names = treeEntries(object.data, name.indexOf(':') === 64 ? 32 : 20);
    for (const target of targets) listings.push({ ...target, names });
  }
  const branches = { listings };
  cache.set(key, { refs: refsKey, branches });
  return { available: true, branches, refs: refs.length };
}
