/**
 * Record edits: pure text transformations behind the editor's commands. Each takes a
 * file's text and returns its new text (or why it cannot be changed), keeping comments,
 * key order and formatting of everything it does not change.
 */
export {
  addFrontMatter,
  addSupersession,
  markSuperseded,
  refusesRecordEdits,
  setApproval,
  setDecisionStatus,
  type RecordLink,
  type StatusOptions,
} from './decision-edits';
export { appendAssumption, setAssumptionStatus, type AssumptionStatusChange, type NewAssumptionFields } from './assumption-edits';
export { linkComment, type LinkTarget } from './link-comment';
export { minimalReplacement, type EditResult, type Replacement } from './text';
