/** Decision records: file names, status normalisation and the multi-dialect parser. */
export { parseDecision, type DecisionParseOptions } from './parse-decision';
export { normaliseDecisionStatus } from './status';
export {
  decisionFileInfo,
  decisionPathInfo,
  isRecordLikeFileName,
  isTemplateFileName,
  humaniseSlug,
  recordFormat,
  RECORD_EXTENSION,
  type DecisionFileInfo,
  type RecordFormat,
} from './file-names';
export { resolveDecisionRef, resolveAssumptionRef, resolveLinkTarget } from './ref-resolution';
export { normaliseDate } from './dates';
