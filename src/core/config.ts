/**
 * Effective configuration, as plain data handed to the engine. Built from defaults,
 * editor settings and `.alignment.yaml` (the file wins for the repository).
 */
import type { SeverityOrOff } from './findings';
import type { ConfigInput } from './schemas';

export interface AlignmentConfig {
  /** Decision folders; empty means detect them (DESIGN §2). */
  decisionFolders: string[];
  assumptionFolders: string[];
  decisionPrefix: string;
  assumptionPrefix: string;
  exclude: string[];
  severity: Partial<Record<string, SeverityOrOff>>;
  approvalOverdueDays: number;
  allowAnyApprover: boolean;
  maxFileSizeKb: number;
  /** Review cadence of accepted decisions without review-by (`180d`, `6m`); unset: none. */
  reviewEvery?: string;
  /** Validation cadence of active assumptions without validate-by; unset: none. */
  validateEvery?: string;
  /** Record files indexed at most; more are left out, with a notice (limitNotices). */
  maxRecords: number;
  /** References kept per code file; more are dropped, with a notice. */
  maxReferencesPerFile: number;
  /** Findings reported at most; more are counted, with a notice. */
  maxFindings: number;
}

export const DEFAULT_CONFIG: AlignmentConfig = {
  decisionFolders: [],
  assumptionFolders: ['docs/assumptions', 'assumptions'],
  decisionPrefix: 'ADR',
  assumptionPrefix: 'ASM',
  exclude: [],
  severity: {},
  approvalOverdueDays: 7,
  allowAnyApprover: false,
  maxFileSizeKb: 1024,
  maxRecords: 20_000,
  maxReferencesPerFile: 2_000,
  maxFindings: 20_000,
};

/** Later layers win; `undefined` keys leave the earlier value. */
export function mergeConfig(...layers: (ConfigInput | undefined)[]): AlignmentConfig {
  const result: AlignmentConfig = { ...DEFAULT_CONFIG, severity: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'severity') result.severity = { ...result.severity, ...(value as object) };
      else (result as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
