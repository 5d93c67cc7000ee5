/**
 * Supersession and other links stated in prose, as adr-tools and MADR write them:
 * `Superseded by [13. Foo](0013-foo.md)`, `Superceded by …` (adr-tools' spelling),
 * `Supersedes`/`Supercedes`, `Amends`/`Amended by`, `Clarifies`/`Clarified by`, and
 * MADR's `superseded by [ADR-0005](0005-example.md)` inside a status.
 */
import { scanDecisionRefs, type ScannedRef } from './ref-scan';

export type RelationKind = 'superseded-by' | 'supersedes' | 'amends' | 'amended-by' | 'clarifies' | 'clarified-by';

export interface TextRelation {
  kind: RelationKind;
  /** Offset of the keyword in the text. */
  start: number;
  refs: ScannedRef[];
}

const MAX_SCANNED = 2000;
/**
 * `Superseded by`, also with a qualifier (`Superseded (never implemented) by`), `in favour
 * of`, or nothing before the link (`Superseded [0019](0019-x.md)`).
 */
const KEYWORD =
  /\b(super[sc]eded(?:\s*\([^()]{0,80}\))?(?:\s+(?:by|in\s+favou?r\s+of|with))?|replaced\s+by|super[sc]edes|replaces|amended\s+by|amends|clarified\s+by|clarifies)\b\s*:?/gi;

function kindOf(keyword: string): RelationKind {
  const k = keyword.toLowerCase().replace(/\s+/g, ' ');
  if (k.startsWith('replaced') || /^super[sc]eded/.test(k)) return 'superseded-by';
  if (k.startsWith('replaces') || /^super[sc]edes/.test(k)) return 'supersedes';
  if (k === 'amended by') return 'amended-by';
  if (k === 'amends') return 'amends';
  if (k === 'clarified by') return 'clarified-by';
  return 'clarifies';
}

/** Each relation keyword in the text with the records named after it (up to the next keyword). */
export function relationsInText(fullText: string, prefix: string): TextRelation[] {
  // Statements of relations are short; a huge line is not one, and is not scanned in full.
  const text = fullText.slice(0, MAX_SCANNED);
  const keywords = [...text.matchAll(KEYWORD)];
  return keywords.map((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < keywords.length ? keywords[i + 1].index : text.length;
    const refs = scanDecisionRefs(text.slice(from, to), prefix).map((r) => ({ ...r, start: r.start + from, end: r.end + from }));
    return { kind: kindOf(m[1]), start: m.index, refs };
  });
}

