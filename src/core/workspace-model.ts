/**
 * The engine's state for one workspace folder: per-file parse results, kept current by
 * `update`/`remove`, and the resolved index computed lazily from them. The CLI feeds it
 * once; the extension feeds it on every change. It never reads files itself.
 */
import { AlignmentIndex, type FileProblem } from './alignment-index';
import { parseAssumptionFile, parseAssumptionRegister } from './assumptions';
import type { AlignmentConfig } from './config';
import { parseDecision } from './decisions';
import type { Finding } from './findings';
import { RECORD_KEY, type FileHistories } from './governance/history';
import type { BranchRecords } from './governance/numbers';
import { roleOf, type FileRole, type Layout } from './layout';
import type { AlignmentRecord, Assumption, CodeReference, Decision, ParseProblem } from './model';
import { codeReferences, type ScanOptions } from './references';
import { collectFindings, FILE_RULES, RECORD_RULES, runRules, sortFindings, type RuleContext } from './rules';
import { withLineFeeds } from './line-endings';

interface FileEntry {
  role: FileRole;
  decision?: Decision;
  assumptions: Assumption[];
  references: CodeReference[];
  problems: ParseProblem[];
}

type RecordRole = Exclude<FileRole, 'code'>;

/** A record file parsed by parseRecordFile, for one role: what `update` stores for it. */
export interface ParsedRecordFile {
  readonly role: RecordRole;
  readonly entry: FileEntry;
}

export class WorkspaceModel {
  private readonly files = new Map<string, FileEntry>();
  /** Code references by file, kept current as files change. */
  private readonly referencesByPath = new Map<string, CodeReference[]>();
  private cached: AlignmentIndex | undefined;
  /** Set when a record file changed: the next index resolves records again. */
  private recordsChanged = true;
  private recordFindingsCache: { index: AlignmentIndex; day: string; byPath: Map<string, Finding[]>; all: Finding[] } | undefined;
  /** Limits reached: record files left out, code files whose references were cut, findings not reported. */
  private readonly recordsLeftOut = new Set<string>();
  /** The record files (decision, assumption, register) indexed now. */
  private readonly recordPaths = new Set<string>();
  private readonly referencesCut = new Set<string>();
  private findingsLeftOut = 0;

  constructor(
    private currentConfig: AlignmentConfig,
    readonly layout: Layout,
  ) {}

  get config(): AlignmentConfig {
    return this.currentConfig;
  }

  /**
   * Takes settings that only affect rules (severities, thresholds). Settings that change
   * what is parsed (folders, prefixes, excludes) need a new model instead.
   */
  setRuleConfig(config: AlignmentConfig): void {
    this.currentConfig = {
      ...this.currentConfig,
      severity: config.severity,
      approvalOverdueDays: config.approvalOverdueDays,
      allowAnyApprover: config.allowAnyApprover,
      reviewEvery: config.reviewEvery,
      validateEvery: config.validateEvery,
      maxFindings: config.maxFindings,
    };
    this.recordFindingsCache = undefined;
  }

  /**
   * Status histories from git by record file (undefined: none available). Records get
   * them as `history` in the next index; a file's entries follow it across renames.
   */
  setHistory(histories: FileHistories | undefined): void {
    this.histories = histories;
    this.invalidate('decision');
  }

  /** Record entries on other branches, for `record.number-taken` (undefined: not known). */
  setBranches(branches: BranchRecords | undefined): void {
    this.branchRecords = branches;
    this.recordFindingsCache = undefined;
  }

  get branches(): BranchRecords | undefined {
    return this.branchRecords;
  }

  roleOf(path: string): FileRole | undefined {
    return roleOf(path, this.layout);
  }

  /** Parses one file's text by its role. Returns false when the file plays no role. */
  update(path: string, text: string): boolean {
    const role = this.roleOf(path);
    if (!role) {
      this.remove(path);
      return false;
    }
    if (role !== 'code' && this.recordLeftOut(path)) return true;
    this.recordsLeftOut.delete(path);
    this.store(path, this.parse(path, role, text));
    return true;
  }

  /**
   * `update` with the file parsed before (parseRecordFile, with this model's
   * configuration). False, and nothing done, when the path's role here is another one.
   */
  updateParsed(path: string, parsed: ParsedRecordFile): boolean {
    if (this.roleOf(path) !== parsed.role) return false;
    if (this.recordLeftOut(path)) return true;
    this.recordsLeftOut.delete(path);
    this.store(path, parsed.entry);
    return true;
  }

  /** A record file new to the index once maxRecords are indexed is left out (and remembered as such). */
  private recordLeftOut(path: string): boolean {
    if (this.files.has(path) || this.recordFileCount() < this.config.maxRecords) return false;
    this.recordsLeftOut.add(path);
    return true;
  }

  /**
   * Takes a code file's references as `codeReferences` found them elsewhere (another
   * thread read the file), with `update`'s limits. Returns false when the path is not code.
   */
  updateCodeReferences(path: string, references: CodeReference[]): boolean {
    if (this.roleOf(path) !== 'code') return false;
    this.recordsLeftOut.delete(path);
    this.store(path, { role: 'code', assumptions: [], references, problems: [] });
    return true;
  }

