/**
 * Record numbers across branches: two branches each taking "the next number" pass
 * every check on their own and collide on merge. The adapter lists, for every other
 * local and remote-tracking branch, the record entries of each decision folder at that
 * branch's tip; this module finds the numbers taken there by a different record and the
 * next number free everywhere.
 */
import { decisionFileInfo } from '../decisions';
import { nextDecisionNumber } from '../templates';
import type { Decision } from '../model';
import { askOwner, describe, finding, ownerOf, type DraftFinding, type Rule } from '../rules/context';

/** One decision folder as another branch has it. */
export interface BranchListing {
  /** Short branch name as users write it: `feature/x`, `origin/main`. */
  branch: string;
  folder: string;
  /** Entry names in the folder at that branch: files, and sub-folders with a trailing `/` (folder-form records). */
  names: readonly string[];
}

/** What other branches hold, for `record.number-taken` and for picking new numbers. */
export interface BranchRecords {
  listings: readonly BranchListing[];
}

/** The number an entry name of a decision folder carries (`0005-x.md`, `0005-x/`), if any. */
export function entryNumber(name: string): { number: number; digits: string } | undefined {
  const info = decisionFileInfo(name.endsWith('/') ? `${name.slice(0, -1)}.md` : name);
  if (info?.number === undefined || !info.digits || info.number === 0) return undefined;
  return { number: info.number, digits: info.digits };
}

/** A record's folder and its entry name there: `docs/adr/0005-x.md` → docs/adr + `0005-x.md`; `docs/adr/0005-x/index.md` → `0005-x/`. */
export function recordEntry(path: string): { folder: string; name: string } {
  const parts = path.split('/');
  const file = parts.pop() ?? '';
  if (/^(index|readme)\.(md|markdown|rst|adoc)$/i.test(file) && parts.length > 0) {
    const dir = parts.pop()!;
    return { folder: parts.join('/'), name: `${dir}/` };
  }
  return { folder: parts.join('/'), name: file };
}

/** The next number free in `folder` here and on every listed branch, padded like the folder's latest name. */
export function nextFreeNumber(localNames: readonly string[], folder: string, branches: BranchRecords | undefined): { number: number; digits: string } {
  const elsewhere = (branches?.listings ?? []).filter((l) => l.folder === folder).flatMap((l) => l.names);
  return nextDecisionNumber([...localNames, ...elsewhere].map((name) => (name.endsWith('/') ? `${name.slice(0, -1)}.md` : name)));
}

/**
 * `record.number-taken`: a decision's number is used by a different record entry in
 * the same folder on another branch (one not present here). The message names the
 * branch and the file and suggests the next number free everywhere.
 */
export const numberTaken: Rule = ({ index, branches }) => {
  if (!branches || branches.listings.length === 0) return [];
  const findings: DraftFinding[] = [];
  const localByFolder = new Map<string, Set<string>>();
  for (const d of index.decisions) {
    const { folder, name } = recordEntry(d.path);
    let names = localByFolder.get(folder);
    if (!names) localByFolder.set(folder, (names = new Set()));
    names.add(name);
  }
  const next = new Map<string, string>();
  for (const d of index.decisions) {
    const { folder, name } = recordEntry(d.path);
    const own = entryNumber(name);
    if (!own) continue;
    const local = localByFolder.get(folder)!;
    // The same file on several branches (a local branch and its remote) is one clash.
    const clashes = new Map<string, string[]>();
    for (const listing of branches.listings) {
      if (listing.folder !== folder) continue;
      for (const other of listing.names) {
        if (other === name || local.has(other) || entryNumber(other)?.number !== own.number) continue;
        const path = `${folder}/${other.replace(/\/$/, '')}`;
        const on = clashes.get(path);
        if (on) on.push(listing.branch);
        else clashes.set(path, [listing.branch]);
      }
    }
    if (clashes.size === 0) continue;
    let free = next.get(folder);
    if (!free) next.set(folder, (free = nextFreeNumber([...local], folder, branches).digits));
    findings.push(numberTakenFinding(d, clashes, free));
  }
  return findings;
};

function numberTakenFinding(d: Decision, clashes: ReadonlyMap<string, string[]>, free: string): DraftFinding {
  const [[path, on], ...others] = [...clashes];
  const also = on.length > 1 ? ` (also ${on.slice(1, 4).join(', ')})` : '';
  const more = others.length > 0 ? ` (and ${others.length} more: ${others.slice(0, 3).map(([p, b]) => `${p} on ${b.join(', ')}`).join('; ')})` : '';
  return finding(
    'record.number-taken',
    d.path,
    d.range,
    `${describe(d)}: branch ${on[0]}${also} has a different record with number ${d.number}, ${path}${more}; renumber one of them to ${free} (the next number free on every branch) before merging${ownerOf(d) ? `, or ${askOwner(d, 'agree which keeps it')}` : ''}.`,
    { recordId: d.id },
  );
}
