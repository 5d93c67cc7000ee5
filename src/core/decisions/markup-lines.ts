/**
 * reStructuredText and AsciiDoc records seen through the same line-level view as
 * Markdown ones (MarkdownLines), so that one set of metadata rules reads all three:
 * - headings: RST titles underlined (and perhaps overlined) with a repeated punctuation
 *   character, levels in order of first use; AsciiDoc `= Title`, `== Status`;
 * - examples: RST comments and directives (`.. code-block::`) with their indented
 *   bodies, literal blocks after `::`; AsciiDoc delimited blocks (`----`, `....`,
 *   `////`, `++++`), `//` comments and block attribute lines (`[source,java]`);
 * - fields: RST field lists (`:Status: Accepted`) and AsciiDoc attributes
 *   (`:status: accepted`, `:revdate: 2024-01-02`) read as header fields;
 * - links: RST `` `text <target>`_ ``, `:doc:` and `:ref:` roles and AsciiDoc
 *   `xref:target[text]`, `<<target,text>>`, `link:target[text]` read as Markdown links.
 * Rewritten lines keep their length or get shorter and are padded, so the columns of
 * what follows are kept. Every rule looks at one line (or its neighbour) at a time.
 */
import { splitLines, type FrontMatterBlock, type Heading, type MarkdownLines } from './markdown-lines';
import type { RecordFormat } from './file-names';

const MAX_HEADING_LENGTH = 1000;
/** The longest line rewritten for links and fields; longer lines are prose, kept as they are. */
const MAX_REWRITTEN = 4000;

export function scanMarkup(text: string, format: Exclude<RecordFormat, 'markdown'>): MarkdownLines {
  const original = splitLines(text);
  const frontMatter = findFrontMatter(original);
  const bodyStart = frontMatter ? frontMatter.end + 1 : 0;
  const scanned = format === 'rst' ? scanRst(original, bodyStart) : scanAsciiDoc(original, bodyStart);
  const fieldLines = new Set<number>();
  const lines = original.map((line, i) => {
    if (scanned.masked[i] || i < bodyStart) return line;
    if (FIELD_LINE.test(line)) fieldLines.add(i);
    return rewriteLine(line, format);
  });
  return { lines, masked: scanned.masked, frontMatter, bodyStart, headings: scanned.headings, fieldLines };
}

function findFrontMatter(lines: string[]): FrontMatterBlock | undefined {
  if (lines.length < 2 || lines[0].trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '---' || line === '...') return { start: 0, end: i, text: lines.slice(1, i).join('\n') };
  }
  return undefined;
}

interface Scanned {
  masked: boolean[];
  headings: Heading[];
}

const RST_ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;

function scanRst(lines: string[], from: number): Scanned {
  const masked = lines.map((_, i) => i < from);
  const headings: Heading[] = [];
  const styles: string[] = [];
  const levelOf = (style: string): number => {
    let index = styles.indexOf(style);
    if (index < 0) index = styles.push(style) - 1;
    return Math.min(index + 1, 6);
  };
  /** Indentation of the block being skipped (comment, directive or literal block), or -1. */
  let skipIndent = -1;
  let literalNext = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    const indent = line.length - line.trimStart().length;
    if (skipIndent >= 0) {
      if (line.trim() === '' || indent > skipIndent) {
        masked[i] = true;
        continue;
      }
      skipIndent = -1;
    }
    if (literalNext && line.trim() !== '') {
      literalNext = false;
      if (indent > 0) {
        // The indented literal block after a paragraph ending in `::`.
        skipIndent = 0;
        masked[i] = true;
        continue;
      }
    }
    if (/^\s*\.\.(?:\s|$)/.test(line)) {
      // A comment, directive, label or link target, with its indented body.
      masked[i] = true;
      skipIndent = indent;
      continue;
    }
    if (/::\s*$/.test(line) && !/^\s*:[^:]+:/.test(line)) literalNext = true;

    const next = lines[i + 1];
    const overline = RST_ADORNMENT.exec(line);
    if (overline && next !== undefined && next.trim() !== '' && !RST_ADORNMENT.test(next)) {
      const under = lines[i + 2];
      if (under !== undefined && RST_ADORNMENT.test(under) && under.trim()[0] === overline[1]) {
        masked[i] = true;
        masked[i + 2] = true;
        headings.push(heading(i + 1, next, levelOf(`over${overline[1]}`)));
        i += 2;
        continue;
      }
    }
    if (overline) {
      // A transition, or an underline already consumed.
      masked[i] = true;
      continue;
    }
    if (/^(?:status|decision status):?\s*$/i.test(line) && next !== undefined && next.trim() !== '' && !RST_ADORNMENT.test(next)) {
      // `Status` on a line of its own, the status on the next: read as a Status section.
      headings.push(heading(i, line.replace(/:\s*$/, ''), 6));
      continue;
    }
    if (line.trim() !== '' && indent === 0 && next !== undefined) {
      const underline = RST_ADORNMENT.exec(next);
      if (underline && next.trim().length >= Math.min(3, line.trim().length)) {
        masked[i + 1] = true;
        headings.push(heading(i, line, levelOf(underline[1])));
        i++;
        continue;
      }
    }
  }
  return { masked, headings };
}

