/**
 * Approve Decision… / Reject Decision…: records my approval or rejection, with the
 * date and an optional comment, in the record's front matter. When every approver has
 * approved, offers to set the status to accepted. Only named approvers may do it unless
 * `alignment.allowAnyApprover` is set.
 */
import { parseDecision } from '../../core/decisions';
import { addFrontMatter, refusesRecordEdits, setApproval, setDecisionStatus } from '../../core/edits';
import { samePerson } from '../../core/governance/people';
import type { ApprovalState, Decision } from '../../core/model';
import type { FolderIndex } from '../folder-index';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { allDecisions, changeFile, decisionItem, me, recordFromArgs, today, type RecordHit } from './shared';

type Verdict = Exclude<ApprovalState, 'pending'>;

/** Whether `person` is among the decision's approvers (or, when it names none, its deciders). */
export function isApprover(decision: Decision, person: string): boolean {
  if (decision.approvers.length > 0) return decision.approvers.some((a) => samePerson(a.name, person));
  return decision.deciders.some((d) => samePerson(d, person));
}

export async function decide(service: IndexService, verdict: Verdict, args: readonly unknown[]): Promise<boolean> {
  const verb = verdict === 'approved' ? 'approve' : 'reject';
  await service.whenIdle();
  const hit = await target(service, verb, args);
  if (!hit) return false;
  const { folder, record: decision } = hit;
  const refusal = refusesRecordEdits(decision.path);
  if (refusal) {
    void prompts.showWarningMessage(refusal);
    return false;
  }
  const self = await me(folder);
  if (!self) {
    void prompts.showWarningMessage(`Who are you? Set \`alignment.identity\` (or git's user.email) to ${verb} decisions.`);
    return false;
  }
  const allowAny = folder.config?.config.allowAnyApprover ?? false;
  if (!isApprover(decision, self) && !allowAny) {
    const named = decision.approvers.map((a) => a.name).join(', ') || 'nobody';
    void prompts.showWarningMessage(
      `You (${self}) are not an approver of ${decision.id} "${decision.title}"; its approvers are ${named}. Ask its owner${decision.owner ? ` (${decision.owner})` : ''} to add you, or set \`alignment.allowAnyApprover\`.`,
    );
    return false;
  }
  const comment = await prompts.showInputBox({
    title: `${verdict === 'approved' ? 'Approve' : 'Reject'} ${decision.id}: ${decision.title}`,
    prompt: verdict === 'approved' ? 'Comment (optional)' : 'Why? (optional, recorded with the rejection)',
  });
  if (comment === undefined) return false;
  const date = today();
  const name = decision.approvers.find((a) => samePerson(a.name, self))?.name ?? self;
  const uri = folder.uriOf(decision.path);

  let outcome = await changeFile(uri, (text) => setApproval(text, decision.dialect, name, verdict, date, comment), `${verdict === 'approved' ? 'Approve' : 'Reject'} ${decision.id}`);
  if (!outcome.ok && outcome.needsFrontMatter) {
    const add = 'Add front matter';
    const answer = await prompts.showWarningMessage(
      `${decision.path} has no front matter to record approvals in. Add a front matter block with \`approvers\` at its top? The rest of the record stays as it is.`,
      { modal: true },
      add,
    );
    if (answer !== add) return false;
    const entry: Record<string, string> = { name, state: verdict, date };
    if (comment.trim()) entry.comment = comment.trim();
    outcome = await changeFile(uri, (text) => addFrontMatter(text, { approvers: [entry] }), `${verdict === 'approved' ? 'Approve' : 'Reject'} ${decision.id}`);
  }
  if (!outcome.ok) {
    void prompts.showWarningMessage(`${decision.id} was not changed: ${outcome.reason}`);
    return false;
  }
  void prompts.showInformationMessage(`${verdict === 'approved' ? 'Approved' : 'Rejected'} ${decision.id} as ${name} on ${date}.`);
  if (verdict === 'approved') await offerAcceptance(folder, decision, outcome.after, uri);
  return true;
}

/** When the record now shows every approver approved and it is not accepted yet, offer to accept it. */
async function offerAcceptance(folder: FolderIndex, decision: Decision, text: string, uri: import('vscode').Uri): Promise<void> {
  const config = folder.config!.config;
  const now = parseDecision(decision.path, text, { prefix: config.decisionPrefix, assumptionPrefix: config.assumptionPrefix }).decision;
  if (!now || now.approvers.length === 0 || now.approvers.some((a) => a.state !== 'approved') || now.status === 'accepted') return;
  const accept = 'Set status accepted';
  const answer = await prompts.showInformationMessage(`Every approver has approved ${decision.id}. Set its status to accepted?`, accept);
  if (answer !== accept) return;
  const outcome = await changeFile(uri, (t) => setDecisionStatus(t, 'accepted'), `Accept ${decision.id}`);
  if (outcome.ok) void prompts.showInformationMessage(`${decision.id} is now accepted.`);
  else void prompts.showWarningMessage(`The status of ${decision.id} was not changed: ${outcome.reason}`);
}

async function target(service: IndexService, verb: string, args: readonly unknown[]): Promise<RecordHit<Decision> | undefined> {
  const given = recordFromArgs(service, args);
  if (given === 'unknown') return undefined;
  if (given) {
    if (given.record.kind !== 'decision') {
      void prompts.showWarningMessage(`${given.record.id} is an assumption; only decisions are approved or rejected.`);
      return undefined;
    }
    return given as RecordHit<Decision>;
  }
  const waiting: RecordHit<Decision>[] = [];
  const others: RecordHit<Decision>[] = [];
  for (const hit of allDecisions(service)) {
    if (hit.record.status !== 'proposed') continue;
    const self = await me(hit.folder);
    const mine = self ? hit.record.approvers.find((a) => samePerson(a.name, self)) : undefined;
    if (mine?.state === 'pending' || (mine === undefined && self && hit.record.approvers.length === 0 && isApprover(hit.record, self))) waiting.push(hit);
    else if (hit.folder.config?.config.allowAnyApprover || mine) others.push(hit);
  }
  if (waiting.length + others.length === 0) {
    void prompts.showInformationMessage(`No proposed decision is waiting for you to ${verb} it.`);
    return undefined;
  }
  const items = [
    ...waiting.map((h) => decisionItem(h.folder, h.record, `waiting on you · ${pendingSummary(h.record)}`)),
    ...others.map((h) => decisionItem(h.folder, h.record, `${pendingSummary(h.record)} · ${h.record.path}`)),
  ];
  const picked = await prompts.showQuickPick(items, { placeHolder: `${verb === 'approve' ? 'Approve' : 'Reject'} which decision?`, matchOnDescription: true });
  return picked?.hit;
}

function pendingSummary(d: Decision): string {
  const pending = d.approvers.filter((a) => a.state === 'pending').map((a) => a.name);
  return pending.length ? `pending: ${pending.join(', ')}` : 'no pending approvers';
}
