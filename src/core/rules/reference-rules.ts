/**
 * Rules on code references (`ref.*`): what the cited record's state means for the code
 * that cites it. One finding per reference at most, the most serious state first.
 *
 * Example: `// See ADR-0003` where ADR-0003 is superseded by ADR-0007 →
 * `ref.superseded` with the replacement ADR-0007 for the quick fix.
 */
import { cadenceClause, cadenceOverdue } from '../governance/cadence';
import type { ResolvedReference } from '../alignment-index';
import type { Assumption, Decision } from '../model';
import { isFolderRecordPath } from '../decisions/file-names';
import { askOwner, describe, finding, isPast, ownerClause, recordLocation, type DraftFinding, type Rule, type RuleContext } from './context';

export const referenceRules: Rule = (context) => {
  const { index } = context;
  const hasDecisions = index.decisions.length > 0;
  const hasAssumptions = index.assumptions.length > 0;
  const findings: DraftFinding[] = [];
  const references = context.only ? context.only.flatMap((path) => index.referencesIn(path)) : index.references;
  // What a record's state says is the same for every reference to it but where it is:
  // worked out once per record (10,000 references to one superseded record took 60 ms).
  const byRecord = new Map<Decision | Assumption, DraftFinding | undefined>();
  for (const ref of references) {
    const record = ref.target ? index.lookup(ref.target) : undefined;
    if (!record) {
      // An id of another repository is still a reference; it is only reported where
      // records of its kind exist here, so a workspace without records stays quiet.
      const known = ref.recordKind === 'assumption' ? hasAssumptions : hasDecisions;
      if (known) findings.push(unknown(ref, context));
      continue;
    }
    let found = byRecord.get(record);
    if (found === undefined && !byRecord.has(record)) {
      found = record.kind === 'decision' ? decisionFinding(ref, record, context) : assumptionFinding(ref, record, context);
      byRecord.set(record, found);
    }
    if (found) findings.push({ ...found, path: ref.path, range: refRange(ref) });
  }
  return findings;
};

function unknown(ref: ResolvedReference, context: RuleContext): DraftFinding {
  const kind = ref.recordKind === 'assumption' ? 'assumption' : 'decision record';
  const folders =
    ref.recordKind === 'assumption' ? context.config.assumptionFolders : context.index.decisions.length ? folderOf(context.index.decisions[0].path) : [];
  const where = folders.length ? ` in ${folders.join(', ')}` : '';
  return finding('ref.unknown', ref.path, refRange(ref), `${ref.text}: no ${kind} has this id${where}. Record it, or correct the id.`, {
    recordId: ref.id,
  });
}

