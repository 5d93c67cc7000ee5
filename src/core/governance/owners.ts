/**
 * Who owns what: each person with the decisions and assumptions they own, one node per
 * person however records spell them, and the records nobody owns.
 */
import type { AlignmentIndex } from '../alignment-index';
import type { AlignmentRecord } from '../model';
import { PeopleDirectory, samePerson, type PersonGroup } from './people';
import { ownerOf } from '../rules/context';
import { compareIds, compareText } from '../compare-text';

export interface OwnerInput<T> {
  tag: T;
  index: AlignmentIndex;
  me?: string;
}

export interface OwnedRecord<T> {
  tag: T;
  record: AlignmentRecord;
}

export interface OwnerGroup<T> {
  /** Stable: `person:<key>` or `unowned`. */
  key: string;
  label: string;
  person?: PersonGroup;
  isMe: boolean;
  records: OwnedRecord<T>[];
}

/** Owners (me first, then by name) and, last, the "Unowned" bucket when it is not empty. */
export function ownersOf<T>(inputs: readonly OwnerInput<T>[]): OwnerGroup<T>[] {
  const people = new PeopleDirectory();
  const owned: (OwnedRecord<T> & { owner?: string; me?: string })[] = [];
  for (const input of inputs) {
    for (const record of [...input.index.decisions, ...input.index.assumptions]) {
      const owner = ownerOf(record);
      if (owner) people.add(owner);
      owned.push({ tag: input.tag, record, owner, me: input.me });
    }
  }
  const groups = new Map<string, OwnerGroup<T>>();
  const unowned: OwnedRecord<T>[] = [];
  for (const entry of owned) {
    if (!entry.owner) {
      unowned.push({ tag: entry.tag, record: entry.record });
      continue;
    }
    const person = people.groupOf(entry.owner);
    let group = groups.get(person.key);
    if (!group) groups.set(person.key, (group = { key: `person:${person.key}`, label: person.label, person, isMe: false, records: [] }));
    if (entry.me && person.mentions.some((m) => samePerson(m, entry.me))) group.isMe = true;
    group.records.push({ tag: entry.tag, record: entry.record });
  }
  const result = [...groups.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || compareText(a.label, b.label));
  for (const group of result) group.records.sort(byKindThenId);
  if (unowned.length > 0) result.push({ key: 'unowned', label: 'Unowned', isMe: false, records: unowned.sort(byKindThenId) });
  return result;
}

function byKindThenId<T>(a: OwnedRecord<T>, b: OwnedRecord<T>): number {
  if (a.record.kind !== b.record.kind) return a.record.kind === 'decision' ? -1 : 1;
  return compareIds(a.record.id, b.record.id);
}
