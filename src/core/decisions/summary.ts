/**
 * The one-paragraph summary shown in hover cards: the first paragraph of the
 * "Context and Problem Statement" / "Context" section, else of "Decision Outcome" /
 * "Decision", else the first paragraph after the title; plain text, at most ~400 chars.
 */
import { stripInlineComments, type MarkdownLines } from './markdown-lines';
import { reduceLinks, sectionKey } from './title';

const MAX_LENGTH = 400;
const CONTEXT_SECTIONS = ['context and problem statement', 'context', 'problem statement', 'context and problem', 'background'];
const DECISION_SECTIONS = ['decision outcome', 'decision'];

export function extractSummary(md: MarkdownLines, titleLine: number | undefined, metadataLines: ReadonlySet<number>): string {
  for (const names of [CONTEXT_SECTIONS, DECISION_SECTIONS]) {
    for (const name of names) {
      const index = md.headings.findIndex((h) => sectionKey(h.text) === name);
      if (index < 0) continue;
      const start = md.headings[index].line + 1;
      const end = md.headings[index + 1]?.line ?? md.lines.length;
      const paragraph = firstParagraph(md, start, end, metadataLines);
      if (paragraph) return paragraph;
    }
  }
  const from = titleLine !== undefined ? titleLine + 1 : md.bodyStart;
  return firstParagraph(md, from, md.lines.length, metadataLines) ?? '';
}

function firstParagraph(md: MarkdownLines, start: number, end: number, skip: ReadonlySet<number>): string | undefined {
  const headingLines = new Set(md.headings.map((h) => h.line));
  let collected: string[] = [];
  let collectedLength = 0;
  for (let i = start; i < end; i++) {
    const line = md.lines[i];
    const boundary = md.masked[i] || skip.has(i) || headingLines.has(i) || line.trim() === '' || /^ {0,3}(?:[-*_]\s*){3,}$/.test(line);
    if (boundary) {
      const text = plainText(collected);
      if (text) return truncate(text);
      collected = [];
      collectedLength = 0;
      continue;
    }
    // Setext underline of a heading.
    if (/^ {0,3}=+\s*$/.test(line)) continue;
    collected.push(line.slice(0, MAX_LENGTH * 5));
    collectedLength += line.length;
    if (collectedLength > MAX_LENGTH * 5) break;
  }
  const text = plainText(collected);
  return text ? truncate(text) : undefined;
}

function plainText(lines: string[]): string {
  if (lines.length === 0) return '';
  if (lines.every((l) => /^\s*\|/.test(l))) return ''; // a table
  let text = lines
    .map((l) => l.replace(/^\s*(?:>\s*)*(?:(?:[*+-]|\d+[.)])\s+)?/, ''))
    .join(' ');
  text = stripInlineComments(text, ' ');
  return reduceLinks(text)
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LENGTH * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