  /** What `codeReferences` needs to scan this model's code files as `update` does. */
  get scanOptions(): ScanOptions {
    const { decisionPrefix, assumptionPrefix } = this.config;
    return { decisionPrefix, assumptionPrefix, decisionFolders: this.layout.decisionFolders };
  }

  private store(path: string, entry: FileEntry): void {
    const role = entry.role;
    if (role === 'code' && entry.references.length > this.config.maxReferencesPerFile) {
      entry.references = entry.references.slice(0, this.config.maxReferencesPerFile);
      this.referencesCut.add(path);
    } else {
      this.referencesCut.delete(path);
    }
    // Code without references is not kept: most files of a large workspace are such.
    if (role === 'code' && entry.references.length === 0) this.remove(path);
    else this.set(path, entry);
  }

  /** Records a file that could not be read as text (binary, too large, unreadable). */
  updateUnreadable(path: string, reason: string): void {
    const role = this.roleOf(path);
    if (!role) return;
    if (role === 'code') {
      this.remove(path);
      return;
    }
    this.set(path, { role, assumptions: [], references: [], problems: [fileProblem(`${path} is not a readable record: ${reason}`)] });
  }

  remove(path: string): void {
    this.recordsLeftOut.delete(path);
    this.referencesCut.delete(path);
    const entry = this.files.get(path);
    if (!entry) return;
    this.files.delete(path);
    this.recordPaths.delete(path);
    this.referencesByPath.delete(path);
    this.invalidate(entry.role);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The resolved index; after a code-only change it reuses the record resolution. */
  get index(): AlignmentIndex {
    if (this.cached) return this.cached;
    const references = new Map(this.referencesByPath);
    if (!this.recordsChanged && this.lastIndex) {
      this.cached = new AlignmentIndex({ decisions: [], assumptions: [], references, problems: [] }, this.lastIndex);
    } else {
      const decisions: Decision[] = [];
      const assumptions: Assumption[] = [];
      const problems: FileProblem[] = [];
      for (const [path, entry] of this.files) {
        if (entry.role === 'code') continue;
        const history = this.histories?.get(path);
        if (entry.decision) decisions.push(history?.has(RECORD_KEY) ? { ...entry.decision, history: history.get(RECORD_KEY) } : entry.decision);
        for (const a of entry.assumptions) assumptions.push(history?.has(a.id) ? { ...a, history: history.get(a.id) } : a);
        for (const p of entry.problems) problems.push({ ...p, path });
      }
      this.cached = new AlignmentIndex({ decisions, assumptions, references, problems });
    }
    this.lastIndex = this.cached;
    this.recordsChanged = false;
    return this.cached;
  }

  /** All findings, with severities applied; `now` is the clock for time-based rules. */
  findings(now: Date, filesInWorkspace?: readonly string[]): Finding[] {
    const files = filesInWorkspace ?? this.paths();
    const fileFindings = runRules(this.context(now, files), FILE_RULES);
    const all = sortFindings([...this.recordFindings(now).all, ...fileFindings]);
    this.findingsLeftOut = Math.max(0, all.length - this.config.maxFindings);
    return this.findingsLeftOut > 0 ? all.slice(0, this.config.maxFindings) : all;
  }

  /**
   * What a configured limit left out, one sentence each (empty when no limit was reached).
   * The findings limit is the last full `findings()` call's.
   */
  limitNotices(): string[] {
    const notices: string[] = [];
    const some = (set: ReadonlySet<string>) => [...set].sort().slice(0, 3).join(', ') + (set.size > 3 ? ', …' : '');
    if (this.recordsLeftOut.size > 0) {
      notices.push(`${this.recordsLeftOut.size} record file(s) were left out after ${this.config.maxRecords} (maxRecords): ${some(this.recordsLeftOut)}; raise maxRecords to index them.`);
    }
    if (this.referencesCut.size > 0) {
      notices.push(`${this.referencesCut.size} code file(s) have more than ${this.config.maxReferencesPerFile} references (maxReferencesPerFile); the rest were dropped: ${some(this.referencesCut)}.`);
    }
    if (this.findingsLeftOut > 0) {
      notices.push(`${this.findingsLeftOut} more finding(s) were not reported after ${this.config.maxFindings} (maxFindings); raise maxFindings to see them.`);
    }
    return notices;
  }

  private recordFileCount(): number {
    return this.recordPaths.size;
  }

  /**
   * Findings located in one file: the cached record findings there plus the file rules
   * run on that file alone — what one saved code file costs.
   */
  findingsFor(path: string, now: Date, filesInWorkspace?: readonly string[]): Finding[] {
    return this.findingsForFiles([path], now, filesInWorkspace).get(path) ?? [];
  }

  /**
   * `findingsFor` of many files in one pass of the file rules (a branch switch's thousands
   * of files): path → its findings, sorted; files without findings are left out.
   */
  findingsForFiles(paths: readonly string[], now: Date, filesInWorkspace?: readonly string[]): Map<string, Finding[]> {
    const byPath = new Map<string, Finding[]>();
    const records = this.recordFindings(now).byPath;
    for (const path of paths) {
      const atPath = records.get(path);
      if (atPath) byPath.set(path, [...atPath]);
    }
    const unsorted = new Set<Finding[]>();
    for (const finding of collectFindings({ ...this.context(now, filesInWorkspace ?? this.paths()), only: paths }, FILE_RULES)) {
      const list = byPath.get(finding.path);
      if (!list) byPath.set(finding.path, [finding]);
      else {
        unsorted.add(list);
        list.push(finding);
      }
    }
    // Sorted file by file: most files have one finding, and no list needs the others' order.
    for (const list of unsorted) sortFindings(list);
    return byPath;
  }

  private lastIndex: AlignmentIndex | undefined;
  private histories: FileHistories | undefined;
  private branchRecords: BranchRecords | undefined;

  private context(now: Date, files: readonly string[]): RuleContext {
    return { index: this.index, config: this.config, now, files, branches: this.branchRecords };
  }

  /**
   * The files that hold record findings now (the record rules' findings, the only ones git
   * facts, histories and other branches, can change).
   */
  recordFindingPaths(now: Date): string[] {
    return [...this.recordFindings(now).byPath.keys()];
  }

  private recordFindings(now: Date) {
    const index = this.index;
    const day = now.toISOString().slice(0, 10);
    const cache = this.recordFindingsCache;
    if (cache && cache.index.decisions === index.decisions && cache.day === day) return cache;
    const all = runRules(this.context(now, []), RECORD_RULES);
    const byPath = new Map<string, Finding[]>();
    for (const f of all) {
      const list = byPath.get(f.path);
      if (list) list.push(f);
      else byPath.set(f.path, [f]);
    }
    this.recordFindingsCache = { index, day, byPath, all };
    return this.recordFindingsCache;
  }

  private set(path: string, entry: FileEntry): void {
    const previous = this.files.get(path);
    this.files.set(path, entry);
    if (entry.role === 'code') this.recordPaths.delete(path);
    else this.recordPaths.add(path);
    if (entry.role === 'code') this.referencesByPath.set(path, entry.references);
    else this.referencesByPath.delete(path);
    this.invalidate(entry.role);
    if (previous && previous.role !== entry.role) this.invalidate(previous.role);
  }

  private invalidate(role: FileRole): void {
    this.cached = undefined;
    if (role !== 'code') {
      this.recordsChanged = true;
      this.recordFindingsCache = undefined;
    }
  }

  /** The records a record file's text states (for editors showing unsaved text). */
  recordsIn(path: string, text: string): AlignmentRecord[] {
    const role = this.roleOf(path);
    if (!role || role === 'code') return [];
    const entry = this.parse(path, role, text);
    return entry.decision ? [entry.decision] : entry.assumptions;
  }

  /** Parses one file by its role (never throws, see parseRecordFile). */
  private parse(path: string, role: FileRole, written: string): FileEntry {
    if (role === 'code') return { role, assumptions: [], references: codeReferences(path, written, this.scanOptions), problems: [] };
    return parseRecordFile(this.config, path, role, written).entry;
  }
}

/**
 * Parses a record file for `role` as `update` does. It needs only the configuration, not
 * the layout: a file can be parsed while the listing streams and handed to `updateParsed`
 * once the layout says its role. Never throws: an empty record file, or a failure of a
 * parser on some input nobody foresaw, becomes a problem on that file and the rest of the
 * run goes on.
 */
export function parseRecordFile(config: AlignmentConfig, path: string, role: RecordRole, written: string): ParsedRecordFile {
  const text = withLineFeeds(written);
  if (role !== 'assumption-register' && text.trim() === '') {
    return { role, entry: { role, assumptions: [], references: [], problems: [fileProblem(`${path} is empty: it holds no ${role === 'decision' ? 'decision record' : 'assumption'}`)] } };
  }
  try {
    return { role, entry: parseUnguarded(config, path, role, text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { role, entry: { role, assumptions: [], references: [], problems: [fileProblem(`${path} could not be read as a record (${reason.slice(0, 200)}); it is left out of the index`)] } };
  }
}

function parseUnguarded(config: AlignmentConfig, path: string, role: RecordRole, text: string): FileEntry {
  const { decisionPrefix, assumptionPrefix } = config;
  switch (role) {
    case 'decision': {
      const result = parseDecision(path, text, { prefix: decisionPrefix, assumptionPrefix });
      return { role, decision: result.decision, assumptions: [], references: [], problems: result.problems };
    }
    case 'assumption': {
      const result = parseAssumptionFile(path, text, { prefix: assumptionPrefix, decisionPrefix });
      return { role, assumptions: result.assumptions, references: [], problems: result.problems };
    }
    case 'assumption-register': {
      const result = parseAssumptionRegister(path, text, { prefix: assumptionPrefix, decisionPrefix });
      return { role, assumptions: result.assumptions, references: [], problems: result.problems };
    }
  }
}

/** A problem about a whole file, at its start. */
function fileProblem(message: string): ParseProblem {
  return { code: 'record.schema', message: `${message}.`, range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } } };
}

