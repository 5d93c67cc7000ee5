/**
 * The resolved view of a workspace: records by id, supersession completed on both
 * sides, effective statuses, and code references resolved to their targets.
 *
 * Built from per-file parse results (see WorkspaceModel), so that one changed file
 * costs one re-parse plus this resolution step.
 */
import { compareText } from './compare-text';
import { qualifyCollidingIds } from './decisions/qualify-ids';
import { idKey } from './ids';
import type {
  AlignmentRecord,
  Assumption,
  CodeReference,
  Decision,
  IdMention,
  ParseProblem,
  Range,
} from './model';

export interface ResolvedReference extends CodeReference {
  /** The id of the record it resolves to, or null when no record here has that id. */
  target: string | null;
}

export interface FileProblem extends ParseProblem {
  path: string;
}

export interface IndexSources {
  decisions: readonly Decision[];
  assumptions: readonly Assumption[];
  /** Code references, as a list or already grouped by file (the model keeps them so). */
  references: readonly CodeReference[] | ReadonlyMap<string, readonly CodeReference[]>;
  problems: readonly FileProblem[];
}

export class AlignmentIndex {
  /** Decisions with completed supersession and effective status, sorted by path. */
  readonly decisions: Decision[];
  readonly assumptions: Assumption[];
  readonly problems: FileProblem[];
  /** Records as parsed, before completion, for rules that compare the two sides. */
  readonly stated: ReadonlyMap<AlignmentRecord, AlignmentRecord>;
  /** Records by id key (more than one = duplicate id); file slugs are secondary keys. */
  readonly byKey: ReadonlyMap<string, AlignmentRecord[]>;
  /** Code references by file, resolved lazily per file; flattened and grouped by target on demand. */
  private readonly referencesByPath: ReadonlyMap<string, readonly CodeReference[]>;
  private readonly resolvedByPath = new Map<string, ResolvedReference[]>();
  private flatReferences: ResolvedReference[] | undefined;
  private referencesByKey: Map<string, ResolvedReference[]> | undefined;

  /**
   * `reuse`: an index with the same records (only code files changed since), whose record
   * resolution is taken over as it is — what one saved code file costs.
   */
  constructor(sources: IndexSources, reuse?: AlignmentIndex) {
    this.referencesByPath = groupByPath(sources.references);
    if (reuse) {
      this.decisions = reuse.decisions;
      this.assumptions = reuse.assumptions;
      this.stated = reuse.stated;
      this.problems = reuse.problems;
      this.byKey = reuse.byKey;
      return;
    }
    const stated = new Map<AlignmentRecord, AlignmentRecord>();
    const decisions = sources.decisions.map((d) => {
      const copy: Decision = { ...d, supersedes: [...d.supersedes], supersededBy: [...d.supersededBy] };
      stated.set(copy, d);
      return copy;
    });
    const assumptions = sources.assumptions.map((a) => {
      const copy: Assumption = { ...a, supersedes: [...a.supersedes], supersededBy: [...a.supersededBy] };
      stated.set(copy, a);
      return copy;
    });
    decisions.sort(byPathThenLine);
    assumptions.sort(byPathThenLine);
    qualifyCollidingIds(decisions);
    this.decisions = decisions;
    this.assumptions = assumptions;
    this.stated = stated;
    this.problems = [...sources.problems];

    // Primary ids first, so that a file slug never shadows a real id.
    const byKey = new Map<string, AlignmentRecord[]>();
    const all = [...decisions, ...assumptions];
    for (const record of all) {
      const key = idKey(record.id);
      const list = byKey.get(key);
      if (list) list.push(record);
      else byKey.set(key, [record]);
    }
    for (const record of all) {
      for (const key of recordKeys(record).slice(1)) if (!byKey.has(key)) byKey.set(key, [record]);
    }
    this.byKey = byKey;

    this.useLinkTextForBrokenTargets(decisions);
    this.completeSupersession([...decisions, ...assumptions]);
  }

