/**
 * Which of the places a record states its status wins, in this order: front matter,
 * a metadata table, a header line (`* Status: …`, `Status: …`, `:status:`), the Status
 * section, Docusaurus `tags: [Accepted]`. A weaker source that means another status is
 * a `record.conflict` at the weaker source, naming the one that wins.
 */
import { range, type DecisionStatus, type ParseProblem, type Range, type StatusSource } from '../model';
import type { SourcedStatus } from './body-metadata';
import type { RecordFacts } from './record-facts';
import { normaliseDecisionStatus } from './status';

const SOURCE_NAMES: Record<StatusSource, string> = {
  'front-matter': 'the front matter',
  table: 'the metadata table',
  bullet: 'the header line',
  line: 'the header line',
  field: 'the header field',
  section: 'the Status section',
  tags: 'the tags',
  yaml: 'the YAML',
  register: 'the register',
};

export function chooseStatus(front: RecordFacts, body: readonly SourcedStatus[], problems: ParseProblem[]): SourcedStatus | undefined {
  const all: SourcedStatus[] = [];
  if (front.status) all.push({ ...front.status, source: 'front-matter' });
  all.push(...body);
  const tag = front.tags.find((t) => t.split(/\s+/).length <= 3 && normaliseDecisionStatus(t) !== 'unknown');
  if (tag) all.push({ value: tag, range: front.tagsRange ?? range(0, 0, 0, 3), source: 'tags' });
  if (!all[0]) return undefined;
  const winner = { ...all[0], value: withoutEmphasis(all[0].value) };
  const meaning = normaliseDecisionStatus(winner.value);
  for (const other of all.slice(1)) {
    const otherMeaning = normaliseDecisionStatus(other.value);
    if (otherMeaning === 'unknown' || meaning === 'unknown' || otherMeaning === meaning) continue;
    if (agreesWithSupersession(meaning, otherMeaning)) continue;
    problems.push(conflict(other, otherMeaning, winner, meaning));
  }
  return winner;
}

/** "Accepted" in one place and "Superseded by …" in another is a history, not a disagreement. */
function agreesWithSupersession(a: DecisionStatus, b: DecisionStatus): boolean {
  return (a === 'superseded' && b === 'accepted') || (a === 'accepted' && b === 'superseded');
}

function conflict(weaker: SourcedStatus, weakerMeaning: DecisionStatus, winner: SourcedStatus, meaning: DecisionStatus): ParseProblem {
  const where: Range = weaker.range;
  return {
    code: 'record.conflict',
    message:
      `The status "${weaker.value}" in ${SOURCE_NAMES[weaker.source]} means ${weakerMeaning}, but ${SOURCE_NAMES[winner.source]} ` +
      `(line ${winner.range.start.line + 1}) says "${winner.value}" (${meaning}), which wins. Make them agree.`,
    range: where,
  };
}

/** `**Accepted** 2023-05-11` → `Accepted 2023-05-11`: emphasis markers are not the status. */
function withoutEmphasis(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)[*_]([^*_\s][^*_]{0,200})[*_](?=\s|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