const ASCIIDOC_HEADING = /^(={1,6}|#{1,6})[ \t]+(\S.*)$/;
const ASCIIDOC_DELIMITER = /^(-{4,}|\.{4,}|\/{4,}|\+{4,}|`{3,})\s*$/;

function scanAsciiDoc(lines: string[], from: number): Scanned {
  const masked = lines.map((_, i) => i < from);
  const headings: Heading[] = [];
  let block: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (block !== undefined) {
      masked[i] = true;
      if (line.trimEnd() === block) block = undefined;
      continue;
    }
    const delimiter = ASCIIDOC_DELIMITER.exec(line);
    if (delimiter) {
      masked[i] = true;
      block = delimiter[1];
      continue;
    }
    if (/^\/\/(?!\/\/)/.test(line) || /^\[[^\]]*\]\s*$/.test(line)) {
      // A line comment, or block attributes (`[source,java]`, `[NOTE]`).
      masked[i] = true;
      continue;
    }
    const m = ASCIIDOC_HEADING.exec(line);
    if (m) headings.push(heading(i, line, m[1].length, m[1].length + 1));
  }
  // A record that opens with `== ADR-001: Title` (no `= ` document title): that is its title.
  if (headings.length > 0 && !headings.some((h) => h.level === 1)) headings[0] = { ...headings[0], level: 1 };
  return { masked, headings };
}

function heading(line: number, text: string, level: number, skip = 0): Heading {
  const body = text.slice(skip, skip + MAX_HEADING_LENGTH);
  const trimmed = body.trim();
  return { line, level, text: trimmed, column: skip + (body.length - body.trimStart().length) };
}

/** Field names that mean a header field, as AsciiDoc attributes or RST fields. */
const FIELD_NAMES: Record<string, string> = {
  status: 'status',
  date: 'date',
  revdate: 'date',
  deciders: 'deciders',
  'decision-makers': 'decision-makers',
  owner: 'owner',
  tags: 'tags',
  consulted: 'consulted',
  informed: 'informed',
};
const FIELD_LINE = /^:([A-Za-z][\w -]{0,40}):(?=\s|$)/;

function rewriteLine(line: string, format: Exclude<RecordFormat, 'markdown'>): string {
  if (line.length > MAX_REWRITTEN) return line;
  let result = line;
  const field = FIELD_LINE.exec(result);
  if (field) {
    const name = FIELD_NAMES[field[1].trim().toLowerCase().replace(/\s+/g, '-')];
    // `:revdate: 2024-01-02` → `date:     2024-01-02`: the value keeps its column.
    result = name ? `${name}:`.padEnd(field[0].length, ' ') + result.slice(field[0].length) : ' '.repeat(field[0].length) + result.slice(field[0].length);
  }
  if (format === 'rst') return rewriteRstLinks(result);
  // `*Status:* Accepted +`: a bold label and a hard line break, read as `Status: Accepted`.
  result = result.replace(/^(\s*)\*([A-Za-z][\w -]{0,40}):\*/, (_, space: string, key: string) => `${space} ${key}: `).replace(/\s\+$/, '  ');
  return rewriteAsciiDocLinks(result);
}

/** `[text](target)` padded with spaces to the length of what it replaces. */
function markdownLink(original: string, text: string, target: string): string {
  const link = `[${text.trim()}](${target.trim().replace(/\s+/g, '')})`;
  return link.length <= original.length ? link.padEnd(original.length, ' ') : `[](${target.trim().replace(/\s+/g, '')})`.padEnd(original.length, ' ');
}

const RST_ROLE = /:(?:doc|ref):`([^`<]*)(?:<([^`>]*)>)?`/g;
const RST_LINK = /`([^`<]+)<([^`>]+)>`__?/g;

function rewriteRstLinks(line: string): string {
  return line
    .replace(RST_ROLE, (all, text: string, target: string | undefined) => (target ? markdownLink(all, text, target) : markdownLink(all, '', text)))
    .replace(RST_LINK, (all, text: string, target: string) => markdownLink(all, text, target));
}

const ADOC_XREF = /\b(?:xref|link):([^\s[\]]+)\[([^\]]*)\]/g;
const ADOC_ANCHOR = /<<([^,>\s]+)(?:,([^>]*))?>>/g;

function rewriteAsciiDocLinks(line: string): string {
  return line
    .replace(ADOC_XREF, (all, target: string, text: string) => markdownLink(all, text, target))
    .replace(ADOC_ANCHOR, (all, target: string, text: string | undefined) => markdownLink(all, text ?? '', target.replace(/#$/, '')));
}
