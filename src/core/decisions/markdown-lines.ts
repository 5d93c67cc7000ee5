/**
 * Line-level view of a Markdown file: lines without their endings, which lines are
 * examples (fenced code, HTML comment blocks) rather than content, the front matter
 * block and the headings. Only what the decision parser needs; not a Markdown parser.
 */

export interface Heading {
  line: number;
  level: number;
  /** Heading text without `#` markers, closing hashes and surrounding spaces. */
  text: string;
  /** Column where `text` starts. */
  column: number;
}

export interface FrontMatterBlock {
  /** Line of the opening `---` (always 0). */
  start: number;
  /** Line of the closing `---` or `...`. */
  end: number;
  /** The YAML between the fences, lines joined with `\n`. */
  text: string;
}

export interface MarkdownLines {
  lines: string[];
  /** True for lines that are not content: inside fenced code (fences included) or HTML comment blocks. */
  masked: boolean[];
  frontMatter?: FrontMatterBlock;
  /** First line after the front matter. */
  bodyStart: number;
  headings: Heading[];
  /** Lines that were RST fields or AsciiDoc attributes (`:status: accepted`), read as header fields. */
  fieldLines?: Set<number>;
}

/** Splits text into lines on `\r\n`, `\r` or `\n`, as editors count them. A leading BOM is dropped. */
export function splitLines(text: string): string[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/);
}

export function scanMarkdown(text: string): MarkdownLines {
  const lines = splitLines(text);
  const frontMatter = findFrontMatter(lines);
  const bodyStart = frontMatter ? frontMatter.end + 1 : 0;
  const masked = maskExamples(lines, bodyStart);
  const headings = findHeadings(lines, masked, bodyStart);
  return { lines, masked, frontMatter, bodyStart, headings };
}

function findFrontMatter(lines: string[]): FrontMatterBlock | undefined {
  if (lines.length < 2 || lines[0].trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '---' || line === '...') {
      return { start: 0, end: i, text: lines.slice(1, i).join('\n') };
    }
  }
  return undefined;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function maskExamples(lines: string[], from: number): boolean[] {
  const masked = lines.map((_, i) => i < from);
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      masked[i] = true;
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (inComment) {
      masked[i] = true;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      masked[i] = true;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('<!--')) {
      const close = trimmed.indexOf('-->', 4);
      if (close < 0) {
        masked[i] = true;
        inComment = true;
      } else if (close + 3 === trimmed.length) {
        masked[i] = true;
      }
    }
  }
  return masked;
}

const ATX_HEADING = /^( {0,3})(#{1,6})(?:[ \t]+|$)(.*)$/;
const MAX_HEADING_LENGTH = 1000;

/** `Title ##` → `Title`; `##` → `` (a closing sequence must follow a space). */
function withoutClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length) return trimmed;
  if (end === 0) return '';
  return trimmed[end - 1] === ' ' || trimmed[end - 1] === '\t' ? trimmed.slice(0, end) : trimmed;
}

function findHeadings(lines: string[], masked: boolean[], from: number): Heading[] {
  const headings: Heading[] = [];
  for (let i = from; i < lines.length; i++) {
    if (masked[i]) continue;
    const line = lines[i];
    const m = ATX_HEADING.exec(line);
    if (m) {
      const text = withoutClosingHashes(m[3].slice(0, MAX_HEADING_LENGTH)).trim();
      const column = text ? line.indexOf(text, m[1].length + m[2].length) : line.length;
      headings.push({ line: i, level: m[2].length, text, column });
      continue;
    }
    // Setext headings: a text line underlined with `===` (level 1) or `---` (level 2).
    const next = lines[i + 1];
    if (next !== undefined && !masked[i + 1] && line.trim() !== '' && !isListOrQuote(line)) {
      const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(next);
      if (underline && (underline[1][0] === '=' || !isPrecededByText(lines, masked, i, from))) {
        const text = line.trim().slice(0, MAX_HEADING_LENGTH);
        headings.push({ line: i, level: underline[1][0] === '=' ? 1 : 2, text, column: line.length - line.trimStart().length });
        i++;
      }
    }
  }
  return headings;
}

function isListOrQuote(line: string): boolean {
  return /^\s*(?:[*+-]\s|\d+[.)]\s|>|\|)/.test(line);
}

/** A `---` under the second line of a paragraph is still a setext heading in CommonMark, but in records it is far more often a rule; only accept one-line paragraphs. */
function isPrecededByText(lines: string[], masked: boolean[], i: number, from: number): boolean {
  return i - 1 >= from && !masked[i - 1] && lines[i - 1].trim() !== '';
}

/** Headings' section: the lines after heading `index` up to the next heading (any level). */
export function sectionLines(md: MarkdownLines, index: number): { start: number; end: number } {
  const heading = md.headings[index];
  const next = md.headings[index + 1];
  return { start: heading.line + 1, end: next ? next.line : md.lines.length };
}

/** Removes inline HTML comments (`<!-- optional -->`), each replaced by `by`; linear in the text. */
export function stripInlineComments(text: string, by = ''): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    const close = open < 0 ? -1 : text.indexOf('-->', open + 4);
    if (close < 0) return result + text.slice(from);
    result += text.slice(from, open) + by;
    from = close + 3;
  }
}
