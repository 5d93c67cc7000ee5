/**
 * The alignment report as plain data: what waits on whom and for how long, who owns
 * what, which assumptions went bad, which findings the workspace has and how the
 * decisions evolved. One model feeds the editor's dashboard, the exported Markdown and
 * HTML, and `alignment report --format json` (documented by schemas/alignment-report.schema.json).
 *
 * Pure: it receives indexes and findings, a clock and a filter, and returns data.
 */
import type { AlignmentIndex } from '../alignment-index';
import type { Finding, FindingCode, Severity } from '../findings';
import { ALL_FINDING_CODES, FINDING_CODES } from '../findings';
import { ageInDays, pendingApprovals } from '../governance/approvals';
import { PeopleDirectory, samePerson } from '../governance/people';
import { ASSUMPTION_STATUSES, DECISION_STATUSES, type AlignmentRecord, type AssumptionStatus, type Decision, type DecisionStatus, type RecordKind } from '../model';
import { isLiveDecisionStatus, isPast, ownerOf } from '../rules/context';
import { compareIds, compareText } from '../compare-text';

export const REPORT_VERSION = 1;

/** One workspace folder's input. `key` identifies the folder in links (the extension uses its URI). */
export interface ReportInput {
  key: string;
  /** Display name, and what the folder filter matches. */
  name: string;
  index: AlignmentIndex;
  findings: readonly Finding[];
}

export interface ReportFilter {
  folder?: string;
  tag?: string;
  /** Matched as a person: `Dana`, `dana@example.com` and `Dana <dana@example.com>` are one. */
  owner?: string;
}

export interface ReportOptions {
  now: Date;
  filter?: ReportFilter;
  /** Days a pending approval may wait before it is overdue (alignment.approvalOverdueDays). */
  overdueDays?: number;
  /** Reviews due within this many days are listed (default 30). */
  reviewWindowDays?: number;
  /** Rows in "oldest pending decisions" (default 10). */
  oldestLimit?: number;
}

/** A record as the report names it; `folder` is the input's key. */
export interface RecordRef {
  folder: string;
  id: string;
  kind: RecordKind;
  /** The decision's title or the assumption's statement. */
  title: string;
  status: string;
  path: string;
  /** 0-based line of the record's definition. */
  line: number;
  owner: string | null;
}

export interface WaitingDecision extends RecordRef {
  /** The date the wait is counted from (the record's date, else when history first shows it proposed). */
  since: string | null;
  ageDays: number | null;
  overdue: boolean;
  waitingOn: string[];
}

export interface AgeBucket {
  label: string;
  /** Inclusive bounds in days; `maxDays` null = no upper bound; both null = no date known. */
  minDays: number | null;
  maxDays: number | null;
  decisions: WaitingDecision[];
}

export interface ApproverLoad {
  approver: string;
  decisions: WaitingDecision[];
  oldestDays: number | null;
}

export interface OwnerLoad {
  owner: string;
  /** Decisions and assumptions this person owns. */
  owned: RecordRef[];
  /** Owned decisions that are still open (proposed). */
  open: RecordRef[];
  /** Proposed decisions waiting on this person's approval. */
  pendingApproval: RecordRef[];
}

export type LevelOrUnset = 'high' | 'medium' | 'low' | 'unset';
export const LEVEL_COLUMNS: readonly LevelOrUnset[] = ['high', 'medium', 'low', 'unset'];

export interface HealthCell {
  status: AssumptionStatus;
  level: LevelOrUnset;
  assumptions: RecordRef[];
}

export interface UnsoundAssumption extends RecordRef {
  /** Live decisions that rely on it. */
  reliedOnBy: RecordRef[];
  references: number;
}

export interface AssumptionHealth {
  /** Status × impact, every cell present (rows in ASSUMPTION_STATUSES order, columns in LEVEL_COLUMNS order). */
  byImpact: HealthCell[];
  byConfidence: HealthCell[];
  /** Active or validated assumptions past their validate-by date. */
  pastValidateBy: (RecordRef & { validateBy: string; daysPast: number })[];
  /** Invalidated or superseded assumptions that live decisions or code still rely on. */
  unsound: UnsoundAssumption[];
}