  /** Every code reference, sorted by path and position. */
  get references(): ResolvedReference[] {
    if (!this.flatReferences) {
      const paths = [...this.referencesByPath.keys()].sort(compareText);
      this.flatReferences = paths.flatMap((p) => this.referencesIn(p));
    }
    return this.flatReferences;
  }

  /** The resolved references of one file (empty when it has none). */
  referencesIn(path: string): ResolvedReference[] {
    let resolved = this.resolvedByPath.get(path);
    if (!resolved) {
      resolved = (this.referencesByPath.get(path) ?? []).map((ref) => ({ ...ref, target: this.lookup(ref.id)?.id ?? null }));
      resolved.sort((a, b) => a.line - b.line || a.column - b.column);
      this.resolvedByPath.set(path, resolved);
    }
    return resolved;
  }

  /** Files that hold code references. */
  referencePaths(): string[] {
    return [...this.referencesByPath.keys()];
  }

  /** The record an id names (first one by path when duplicated), or undefined. */
  lookup(id: string): AlignmentRecord | undefined {
    return this.byKey.get(idKey(id))?.[0];
  }

  /** Code references that resolve to the record with this id. */
  referencesTo(id: string): ResolvedReference[] {
    if (!this.referencesByKey) {
      this.referencesByKey = new Map();
      for (const resolved of this.references) {
        const key = idKey(resolved.target ?? resolved.id);
        const list = this.referencesByKey.get(key);
        if (list) list.push(resolved);
        else this.referencesByKey.set(key, [resolved]);
      }
    }
    const record = this.lookup(id);
    return this.referencesByKey.get(idKey(record ? record.id : id)) ?? [];
  }

  /**
   * The live end of a supersession chain: follows superseded-by links (of records whose
   * effective status is superseded) to a record that is not superseded itself.
   * Cycle-safe; returns the record itself when not superseded.
   * With several successors, the first live one (as stated) is followed, else the first known.
   */
  liveEnd(record: AlignmentRecord): AlignmentRecord {
    const seen = new Set<AlignmentRecord>([record]);
    let current = record;
    for (;;) {
      if (current.status !== 'superseded') return current;
      const next = this.successorOf(current);
      if (!next || seen.has(next)) return current;
      seen.add(next);
      current = next;
    }
  }

  private successorOf(record: AlignmentRecord): AlignmentRecord | undefined {
    const successors = record.supersededBy.map((m) => this.lookup(m.id)).filter((r) => r !== undefined);
    return successors.find((r) => r.kind !== 'decision' || (r.status !== 'proposed' && r.status !== 'rejected')) ?? successors[0];
  }

  /** The chain from a record to its live end, inclusive. */
  chain(record: AlignmentRecord): AlignmentRecord[] {
    const result = [record];
    const seen = new Set<AlignmentRecord>([record]);
    let current = record;
    for (;;) {
      if (current.status !== 'superseded') return result;
      const next = this.successorOf(current);
      if (!next || seen.has(next)) return result;
      seen.add(next);
      result.push(next);
      current = next;
    }
  }

  /** Assumptions a decision relies on that are known here, stated on either side. */
  assumptionsOf(decision: Decision): Assumption[] {
    const result: Assumption[] = [];
    for (const mention of decision.assumptions) {
      const record = this.lookup(mention.id);
      if (record?.kind === 'assumption' && !result.includes(record)) result.push(record);
    }
    for (const assumption of this.assumptions) {
      if (result.includes(assumption)) continue;
      if (assumption.decisions.some((m) => this.lookup(m.id) === decision)) result.push(assumption);
    }
    return result;
  }

  /** Decisions that rely on an assumption, stated on either side. */
  dependantsOf(assumption: Assumption): Decision[] {
    const key = idKey(assumption.id);
    const result = this.decisions.filter((d) => d.assumptions.some((m) => idKey(m.id) === key));
    for (const mention of assumption.decisions) {
      const record = this.lookup(mention.id);
      if (record?.kind === 'decision' && !result.includes(record)) result.push(record);
    }
    return result;
  }

