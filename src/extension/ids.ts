/**
 * Every id the extension shares with package.json, declared once. A unit test checks
 * that each matches a contribution, so a misspelt id cannot ship.
 */
export const EXTENSION_ID = 'execution-alignment.execution-alignment';

export const COMMANDS = {
  recordDecision: 'alignment.recordDecision',
  recordAssumption: 'alignment.recordAssumption',
  approveDecision: 'alignment.approveDecision',
  rejectDecision: 'alignment.rejectDecision',
  supersedeDecision: 'alignment.supersedeDecision',
  setAssumptionStatus: 'alignment.setAssumptionStatus',
  linkSelection: 'alignment.linkSelection',
  showReferences: 'alignment.showReferences',
  openRecord: 'alignment.openRecord',
  openReport: 'alignment.openReport',
  exportReport: 'alignment.exportReport',
  refresh: 'alignment.refresh',
  revealInDecisions: 'alignment.revealInDecisions',
} as const;

/** Commands that hover cards may link to; no other command link is ever rendered. */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.openRecord, COMMANDS.showReferences];

export const VIEW_CONTAINER = 'alignment';
export const VIEWS = {
  pendingApprovals: 'alignment.pendingApprovals',
  owners: 'alignment.owners',
  decisions: 'alignment.decisions',
  assumptions: 'alignment.assumptions',
  attention: 'alignment.attention',
  governing: 'alignment.governing',
} as const;

/** Context keys the extension sets (for `when` clauses in package.json). */
export const CONTEXT_KEYS = {
  /** True once every workspace folder has been indexed. */
  indexed: 'alignment.indexed',
  /** Walkthrough: a decision record is open in an editor. */
  walkthroughDecisionOpen: 'alignment.walkthrough.decisionOpen',
  /** Walkthrough: code gained a reference to a decision. */
  walkthroughCodeLinked: 'alignment.walkthrough.codeLinked',
  /** Walkthrough: a decision gained an approval. */
  walkthroughApproved: 'alignment.walkthrough.approved',
} as const;

/** The first-run walkthrough (`contributes.walkthroughs`) and its steps. */
export const WALKTHROUGH = {
  id: 'firstDecision',
  steps: { decision: 'decision', link: 'link', problems: 'problems', sidebar: 'sidebar', approve: 'approve' },
} as const;

export const SETTINGS_SECTION = 'alignment';
/** Setting keys under `alignment.` (same keys as `.alignment.yaml`, plus editor-only ones). */
export const SETTINGS = {
  decisionFolders: 'decisionFolders',
  assumptionFolders: 'assumptionFolders',
  decisionPrefix: 'decisionPrefix',
  assumptionPrefix: 'assumptionPrefix',
  exclude: 'exclude',
  severity: 'severity',
  approvalOverdueDays: 'approvalOverdueDays',
  allowAnyApprover: 'allowAnyApprover',
  maxFileSizeKb: 'maxFileSizeKb',
  reviewEvery: 'reviewEvery',
  validateEvery: 'validateEvery',
  maxRecords: 'maxRecords',
  maxReferencesPerFile: 'maxReferencesPerFile',
  maxFindings: 'maxFindings',
  identity: 'identity',
  ripgrepPath: 'ripgrepPath',
} as const;

export const DIAGNOSTIC_SOURCE = 'alignment';

