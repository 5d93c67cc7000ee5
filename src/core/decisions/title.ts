/**
 * A record's title heading: the first level-1 heading that is not a section name
 * (`# Status` may be a level-1 heading in adr-tools records), and its text with a
 * leading number dropped: `12. Title`, `12 - Title`, `ADR 012: Title`, `ADR-012 - Title`.
 */
import type { Heading, MarkdownLines } from './markdown-lines';
import { escapeRegExp } from './ref-resolution';

const SECTION_NAMES = new Set([
  'status',
  'context',
  'context and problem statement',
  'problem statement',
  'decision',
  'decision outcome',
  'decision drivers',
  'considered options',
  'pros and cons of the options',
  'consequences',
  'links',
  'more information',
  'notes',
  'date',
]);

export function findTitleHeading(md: MarkdownLines): Heading | undefined {
  return md.headings.find((h) => h.level === 1 && h.text !== '' && !SECTION_NAMES.has(sectionKey(h.text)));
}

/** A heading's text as a section name: lower case, emphasis and a trailing colon dropped. */
export function sectionKey(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface TitleParts {
  title: string;
  /** The number the heading states, if any. */
  number?: number;
  digits?: string;
  /** The prefix written before the number (`ADR`), if any. */
  prefix?: string;
}

/** Splits `12. Use Foo` / `ADR-012 - Use Foo` into number and title; links are reduced to their text. */
export function splitTitle(heading: string, prefix: string): TitleParts {
  // `Architecture Decision Record: Use X`, `ADR: Use X`: a label, not the title.
  const text = reduceLinks(heading.slice(0, 1000))
    .trim()
    .replace(/^(?:architecture\s+decision\s+record|decision\s+record|ADR)\s*:\s+(?=\S)/i, '');
  const prefixes = [...new Set([prefix, 'ADR'])].map(escapeRegExp).join('|');
  const prefixed = new RegExp(`^(${prefixes})\\s*[-_]?\\s*(\\d+)(?:\\s*[:.)\\-–—]\\s*|\\s+|$)`, 'i').exec(text);
  if (prefixed) {
    return { title: text.slice(prefixed[0].length).trim(), number: Number(prefixed[2]), digits: prefixed[2], prefix: prefixed[1] };
  }
  // A template's number never filled in: `ADR-XXX: Title`, `NNNN. Title`, `[number]. Title`.
  const placeholder = new RegExp(`^(?:(?:${prefixes})\\s*[-_]?\\s*)?(?:(?=[0XxNn]*[XxNn])[0XxNn]{2,7}|\\[(?:number|n+|x+|#)\\]|#+)(?:\\s*[:.)\\-–—]\\s*|\\s+)(?=\\S)`, 'i').exec(text);
  if (placeholder) return { title: text.slice(placeholder[0].length).trim() };
  const numbered = /^(\d+)(?:[.:)](?=\s)|\s+[-–—](?=\s))\s*/.exec(text);
  if (numbered) return { title: text.slice(numbered[0].length).trim(), number: Number(numbered[1]), digits: numbered[1] };
  return { title: text };
}

export function reduceLinks(text: string): string {
  return text.replace(/!\[[^\][]*\]\([^()[\]]*\)/g, '').replace(/\[([^\][]*)\]\([^()[\]]*\)/g, '$1');
}
