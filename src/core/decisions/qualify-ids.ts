/**
 * Records in different folders that share a local id (`docs/adr/frontend/0001-…` and
 * `docs/adr/backend/0001-…`, log4brains packages with the same slug, per-app decision
 * folders in a monorepo) are not duplicates: each takes an id qualified by the folder
 * that tells them apart (`frontend/ADR-0001`, `web/use-x`). A record in the top folder
 * keeps its plain id. Links between records of one folder resolve inside that folder.
 * Records of one folder sharing an id stay duplicates.
 */
import { idKey } from '../ids';
import type { Decision, IdMention } from '../model';

/** Folder names that say "records live here" rather than which records they are. */
const GENERIC_SEGMENTS = new Set(['docs', 'doc', 'adr', 'adrs', 'decisions', 'decision-records', 'architecture', 'architecture-decisions', 'records', 'src', 'documentation']);

export function qualifyCollidingIds(decisions: Decision[]): void {
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    const key = idKey(d.id);
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const qualified = new Map<Decision, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const qualifiers = group.map((d) => qualifierOf(d.path));
    if (new Set(qualifiers).size !== qualifiers.length) continue; // a real duplicate
    group.forEach((d, i) => {
      if (qualifiers[i]) qualified.set(d, qualifiers[i]);
    });
  }
  if (qualified.size === 0) return;
  for (const [d, qualifier] of qualified) d.id = `${qualifier}/${d.id}`;
  // Links written inside a qualified record name records of its own folder first.
  for (const [d, qualifier] of qualified) {
    d.supersedes = d.supersedes.map((m) => localMention(m, qualifier, groups));
    d.supersededBy = d.supersededBy.map((m) => localMention(m, qualifier, groups));
  }
}

function localMention(mention: IdMention, qualifier: string, groups: Map<string, Decision[]>): IdMention {
  const prefix = `${qualifier.toLowerCase()}/`;
  const sameFolder = groups.get(idKey(mention.id))?.find((d) => d.id.toLowerCase().startsWith(prefix));
  return sameFolder ? { ...mention, id: sameFolder.id } : mention;
}

/** The nearest folder name of a record's path that is not a generic one (`frontend`, `web`), or '' for none. */
export function qualifierOf(path: string): string {
  const folders = path.split('/').slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = folders[i].toLowerCase();
    if (GENERIC_SEGMENTS.has(name) || /^\d/.test(name)) continue;
    // `packages/web/docs/adr`: the package name; the repository's own `docs/adr`: none.
    return folders[i];
  }
  return '';
}