export interface FindingLocation {
  folder: string;
  path: string;
  line: number;
  message: string;
  recordId: string | null;
}

export interface FindingCount {
  code: FindingCode;
  severity: Severity;
  summary: string;
  count: number;
  /** The first locations (at most 50), for lists and links. */
  locations: FindingLocation[];
}

export interface TimelinePeriod {
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  /** Decisions known by the end of the period, by their status then. */
  counts: Record<DecisionStatus, number>;
  /** The same decisions as indexes into the timeline's `decisions`. */
  members: Record<DecisionStatus, number[]>;
}

export interface StatusTimeline {
  /**
   * `history`: statuses as git recorded them; `dates`: no history, so each decision counts
   * from its record date with its current status; `mixed`: history for some decisions.
   */
  source: 'history' | 'dates' | 'mixed';
  granularity: 'year' | 'month';
  periods: TimelinePeriod[];
  /** The decisions the periods count. */
  decisions: RecordRef[];
  /** Decisions with neither history nor a date, left out of the timeline. */
  undated: number;
}

export type EdgeKind = 'supersedes' | 'relies-on';

export interface GraphEdge {
  /** Node indexes into `nodes`. For `supersedes`, from = the newer record; for `relies-on`, from = the decision. */
  from: number;
  to: number;
  kind: EdgeKind;
}

export interface RelationshipGraph {
  /** Records that take part in at least one relationship. */
  nodes: RecordRef[];
  edges: GraphEdge[];
  /** Records with no relationship, not drawn. */
  isolated: number;
}

export interface ReviewDue extends RecordRef {
  due: string;
  /** Negative when overdue. */
  daysLeft: number;
}

export interface AlignmentReport {
  version: typeof REPORT_VERSION;
  /** YYYY-MM-DD: the day the report describes. */
  date: string;
  folders: { key: string; name: string }[];
  filter: ReportFilter;
  /** What the filters may choose from (over all records, before filtering). */
  facets: { folders: string[]; tags: string[]; owners: string[] };
  totals: { decisions: number; assumptions: number; references: number; findings: number; pending: number; unowned: number };
  decisionsByStatus: Record<DecisionStatus, number>;
  approvals: { byAge: AgeBucket[]; byApprover: ApproverLoad[] };
  owners: OwnerLoad[];
  assumptions: AssumptionHealth;
  findings: FindingCount[];
  timeline: StatusTimeline;
  graph: RelationshipGraph;
  oldestPending: WaitingDecision[];
  unowned: RecordRef[];
  reviewsDue: ReviewDue[];
}

const AGE_BUCKETS: { label: string; minDays: number; maxDays: number | null }[] = [
  { label: '0–7 days', minDays: 0, maxDays: 7 },
  { label: '8–30 days', minDays: 8, maxDays: 30 },
  { label: '31–90 days', minDays: 31, maxDays: 90 },
  { label: '91–365 days', minDays: 91, maxDays: 365 },
  { label: 'over a year', minDays: 366, maxDays: null },
];
const MAX_LOCATIONS = 50;

