/**
 * The engine's data model. Plain data only: no editor, no file system.
 *
 * Positions are 0-based (line and UTF-16 column) everywhere inside the core;
 * the CLI and the extension convert them once at their edge.
 * Paths are workspace-relative with `/` separators.
 */

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type DecisionStatus = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';
export const DECISION_STATUSES: readonly DecisionStatus[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown'];

export type AssumptionStatus = 'active' | 'validated' | 'invalidated' | 'superseded' | 'retired';
export const ASSUMPTION_STATUSES: readonly AssumptionStatus[] = ['active', 'validated', 'invalidated', 'superseded', 'retired'];

export type ApprovalState = 'approved' | 'rejected' | 'pending';
export type Level = 'low' | 'medium' | 'high';

/** The way a decision record is written; edits keep to the record's own dialect. */
export type Dialect = 'frontmatter' | 'madr3' | 'madr2' | 'nygard';

export type RecordKind = 'decision' | 'assumption';

/** Where a record's status was read from (`statusSource` in `list --format json`). */
/**
 * `bullet`: a header line with a list marker (`* Status: …`); `line`: a plain header line
 * (`Status: …`); `field`: an RST field or AsciiDoc attribute (`:status: …`).
 */
export type StatusSource = 'front-matter' | 'table' | 'bullet' | 'line' | 'field' | 'section' | 'tags' | 'yaml' | 'register';

/** One change of a record's status in version control, oldest first in `history`. */
export interface HistoryEntry {
  commit: string;
  /** ISO date (YYYY-MM-DD) of the commit. */
  date: string;
  author: string;
  /** The status the record had after this commit (normalised). */
  status: string;
}

/** An id as written inside a record (e.g. in `supersedes:` or a Nygard status line), with where it was written. */
export interface IdMention {
  /** The id as resolved from the text: `ADR-0005`, `ASM-3`, or a slug for slug-named records. */
  id: string;
  range: Range;
  /**
   * The record a link's text names when its target names another (`[ADR-9](0009-old-name.md)`):
   * used when the target is no record here (a renamed file), still reported as dangling.
   */
  fallback?: string;
}

export interface Approver {
  name: string;
  state: ApprovalState;
  date?: string;
  comment?: string;
  range?: Range;
}

/** Amends / Clarifies links of the Nygard dialect, kept for display; they do not change status. */
export interface RecordRelation {
  kind: 'amends' | 'amended-by' | 'clarifies' | 'clarified-by';
  target: IdMention;
}

export interface Decision {
  kind: 'decision';
  /** Display id: front matter `id`, else `<prefix>-<digits as in the file name>`, else the H1 number, else the file stem. */
  id: string;
  /** The record's number, when it has one (from the id, file name or H1). */
  number?: number;
  title: string;
  status: DecisionStatus;
  /** The status as written ("Accepted, implemented"), or '' when none is stated. */
  statusText: string;
  dialect: Dialect;
  path: string;
  /** Line of the record's definition (its H1, else its first line). */
  line: number;
  /** Where the id or title is stated, for diagnostics about the record as a whole. */
  range: Range;
  /** Where the status is stated, if anywhere. */
  statusRange?: Range;
  statusSource?: StatusSource;
  /** Status changes from git, when history is available (filled by the node layer, not the parsers). */
  history?: HistoryEntry[];
  date?: string;
  owner?: string;
  ownerRange?: Range;
  approvers: Approver[];
  deciders: string[];
  consulted: string[];
  informed: string[];
  supersedes: IdMention[];
  supersededBy: IdMention[];
  relations: RecordRelation[];
  assumptions: IdMention[];
  reviewBy?: string;
  reviewByRange?: Range;
  /** When it was last reviewed (`reviewed:`): the review cadence counts from here. */
  reviewed?: string;
  tags: string[];
  appliesTo: string[];
  /** First paragraph of the context/decision text, plain text, for hover cards. */
  summary: string;
}

export interface Assumption {
  kind: 'assumption';
  id: string;
  number?: number;
  statement: string;
  status: AssumptionStatus;
  owner?: string;
  ownerRange?: Range;
  path: string;
  line: number;
  range: Range;
  statusRange?: Range;
  statusSource?: StatusSource;
  /** Status changes from git, when history is available (filled by the node layer, not the parsers). */
  history?: HistoryEntry[];
  confidence?: Level;
  impact?: Level;
  validateBy?: string;
  validateByRange?: Range;
  evidence?: string;
  supersedes: IdMention[];
  supersededBy: IdMention[];
  decisions: IdMention[];
  tags: string[];
}

export type AlignmentRecord = Decision | Assumption;

export type ReferenceKind = 'tag' | 'mention' | 'anchor' | 'path';

/** A place in code (inside a comment) that names a record. */
export interface CodeReference {
  path: string;
  /** 0-based line and column of the id's first character; `endColumn` is exclusive. */
  line: number;
  column: number;
  endColumn: number;
  /** The text as written at that place: `ADR-0009`, `ADR 9`, `docs/adr/0009-x.md`. */
  text: string;
  /** The id it names (`ADR-0009`, `ASM-3`, or a slug for `@adr <slug>` and paths); resolved against the index later. */
  id: string;
  kind: ReferenceKind;
  /** Which kind of record the id names, as far as the text tells (prefix or tag). */
  recordKind: RecordKind;
}

/** A problem a parser found in one file: syntax or schema errors, at their position. */
export interface ParseProblem {
  code: 'record.yaml' | 'record.schema' | 'record.conflict';
  message: string;
  range: Range;
}

export interface DecisionParseResult {
  /** Undefined when the file holds no record at all (e.g. empty or binary). */
  decision?: Decision;
  problems: ParseProblem[];
}

export interface AssumptionParseResult {
  assumptions: Assumption[];
  problems: ParseProblem[];
}

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

export const FILE_START: Range = range(0, 0, 0, 0);