function decisionFinding(ref: ResolvedReference, record: Decision, context: RuleContext): DraftFinding | undefined {
  const { index } = context;
  const at = refRange(ref);
  const related = [recordLocation(record, `${describe(record)} is ${record.status}`)];
  switch (record.status) {
    case 'superseded': {
      const live = index.liveEnd(record);
      const replacement = live !== record ? live.id : undefined;
      const next = replacement
        ? `superseded by ${index.chain(record).slice(1).map(describe).join(' → ')}; update the reference to ${replacement}.`
        : `superseded; ${ownerClause(record)}.`;
      if (live !== record) related.push(recordLocation(live, `${describe(live)} replaces it`));
      return finding('ref.superseded', ref.path, at, `${describe(record)} is ${next}`, {
        recordId: record.id,
        deprecated: true,
        replacement,
        related,
      });
    }
    case 'rejected':
      return finding('ref.rejected', ref.path, at, `${describe(record)} was rejected; code should not rest on it (${ownerClause(record)}).`, {
        recordId: record.id,
        related,
      });
    case 'deprecated':
      return finding('ref.deprecated', ref.path, at, `${describe(record)} is deprecated; find what replaces it (${ownerClause(record)}).`, {
        recordId: record.id,
        related,
      });
    case 'proposed': {
      const waiting = record.approvers.filter((a) => a.state === 'pending').map((a) => a.name);
      const rejecting = record.approvers.filter((a) => a.state === 'rejected').map((a) => a.name);
      const rejected = rejecting.length ? `; rejected by ${rejecting.join(', ')}` : '';
      const who = (waiting.length ? `awaiting approval by ${waiting.join(', ')}` : `awaiting approval (${ownerClause(record)})`) + rejected;
      return finding('ref.pending', ref.path, at, `${describe(record)} is still proposed, ${who}.`, { recordId: record.id, related });
    }
    default:
      break;
  }
  const unsound = index.assumptionsOf(record).filter((a) => a.status === 'invalidated' || a.status === 'superseded');
  if (unsound.length) {
    const list = unsound.map((a) => `${describe(a)} (${a.status})`).join(', ');
    return finding('ref.unsound', ref.path, at, `${describe(record)} relies on ${list}; ${askOwner(record, 'revisit the decision')}.`, {
      recordId: record.id,
      related: [...related, ...unsound.map((a) => recordLocation(a, `${describe(a)} is ${a.status}`))],
    });
  }
  if (isPast(record.reviewBy, context.now)) {
    return finding('ref.expired', ref.path, at, `${describe(record)} was due for review on ${record.reviewBy}; ${askOwner(record, 'review it')}.`, {
      recordId: record.id,
      related,
    });
  }
  const due = cadenceOverdue(record, context.config, context.now);
  if (due) {
    return finding('ref.expired', ref.path, at, `${describe(record)} is ${cadenceClause(due)}; ${askOwner(record, 'review it')}.`, { recordId: record.id, related });
  }
  return undefined;
}

function assumptionFinding(ref: ResolvedReference, record: Assumption, context: RuleContext): DraftFinding | undefined {
  const at = refRange(ref);
  const related = [recordLocation(record, `${describe(record)} is ${record.status}`)];
  if (record.status === 'invalidated') {
    const evidence = record.evidence ? ` Evidence: ${record.evidence.trim().split('\n')[0]}` : '';
    return finding('ref.invalidated', ref.path, at, `${describe(record)} was invalidated; this code rests on it (${ownerClause(record)}).${evidence}`, {
      recordId: record.id,
      related,
    });
  }
  if (record.status === 'superseded') {
    const live = context.index.liveEnd(record);
    const replacement = live !== record ? live.id : undefined;
    const next = replacement ? `superseded by ${describe(live)}; update the reference to ${replacement}.` : `superseded; ${ownerClause(record)}.`;
    return finding('ref.superseded', ref.path, at, `${describe(record)} is ${next}`, { recordId: record.id, deprecated: true, replacement, related });
  }
  if ((record.status === 'active' || record.status === 'validated') && isPast(record.validateBy, context.now)) {
    return finding('ref.expired', ref.path, at, `${describe(record)} was to be validated by ${record.validateBy}; ${askOwner(record, 'validate it')}.`, {
      recordId: record.id,
      related,
    });
  }
  const due = record.status === 'active' || record.status === 'validated' ? cadenceOverdue(record, context.config, context.now) : undefined;
  if (due) {
    return finding('ref.expired', ref.path, at, `${describe(record)} is ${cadenceClause(due).replace('review', 'validation')}; ${askOwner(record, 'validate it')}.`, { recordId: record.id, related });
  }
  return undefined;
}

function refRange(ref: ResolvedReference) {
  return { start: { line: ref.line, column: ref.column }, end: { line: ref.line, column: ref.endColumn } };
}

/** The decision folder a record lies in: its file's folder, or for a folder-form record (`0007-use-x/index.md`) that folder's parent. */
function folderOf(path: string): string[] {
  const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const decisions = isFolderRecordPath(path) ? folder.slice(0, Math.max(0, folder.lastIndexOf('/'))) : folder;
  return decisions ? [decisions] : [];
}