/** Builds the report over every input folder, after applying the filter to the records. */
export function buildReport(inputs: readonly ReportInput[], options: ReportOptions): AlignmentReport {
  const { now } = options;
  const filter = cleanFilter(options.filter);
  const overdueDays = options.overdueDays ?? 7;
  const reviewWindow = options.reviewWindowDays ?? 30;

  const facets = facetsOf(inputs);
  const selected = inputs.filter((input) => !filter.folder || input.name === filter.folder);
  const keep = (record: AlignmentRecord) => recordMatches(record, filter);
  const views = selected.map((input) => ({ input, index: filteredIndex(input.index, keep) }));
  const ref = (key: string, record: AlignmentRecord) => toRef(key, record);

  // Approvals: one entry per proposed decision, with who must still answer.
  const pending = pendingApprovals(
    views.map((v) => ({ tag: v.input.key, index: v.index, overdueDays, fallbackDate: proposedSince })),
    now,
  ).all;
  const waiting: WaitingDecision[] = pending.map((p) => ({
    ...ref(p.tag, p.decision),
    since: p.since ?? null,
    ageDays: p.ageDays ?? null,
    overdue: p.overdue,
    waitingOn: p.waitingOn,
  }));
  const byAge: AgeBucket[] = AGE_BUCKETS.map((b) => ({ ...b, decisions: waiting.filter((w) => w.ageDays !== null && w.ageDays >= b.minDays && (b.maxDays === null || w.ageDays <= b.maxDays)) }));
  byAge.push({ label: 'no date', minDays: null, maxDays: null, decisions: waiting.filter((w) => w.ageDays === null) });

  const all = views.flatMap((v) => [...v.index.decisions, ...v.index.assumptions].map((record) => ({ key: v.input.key, record })));
  // One directory of everyone named, so that `Dana`, `dana@x` and `Dana <dana@x>` are one person.
  const people = new PeopleDirectory();
  for (const { record } of all) {
    const owner = ownerOf(record);
    if (owner) people.add(owner);
    if (record.kind === 'decision') for (const a of record.approvers) people.add(a.name);
  }
  const byApprover: ApproverLoad[] = people
    .groups()
    .map((person) => {
      const decisions = waiting.filter((w) => w.waitingOn.some((name) => people.groupOf(name) === person));
      return { approver: person.label, decisions, oldestDays: maxOf(decisions.map((d) => d.ageDays)) };
    })
    .filter((a) => a.decisions.length > 0)
    .sort((a, b) => b.decisions.length - a.decisions.length || (b.oldestDays ?? -1) - (a.oldestDays ?? -1) || compareText(a.approver, b.approver));

  const owners = ownerLoads(all, waiting, people);
  const unowned = all.filter((e) => !ownerOf(e.record)).map((e) => ref(e.key, e.record));

  const decisionsByStatus = countBy(DECISION_STATUSES, views.flatMap((v) => v.index.decisions.map((d) => d.status)));
  const findings = findingCounts(selected, filter, keep);

  return {
    version: REPORT_VERSION,
    date: now.toISOString().slice(0, 10),
    folders: inputs.map((i) => ({ key: i.key, name: i.name })),
    filter,
    facets,
    totals: {
      decisions: views.reduce((n, v) => n + v.index.decisions.length, 0),
      assumptions: views.reduce((n, v) => n + v.index.assumptions.length, 0),
      references: views.reduce((n, v) => n + countReferences(v.index), 0),
      findings: findings.reduce((n, f) => n + f.count, 0),
      pending: waiting.length,
      unowned: unowned.length,
    },
    decisionsByStatus,
    approvals: { byAge, byApprover },
    owners,
    assumptions: assumptionHealth(views, now),
    findings,
    timeline: statusTimeline(views.flatMap((v) => v.index.decisions.map((d) => ({ folder: v.input.key, decision: d }))), now),
    graph: relationshipGraph(views),
    oldestPending: waiting
      .filter((w) => w.ageDays !== null)
      .slice(0, options.oldestLimit ?? 10),
    unowned,
    reviewsDue: reviewsDue(all, now, reviewWindow),
  };
}

function cleanFilter(filter: ReportFilter | undefined): ReportFilter {
  const result: ReportFilter = {};
  if (filter?.folder?.trim()) result.folder = filter.folder.trim();
  if (filter?.tag?.trim()) result.tag = filter.tag.trim();
  if (filter?.owner?.trim()) result.owner = filter.owner.trim();
  return result;
}

function recordMatches(record: AlignmentRecord, filter: ReportFilter): boolean {
  if (filter.tag && !record.tags.some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) return false;
  if (filter.owner && !samePerson(ownerOf(record), filter.owner)) return false;
  return true;
}

/**
 * The index seen through a record filter: same resolution and references, fewer records.
 * Methods of the index keep working (they read the filtered lists through `this`).
 */
