/**
 * The statuses a past version of a record file states, for the history walk: parsed
 * with the same parsers as the current file. The parser is chosen by the path (a
 * file's past paths may lie outside today's record folders): YAML files hold
 * assumptions (by id), `ASSUMPTIONS.md` is a register, other record files are decisions.
 */
import { isAssumptionRegisterName, parseAssumptionSource } from '../assumptions';
import { isRecordLikeFileName, parseDecision } from '../decisions';
import { RECORD_KEY, type StatusesOf } from './history';

export interface StatusOptions {
  decisionPrefix: string;
  assumptionPrefix: string;
}

const YAML = /\.ya?ml$/i;
const FOLDER_FORM = /(?:^|\/)([^/]+)\/(?:index|readme)\.(?:md|markdown)$/i;

/** Whether a path may hold a record whose status history is wanted. */
export function isHistoryPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (YAML.test(name) || isAssumptionRegisterName(name) || isRecordLikeFileName(name)) return true;
  const folderForm = FOLDER_FORM.exec(path);
  return folderForm !== null && isRecordLikeFileName(`${folderForm[1]}.md`);
}

export function statusesOf(options: StatusOptions): StatusesOf {
  return (path, text) => {
    const statuses = new Map<string, string>();
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (YAML.test(name) || isAssumptionRegisterName(name)) {
      for (const a of parseAssumptionSource(path, text, { prefix: options.assumptionPrefix, decisionPrefix: options.decisionPrefix }).assumptions) {
        if (!statuses.has(a.id)) statuses.set(a.id, a.status);
      }
      return statuses;
    }
    const decision = parseDecision(path, text, { prefix: options.decisionPrefix, assumptionPrefix: options.assumptionPrefix }).decision;
    if (decision) statuses.set(RECORD_KEY, decision.status);
    return statuses;
  };
}
