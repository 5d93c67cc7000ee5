/**
 * What a hover card says about a record, as plain data (rendered by the editor, where
 * every text field is untrusted workspace text and escaped).
 */
import type { AlignmentIndex } from './alignment-index';
import { historyText } from './governance/history';
import type { AlignmentRecord, ApprovalState, StatusSource } from './model';

const STATUS_SOURCE_LABELS: Record<StatusSource, string> = {
  'front-matter': 'front matter',
  table: 'metadata table',
  bullet: 'header bullet',
  line: 'header line',
  field: 'header field',
  section: 'Status section',
  tags: 'tags',
  yaml: 'YAML',
  register: 'register',
};

/** How a hover names where a status came from: `Status section`, `front matter`, … */
export function statusSourceLabel(source: StatusSource | undefined): string {
  return source ? STATUS_SOURCE_LABELS[source] : '';
}

export interface RecordCard {
  id: string;
  kind: 'decision' | 'assumption';
  title: string;
  status: string;
  statusText: string;
  /** Where the status was read: "the Status section", "the front matter", … (empty when none). */
  statusFrom: string;
  owner?: string;
  approvers: { name: string; state: ApprovalState; date?: string }[];
  date?: string;
  /** review-by for decisions, validate-by for assumptions. */
  dueBy?: string;
  dueLabel: string;
  summary: string;
  /** Ids and titles from this record to the live end, when superseded. */
  chain: { id: string; title: string; status: string }[];
  /** What this record supersedes. */
  supersedes: string[];
  /** Assumptions a decision relies on (or decisions an assumption supports), with status. */
  links: { id: string; title: string; status: string }[];
  linksLabel: string;
  referenceCount: number;
  /** "proposed 2026-10-02 by alice · accepted 2026-10-09 by bob", when git history is known. */
  history: string;
  path: string;
  line: number;
}

export function recordCard(index: AlignmentIndex, record: AlignmentRecord): RecordCard {
  const chain = index
    .chain(record)
    .slice(1)
    .map((r) => ({ id: r.id, title: titleOf(r), status: r.status }));
  const referenceCount = index.referencesTo(record.id).length;
  if (record.kind === 'decision') {
    return {
      id: record.id,
      kind: 'decision',
      title: record.title,
      status: record.status,
      statusText: record.statusText,
      statusFrom: statusSourceLabel(record.statusSource),
      owner: record.owner ?? record.deciders[0],
      approvers: record.approvers.map((a) => ({ name: a.name, state: a.state, date: a.date })),
      date: record.date,
      dueBy: record.reviewBy,
      dueLabel: 'Review by',
      summary: record.summary,
      chain,
      supersedes: record.supersedes.map((m) => m.id),
      links: index.assumptionsOf(record).map((a) => ({ id: a.id, title: a.statement, status: a.status })),
      linksLabel: 'Relies on',
      referenceCount,
      history: historyText(record.history),
      path: record.path,
      line: record.line,
    };
  }
  return {
    id: record.id,
    kind: 'assumption',
    title: record.statement,
    status: record.status,
    statusText: record.status,
    statusFrom: statusSourceLabel(record.statusSource),
    owner: record.owner,
    approvers: [],
    dueBy: record.validateBy,
    dueLabel: 'Validate by',
    summary: record.evidence ?? '',
    chain,
    supersedes: record.supersedes.map((m) => m.id),
    links: index.dependantsOf(record).map((d) => ({ id: d.id, title: d.title, status: d.status })),
    linksLabel: 'Decisions relying on it',
    referenceCount,
    history: historyText(record.history),
    path: record.path,
    line: record.line,
  };
}

function titleOf(record: AlignmentRecord): string {
  return record.kind === 'decision' ? record.title : record.statement;
}