function filteredIndex(index: AlignmentIndex, keep: (record: AlignmentRecord) => boolean): AlignmentIndex {
  const decisions = index.decisions.filter(keep);
  const assumptions = index.assumptions.filter(keep);
  if (decisions.length === index.decisions.length && assumptions.length === index.assumptions.length) return index;
  return Object.create(index, { decisions: { value: decisions }, assumptions: { value: assumptions } }) as AlignmentIndex;
}

function facetsOf(inputs: readonly ReportInput[]): AlignmentReport['facets'] {
  const tags = new Map<string, string>();
  const people = new PeopleDirectory();
  for (const input of inputs) {
    for (const record of [...input.index.decisions, ...input.index.assumptions]) {
      for (const tag of record.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
      const owner = ownerOf(record);
      if (owner) people.add(owner);
    }
  }
  const sorted = (list: string[]) => list.sort(compareText);
  return {
    folders: inputs.map((i) => i.name),
    tags: sorted([...tags.values()]),
    owners: sorted(people.groups().map((g) => g.label)),
  };
}

export function toRef(folder: string, record: AlignmentRecord): RecordRef {
  return {
    folder,
    id: record.id,
    kind: record.kind,
    title: record.kind === 'decision' ? record.title : record.statement,
    status: record.status,
    path: record.path,
    line: record.line,
    owner: ownerOf(record) ?? null,
  };
}

/** When a decision without a date became proposed, by its history (first entry saying so). */
function proposedSince(decision: Decision): string | undefined {
  return decision.history?.find((h) => h.status === 'proposed')?.date ?? decision.history?.[0]?.date;
}

function ownerLoads(all: { key: string; record: AlignmentRecord }[], waiting: WaitingDecision[], people: PeopleDirectory): OwnerLoad[] {
  const loads = new Map<string, OwnerLoad>();
  const loadOf = (name: string) => {
    const person = people.groupOf(name);
    let load = loads.get(person.key);
    if (!load) loads.set(person.key, (load = { owner: person.label, owned: [], open: [], pendingApproval: [] }));
    return load;
  };
  for (const { key, record } of all) {
    const owner = ownerOf(record);
    if (!owner) continue;
    const load = loadOf(owner);
    const r = toRef(key, record);
    load.owned.push(r);
    if (record.kind === 'decision' && record.status === 'proposed') load.open.push(r);
  }
  for (const w of waiting) {
    const seen = new Set<OwnerLoad>();
    for (const name of w.waitingOn) {
      const load = loadOf(name);
      if (seen.has(load)) continue;
      seen.add(load);
      load.pendingApproval.push(stripWaiting(w));
    }
  }
  const total = (l: OwnerLoad) => l.owned.length + l.pendingApproval.length;
  return [...loads.values()].sort((a, b) => total(b) - total(a) || compareText(a.owner, b.owner));
}

function stripWaiting(w: WaitingDecision): RecordRef {
  return { folder: w.folder, id: w.id, kind: w.kind, title: w.title, status: w.status, path: w.path, line: w.line, owner: w.owner };
}

function assumptionHealth(views: { input: ReportInput; index: AlignmentIndex }[], now: Date): AssumptionHealth {
  const entries = views.flatMap((v) => v.index.assumptions.map((a) => ({ v, a, ref: toRef(v.input.key, a) })));
  const grid = (level: (a: (typeof entries)[number]['a']) => LevelOrUnset): HealthCell[] =>
    ASSUMPTION_STATUSES.flatMap((status) =>
      LEVEL_COLUMNS.map((column) => ({ status, level: column, assumptions: entries.filter((e) => e.a.status === status && level(e.a) === column).map((e) => e.ref) })),
    );
  const pastValidateBy = entries
    .filter((e) => (e.a.status === 'active' || e.a.status === 'validated') && isPast(e.a.validateBy, now))
    .map((e) => ({ ...e.ref, validateBy: e.a.validateBy!.slice(0, 10), daysPast: ageInDays(e.a.validateBy, now) ?? 0 }))
    .sort((a, b) => b.daysPast - a.daysPast);
  const unsound: UnsoundAssumption[] = [];
  for (const e of entries) {
    if (e.a.status !== 'invalidated' && e.a.status !== 'superseded') continue;
    const reliedOnBy = e.v.index
      .dependantsOf(e.a)
      .filter((d) => isLiveDecisionStatus(d.status))
      .map((d) => toRef(e.v.input.key, d));
    const references = e.v.index.referencesTo(e.a.id).length;
    if (reliedOnBy.length > 0 || references > 0) unsound.push({ ...e.ref, reliedOnBy, references });
  }
  return {
    byImpact: grid((a) => a.impact ?? 'unset'),
    byConfidence: grid((a) => a.confidence ?? 'unset'),
    pastValidateBy,
    unsound,
  };
}

function findingCounts(inputs: readonly ReportInput[], filter: ReportFilter, keep: (r: AlignmentRecord) => boolean): FindingCount[] {
  const recordFilter = Boolean(filter.tag || filter.owner);
  const byCode = new Map<FindingCode, FindingCount>();
  for (const input of inputs) {
    for (const f of input.findings) {
      if (recordFilter) {
        const record = f.recordId ? input.index.lookup(f.recordId) : undefined;
        if (!record || !keep(record)) continue;
      }
      let entry = byCode.get(f.code);
      if (!entry) byCode.set(f.code, (entry = { code: f.code, severity: f.severity, summary: FINDING_CODES[f.code].summary, count: 0, locations: [] }));
      entry.count++;
      if (entry.locations.length < MAX_LOCATIONS) {
        entry.locations.push({ folder: input.key, path: f.path, line: f.range.start.line, message: f.message, recordId: f.recordId ?? null });
      }
    }
  }
  const order = (code: FindingCode) => ALL_FINDING_CODES.indexOf(code);
  return [...byCode.values()].sort((a, b) => b.count - a.count || order(a.code) - order(b.code));
}

/**
 * Decisions by status over time. Each decision contributes a list of (date, status) events:
 * its git history when present, else its record date with its current status. For each
 * period, a decision counts with the status of its last event up to the period's end.
 */
export function statusTimeline(decisions: readonly { folder: string; decision: Decision }[], now: Date): StatusTimeline {
  let withHistory = 0;
  let undated = 0;
  const events: { date: string; status: DecisionStatus }[][] = [];
  const refs: RecordRef[] = [];
  for (const { folder, decision: d } of decisions) {
    if (d.history && d.history.length > 0) {
      withHistory++;
      const list = d.history
        .filter((h) => /^\d{4}-\d{2}-\d{2}/.test(h.date))
        .map((h) => ({ date: h.date.slice(0, 10), status: asDecisionStatus(h.status) }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      // The current status is the truth today (the index completes supersession the history may not show).
      if (list.length > 0) {
        list[list.length - 1] = { ...list[list.length - 1], status: d.status };
        events.push(list);
        refs.push(toRef(folder, d));
        continue;
      }
    }
    if (d.date && /^\d{4}-\d{2}-\d{2}/.test(d.date)) {
      events.push([{ date: d.date.slice(0, 10), status: d.status }]);
      refs.push(toRef(folder, d));
    } else undated++;
  }
  const source = withHistory === 0 ? 'dates' : withHistory === decisions.length ? 'history' : 'mixed';
  const dates = events.flat().map((e) => e.date);
  if (dates.length === 0) return { source, granularity: 'year', periods: [], decisions: refs, undated };
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = [...dates, now.toISOString().slice(0, 10)].reduce((a, b) => (a > b ? a : b));
  const spanYears = Number(last.slice(0, 4)) - Number(first.slice(0, 4));
  const granularity = spanYears >= 3 ? 'year' : 'month';
  const periods: TimelinePeriod[] = [];
  for (const period of periodsBetween(first, last, granularity)) {
    const end = granularity === 'year' ? `${period}-12-31` : `${period}-31`;
    const counts = countBy(DECISION_STATUSES, []);
    const members = Object.fromEntries(DECISION_STATUSES.map((s) => [s, [] as number[]])) as Record<DecisionStatus, number[]>;
    events.forEach((list, i) => {
      let status: DecisionStatus | undefined;
      for (const e of list) if (e.date <= end) status = e.status;
      if (!status) return;
      counts[status]++;
      members[status].push(i);
    });
    periods.push({ period, counts, members });
  }
  return { source, granularity, periods, decisions: refs, undated };
}

function asDecisionStatus(status: string): DecisionStatus {
  return (DECISION_STATUSES as readonly string[]).includes(status) ? (status as DecisionStatus) : 'unknown';
}

function periodsBetween(first: string, last: string, granularity: 'year' | 'month'): string[] {
  const result: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  for (;;) {
    if (granularity === 'year') {
      result.push(String(year));
      if (year >= endYear) return result;
      year++;
    } else {
      result.push(`${year}-${String(month).padStart(2, '0')}`);
      if (year > endYear || (year === endYear && month >= endMonth)) return result;
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
    }
  }
}

function relationshipGraph(views: { input: ReportInput; index: AlignmentIndex }[]): RelationshipGraph {
  const nodes: RecordRef[] = [];
  const edges: GraphEdge[] = [];
  let isolated = 0;
  for (const { input, index } of views) {
    const records = [...index.decisions, ...index.assumptions];
    const members = new Set(records);
    const local: { from: AlignmentRecord; to: AlignmentRecord; kind: EdgeKind }[] = [];
    const seen = new Set<string>();
    const add = (from: AlignmentRecord | undefined, to: AlignmentRecord | undefined, kind: EdgeKind) => {
      if (!from || !to || from === to || !members.has(from) || !members.has(to)) return;
      const key = `${records.indexOf(from)}>${records.indexOf(to)}:${kind}`;
      if (seen.has(key)) return;
      seen.add(key);
      local.push({ from, to, kind });
    };
    for (const record of records) {
      for (const m of record.supersedes) add(record, index.lookup(m.id), 'supersedes');
      for (const m of record.supersededBy) add(index.lookup(m.id), record, 'supersedes');
      if (record.kind === 'decision') for (const a of index.assumptionsOf(record)) add(record, a, 'relies-on');
    }
    const linked = new Set<AlignmentRecord>();
    for (const e of local) linked.add(e.from).add(e.to);
    const position = new Map<AlignmentRecord, number>();
    for (const record of records) {
      if (!linked.has(record)) {
        isolated++;
        continue;
      }
      position.set(record, nodes.length);
      nodes.push(toRef(input.key, record));
    }
    for (const e of local) edges.push({ from: position.get(e.from)!, to: position.get(e.to)!, kind: e.kind });
  }
  return { nodes, edges, isolated };
}

function reviewsDue(all: { key: string; record: AlignmentRecord }[], now: Date, windowDays: number): ReviewDue[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const result: ReviewDue[] = [];
  for (const { key, record } of all) {
    const live = record.kind === 'decision' ? isLiveDecisionStatus(record.status) : record.status === 'active' || record.status === 'validated';
    const due = record.kind === 'decision' ? record.reviewBy : record.validateBy;
    const match = due ? /^(\d{4})-(\d{2})-(\d{2})/.exec(due) : null;
    if (!live || !match) continue;
    const daysLeft = Math.round((Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - today) / 86_400_000);
    if (Number.isNaN(daysLeft) || daysLeft > windowDays) continue;
    result.push({ ...toRef(key, record), due: due!.slice(0, 10), daysLeft });
  }
  return result.sort((a, b) => a.daysLeft - b.daysLeft || compareIds(a.id, b.id));
}

/** Code references that resolve to the records in view. */
function countReferences(index: AlignmentIndex): number {
  let n = 0;
  for (const record of [...index.decisions, ...index.assumptions]) n += index.referencesTo(record.id).length;
  return n;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const result = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) result[v]++;
  return result;
}

function maxOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
