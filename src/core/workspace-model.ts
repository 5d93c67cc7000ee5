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
import { roleOf, type FileRole, type Layout } from './layout';
import type { Assumption, CodeReference, Decision, ParseProblem } from './model';
import { scanReferences } from './references';
import { runRules } from './rules';

interface FileEntry {
  role: FileRole;
  decision?: Decision;
  assumptions: Assumption[];
  references: CodeReference[];
  problems: ParseProblem[];
}

export class WorkspaceModel {
  private readonly files = new Map<string, FileEntry>();
  private cached: AlignmentIndex | undefined;

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
    this.currentConfig = { ...this.currentConfig, severity: config.severity, approvalOverdueDays: config.approvalOverdueDays, allowAnyApprover: config.allowAnyApprover };
    this.cached = undefined;
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
    const entry = this.parse(path, role, text);
    // Code without references is not kept: most files of a large workspace are such.
    if (role === 'code' && entry.references.length === 0) this.remove(path);
    else {
      this.files.set(path, entry);
      this.cached = undefined;
    }
    return true;
  }

  /** Records a file that could not be read as text (binary, too large, unreadable). */
  updateUnreadable(path: string, reason: string): void {
    const role = this.roleOf(path);
    if (!role) return;
    if (role === 'code') {
      this.remove(path);
      return;
    }
    const problem: ParseProblem = {
      code: 'record.schema',
      message: `${path} is not a readable record: ${reason}.`,
      range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
    };
    this.files.set(path, { role, assumptions: [], references: [], problems: [problem] });
    this.cached = undefined;
  }

  remove(path: string): void {
    if (this.files.delete(path)) this.cached = undefined;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  get index(): AlignmentIndex {
    if (!this.cached) {
      const decisions: Decision[] = [];
      const assumptions: Assumption[] = [];
      const references: CodeReference[] = [];
      const problems: FileProblem[] = [];
      for (const [path, entry] of this.files) {
        if (entry.decision) decisions.push(entry.decision);
        assumptions.push(...entry.assumptions);
        references.push(...entry.references);
        for (const p of entry.problems) problems.push({ ...p, path });
      }
      this.cached = new AlignmentIndex({ decisions, assumptions, references, problems });
    }
    return this.cached;
  }

  /** All findings, with severities applied; `now` is the clock for time-based rules. */
  findings(now: Date, filesInWorkspace?: readonly string[]): Finding[] {
    return runRules({ index: this.index, config: this.config, now, files: filesInWorkspace ?? this.paths() });
  }

  private parse(path: string, role: FileRole, text: string): FileEntry {
    const { decisionPrefix, assumptionPrefix } = this.config;
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
      case 'code': {
        const references = scanReferences(path, text, {
          decisionPrefix,
          assumptionPrefix,
          decisionFolders: this.layout.decisionFolders,
        });
        return { role, assumptions: [], references, problems: [] };
      }
    }
  }
}