  /**
   * `Superseded by [ADR-9](0009-old-name.md)` where no record has that file's id: the
   * link's text names the record. The broken target stays a record.dangling (on what
   * the record states).
   */
  private useLinkTextForBrokenTargets(decisions: Decision[]): void {
    const fix = (m: IdMention): IdMention => (m.fallback && !this.lookup(m.id) && this.lookup(m.fallback) ? { id: m.fallback, range: m.range } : m);
    for (const d of decisions) {
      if (![...d.supersedes, ...d.supersededBy].some((m) => m.fallback)) continue;
      d.supersedes = d.supersedes.map(fix);
      d.supersededBy = d.supersededBy.map(fix);
    }
  }

  /**
   * Supersession may be stated on either side: each `supersedes` gains its mirror
   * `superseded-by` and vice versa. A record superseded by a live successor (anything
   * but proposed or rejected) takes the effective status `superseded`.
   */
  private completeSupersession(records: AlignmentRecord[]): void {
    for (const record of records) {
      for (const mention of [...record.supersedes]) {
        const older = this.lookup(mention.id);
        if (older && older !== record) addMention(older.supersededBy, record.id, older.range);
      }
      for (const mention of [...record.supersededBy]) {
        const newer = this.lookup(mention.id);
        if (newer && newer !== record) addMention(newer.supersedes, record.id, newer.range);
      }
    }
    for (const record of records) {
      if (record.status === 'superseded') continue;
      const successors = record.supersededBy.map((m) => this.lookup(m.id)).filter((r) => r !== undefined);
      // Judged by the successor's stated status, not one changed earlier in this loop,
      // so the result does not depend on file order.
      const live = successors.some((s) => {
        const status = this.stated.get(s)?.status ?? s.status;
        return s.kind !== 'decision' || (status !== 'proposed' && status !== 'rejected');
      });
      if (!live) continue;
      if (record.kind === 'decision' && record.status !== 'rejected') record.status = 'superseded';
      if (record.kind === 'assumption' && record.status !== 'invalidated' && record.status !== 'retired') {
        record.status = 'superseded';
      }
    }
  }
}

/** Keys a record answers to: its id, and for decisions its file slug (for `@adr <slug>`). */
export function recordKeys(record: AlignmentRecord): string[] {
  const keys = [idKey(record.id)];
  // A stated id such as `ADR-005-engine-skills` also answers to `ADR-005`.
  const numbered = /^([A-Za-z]+[-_ ]?\d{1,7})[-_][A-Za-z]/.exec(record.id);
  if (numbered) keys.push(idKey(numbered[1]));
  if (record.kind === 'decision') {
    const stem = record.path.split('/').pop()!.replace(/\.(?:md|markdown|mdx|rst|adoc|asciidoc)$/i, '');
    const slug = stem
      .replace(/^\d{4}-\d{2}-\d{2}[-_]\d+[-_]/, '')
      .replace(/^(?:adr[-_])?\d+[-_]/i, '')
      .replace(/^\d{8}-/, '')
      .toLowerCase();
    if (slug && !keys.includes(slug)) keys.push(slug);
    if (!keys.includes(stem.toLowerCase())) keys.push(stem.toLowerCase());
  }
  return keys;
}

/** Adds the mirror of a link stated in another file; it points at the record's own heading. */
function addMention(list: IdMention[], id: string, at: Range): void {
  const key = idKey(id);
  if (!list.some((m) => idKey(m.id) === key)) list.push({ id, range: at });
}

function groupByPath(references: IndexSources['references']): ReadonlyMap<string, readonly CodeReference[]> {
  if (!Array.isArray(references)) return references as ReadonlyMap<string, readonly CodeReference[]>;
  const grouped = new Map<string, CodeReference[]>();
  for (const ref of references as readonly CodeReference[]) {
    const list = grouped.get(ref.path);
    if (list) list.push(ref);
    else grouped.set(ref.path, [ref]);
  }
  return grouped;
}

function byPathThenLine(a: AlignmentRecord, b: AlignmentRecord): number {
  return compareText(a.path, b.path) || a.line - b.line;
}
