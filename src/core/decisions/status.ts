/**
 * Normalising a status as people write it ("Accepted, implemented", "Under review",
 * `superseded by [ADR-0005](0005-x.md)`) to a DecisionStatus.
 */
import type { DecisionStatus } from '../model';
import { stripInlineComments } from './markdown-lines';

const SUPERSEDED = /\bsuper[sc]eded\b|\breplaced\s+by\b/;
const DEPRECATED = /\b(?:deprecated|obsolete|retired|sunset|reverted|revoked)\b/;
const REJECTED = /\b(?:rejected|declined|refused|denied|withdrawn|abandoned|not\s+accepted|not\s+approved)\b/;
const ACCEPTED = /\b(?:accepted|approved|decided|adopted|implemented|agreed|ratified|final|active|in\s+effect|done|provisional|provisionally\s+accepted|live|current|in\s+use|complete|completed)\b/;
/** "Proposed (not yet implemented)": a qualifier that must not read as "implemented". */
const NEGATED_ACCEPTANCE = /\bnot\s+(?:yet\s+)?(?:implemented|accepted|approved|decided|adopted|active)\b/g;
const PROPOSED = /\b(?:proposed|proposal|draft|pending|in\s+review|under\s+review|for\s+review|wip|work\s+in\s+progress|suggested|rfc|in\s+discussion|under\s+discussion|incomplete|not\s+started)\b/;
/** Words that mean "proposed" when they are the whole status, not inside a sentence ("the new approach"). */
const PROPOSED_ALONE = /\b(?:propose|drafting|review|open|in\s+progress|requested|discussing|new)\b/;

/** In order of precedence when two status words start at the same place. */
const WORDS: [DecisionStatus, RegExp][] = [
  ['deprecated', DEPRECATED],
  ['rejected', REJECTED],
  ['accepted', ACCEPTED],
  ['proposed', PROPOSED],
];

/**
 * The DecisionStatus a status text means. A stated supersession wins wherever it is;
 * otherwise the first status word (prose after it qualifies it: "Accepted - pedestal
 * adapter abandoned", "Proposed - design approved"); anything else (none, "on hold")
 * is unknown.
 */
export function normaliseDecisionStatus(text: string): DecisionStatus {
  const plain = plainStatusText(text);
  if (!plain) return 'unknown';
  if (SUPERSEDED.test(plain)) return 'superseded';
  // "not implemented" must not read as "implemented"; blanked to the same length.
  const words = plain.replace(NEGATED_ACCEPTANCE, (m) => (REJECTED.test(m) ? m : ' '.repeat(m.length)));
  let best: { status: DecisionStatus; at: number } | undefined;
  for (const [status, pattern] of WORDS) {
    const at = words.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { status, at };
  }
  if (!best && plain.split(' ').length <= 4 && PROPOSED_ALONE.test(plain)) return 'proposed';
  return best?.status ?? 'unknown';
}

/** Lower-case words of a status text: links reduced to their text, Markdown and quotes dropped. */
function plainStatusText(text: string): string {
  return stripInlineComments(String(text ?? '').slice(0, 2000), ' ')
    .replace(/!?\[([^\][]*)\]\([^()[\]]*\)/g, '$1')
    .replace(/[*_`"'“”‘’[\](){}<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
