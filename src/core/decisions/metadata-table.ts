/**
 * A record's metadata table, as some teams write it at the top of a record:
 *
 *   | Metadata | Value    |        | Status   | Date       | Owner |
 *   |----------|----------|   or   |----------|------------|-------|
 *   | Status   | Accepted |        | Accepted | 2024-01-02 | Ana   |
 *
 * Only the first table that states a status is read (a revision table after it is
 * history, not metadata), and only in the record's header or its Status section.
 */
import { range } from '../model';
import { normaliseDate } from './dates';
import type { MarkdownLines } from './markdown-lines';
import type { Located } from './record-facts';

export interface MetadataTable {
  lines: number[];
  status?: Located<string>;
  date?: string;
  owner?: Located<string>;
  deciders: string[];
  /** Cells of Supersedes / Superseded by rows or columns. */
  relationCells: Located<string>[];
}

interface Cell {
  text: string;
  column: number;
}

const MAX_TABLE_ROWS = 40;
const MAX_ROW_LENGTH = 2000;

/** The first metadata table between the title and `headerEnd`, or in a Status section. */
export function readMetadataTable(md: MarkdownLines, titleLine: number | undefined, headerEnd: number): MetadataTable | undefined {
  const zones: [number, number][] = [[titleLine !== undefined ? titleLine + 1 : md.bodyStart, headerEnd]];
  md.headings.forEach((h, i) => {
    if (/^(?:status|metadata|summary|details)$/i.test(h.text.replace(/[*_:]/g, '').trim())) zones.push([h.line + 1, md.headings[i + 1]?.line ?? md.lines.length]);
  });
  for (const [from, to] of zones) {
    for (let i = from; i < to; i++) {
      if (md.masked[i] || !isRow(md.lines[i]) || !isDelimiterRow(md.lines[i + 1] ?? '')) continue;
      const table = readTable(md, i, to);
      if (table) return table;
      while (i < to && isRow(md.lines[i])) i++;
    }
  }
  return undefined;
}

function readTable(md: MarkdownLines, headerLine: number, end: number): MetadataTable | undefined {
  const header = cells(md.lines[headerLine]);
  const rows: { line: number; cells: Cell[] }[] = [];
  for (let i = headerLine + 2; i < end && rows.length < MAX_TABLE_ROWS && isRow(md.lines[i]) && !md.masked[i]; i++) rows.push({ line: i, cells: cells(md.lines[i]) });
  const result: MetadataTable = { lines: [headerLine, headerLine + 1, ...rows.map((r) => r.line)], deciders: [], relationCells: [] };
  const located = (line: number, cell: Cell): Located<string> => ({ value: cell.text, range: range(line, cell.column, line, cell.column + cell.text.length) });
  const apply = (key: string, line: number, cell: Cell | undefined) => {
    if (!cell || !cell.text) return;
    switch (fieldKey(key)) {
      case 'status':
        result.status ??= located(line, cell);
        break;
      case 'date':
        result.date ??= normaliseDate(cell.text);
        break;
      case 'owner':
        result.owner ??= located(line, cell);
        break;
      case 'deciders':
        result.deciders.push(cell.text);
        break;
      case 'relation':
        result.relationCells.push(located(line, { text: `${key} ${cell.text}`, column: cell.column - key.length - 1 }));
        break;
    }
  };
  // A key/value table: `| Status | Accepted |` rows.
  const keyed = rows.some((r) => fieldKey(r.cells[0]?.text ?? '') === 'status');
  if (keyed) {
    for (const row of rows) apply(row.cells[0]?.text ?? '', row.line, row.cells[1]);
    const headerValue = header[1];
    if (header[0] && headerValue && fieldKey(header[0].text) === 'status') apply(header[0].text, headerLine, headerValue);
    return result;
  }
  // A table with a Status column: its first row.
  const statusColumn = header.findIndex((c) => fieldKey(c.text) === 'status');
  if (statusColumn < 0 || rows.length === 0) return undefined;
  header.forEach((c, index) => apply(c.text, rows[0].line, rows[0].cells[index]));
  return result;
}

function fieldKey(text: string): string | undefined {
  const key = text.replace(/[*_`:]/g, '').trim().toLowerCase();
  if (key === 'status' || key === 'decision status' || key === 'state') return 'status';
  if (key === 'date' || key === 'decision date' || key === 'last updated' || key === 'created') return 'date';
  if (key === 'owner' || key === 'decision owner' || key === 'author' || key === 'authors' || key === 'driver') return 'owner';
  if (key === 'deciders' || key === 'decision makers' || key === 'decision-makers' || key === 'approvers') return 'deciders';
  if (/^(?:supersedes|superseded by|replaces|replaced by)$/.test(key)) return 'relation';
  return undefined;
}

function isRow(line: string | undefined): boolean {
  return line !== undefined && line.length < MAX_ROW_LENGTH && /^\s*\|.*\|\s*$/.test(line);
}

function isDelimiterRow(line: string): boolean {
  return /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/.test(line);
}

/** The cells of a table row, with the column where each cell's text starts. */
function cells(line: string): Cell[] {
  const result: Cell[] = [];
  let start = line.indexOf('|') + 1;
  for (let i = start; i <= line.length; i++) {
    if (i === line.length || (line[i] === '|' && line[i - 1] !== '\\')) {
      if (i === line.length && line.slice(start).trim() === '') break;
      const raw = line.slice(start, i);
      const text = raw.trim();
      result.push({ text, column: start + (raw.length - raw.trimStart().length) });
      start = i + 1;
    }
  }
  return result;
}
