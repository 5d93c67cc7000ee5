/**
 * A Markdown assumption register (`ASSUMPTIONS.md`), read best effort: the first pipe
 * table whose header has an `ID` column, one assumption per row. Columns are matched
 * by header name, case-insensitively; unknown columns are ignored.
 */
import { ASSUMPTION_STATUSES, type Assumption, type AssumptionParseResult, type AssumptionStatus, type IdMention, type ParseProblem, type Range } from '../model';
import { idFromValue, levelFromText, MAX_ASSUMPTION_FILE_CHARS, normaliseDate, numberOfId, rangeOf, type AssumptionParseOptions } from './common';

type Column = 'id' | 'statement' | 'owner' | 'status' | 'confidence' | 'impact' | 'validateBy' | 'evidence' | 'decisions' | 'tags';

const HEADERS: Record<string, Column> = {
  id: 'id',
  assumption: 'statement',
  statement: 'statement',
  owner: 'owner',
  status: 'status',
  confidence: 'confidence',
  impact: 'impact',
  'validate by': 'validateBy',
  'review by': 'validateBy',
  evidence: 'evidence',
  decisions: 'decisions',
  decision: 'decisions',
  tags: 'tags',
};

/** Placeholders that mean "nothing here". */
const EMPTY_CELL = /^(?:-+|—|–|n\/a|none|tbd)?$/i;

interface Cell {
  /** The cell's text with Markdown emphasis, code and link syntax removed. */
  text: string;
  /** Column of the cell's trimmed content in its line (0-based, UTF-16). */
  start: number;
  end: number;
  /** The raw, trimmed cell text. */
  raw: string;
}

/** Parses a Markdown assumption register. Never throws. */
export function parseAssumptionRegister(path: string, text: string, options: AssumptionParseOptions): AssumptionParseResult {
  if (text.length > MAX_ASSUMPTION_FILE_CHARS || text.includes('\u0000')) return { assumptions: [], problems: [] };
  try {
    return parseRegister(path, text, options);
  } catch {
    return { assumptions: [], problems: [] };
  }
}

function parseRegister(path: string, text: string, options: AssumptionParseOptions): AssumptionParseResult {
  const lines = text.split(/\r?\n|\r/);
  if (lines.length > 0 && lines[0].charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  const table = findTable(lines);
  if (!table) return { assumptions: [], problems: [] };

  const assumptions: Assumption[] = [];
  const problems: ParseProblem[] = [];
  for (let lineNo = table.firstRow; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo];
    if (!isTableRow(line)) break;
    const cells = splitRow(line);
    const cellOf = (column: Column): Cell | undefined => {
      const index = table.columns.get(column);
      return index === undefined ? undefined : cells[index];
    };
    const idCell = cellOf('id');
    if (!idCell || EMPTY_CELL.test(idCell.text)) continue;
    const id = idFromValue(idCell.text, options.prefix);
    if (!id) continue;
    const idRange = rangeOf(lineNo, idCell.start, lineNo, idCell.end);
    const assumption: Assumption = {
      kind: 'assumption',
      id,
      statement: cellOf('statement')?.text ?? '',
      status: 'active',
      path,
      line: lineNo,
      range: idRange,
      supersedes: [],
      supersededBy: [],
      decisions: [],
      tags: [],
    };
    const number = numberOfId(id);
    if (number !== undefined) assumption.number = number;

    const status = present(cellOf('status'));
    if (status) {
      assumption.statusRange = cellRange(lineNo, status);
      assumption.statusSource = 'register';
      const normalised = status.text.toLowerCase();
      if (ASSUMPTION_STATUSES.includes(normalised as AssumptionStatus)) assumption.status = normalised as AssumptionStatus;
      else {
        problems.push({
          code: 'record.schema',
          message: `Assumption ${id}: status "${status.text}" is not one of ${ASSUMPTION_STATUSES.join(', ')}; read as active.`,
          range: cellRange(lineNo, status),
        });
      }
    }
    const owner = present(cellOf('owner'));
    if (owner) {
      assumption.owner = owner.text;
      assumption.ownerRange = cellRange(lineNo, owner);
    }
    for (const field of ['confidence', 'impact'] as const) {
      const cell = present(cellOf(field));
      if (!cell) continue;
      const level = levelFromText(cell.text);
      if (level) assumption[field] = level;
      else {
        problems.push({
          code: 'record.schema',
          message: `Assumption ${id}: ${field} "${cell.text}" is not one of low, medium, high.`,
          range: cellRange(lineNo, cell),
        });
      }
    }
    const validate = present(cellOf('validateBy'));
    if (validate) {
      const date = normaliseDate(validate.text);
      if (date) {
        assumption.validateBy = date;
        assumption.validateByRange = cellRange(lineNo, validate);
      } else {
        problems.push({
          code: 'record.schema',
          message: `Assumption ${id}: validate-by "${validate.text}" is not a date (YYYY-MM-DD).`,
          range: cellRange(lineNo, validate),
        });
      }
    }
    const evidence = present(cellOf('evidence'));
    if (evidence) assumption.evidence = evidence.text;
    const decisions = present(cellOf('decisions'));
    if (decisions) assumption.decisions = idMentions(line, lineNo, decisions, options.decisionPrefix);
    const tags = present(cellOf('tags'));
    if (tags) assumption.tags = tags.text.split(/[,;]\s*|\s+/).filter((t) => t !== '');
    assumptions.push(assumption);
  }
  return { assumptions, problems };
}

/** The first table whose header row has an `ID` column: its column map and first data row. */
function findTable(lines: string[]): { columns: Map<Column, number>; firstRow: number } | undefined {
  let fence: string | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i]);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (!isTableRow(lines[i]) || !isDelimiterRow(lines[i + 1])) continue;
    const columns = new Map<Column, number>();
    splitRow(lines[i]).forEach((cell, index) => {
      const key = cell.text.toLowerCase().replace(/[-_\s]+/g, ' ').replace(/[:.]$/, '').trim();
      const column = HEADERS[key];
      if (column && !columns.has(column)) columns.set(column, index);
    });
    if (columns.has('id')) return { columns, firstRow: i + 2 };
  }
  return undefined;
}

function isTableRow(line: string): boolean {
  return line.includes('|') && line.trim() !== '';
}

function isDelimiterRow(line: string): boolean {
  return /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('-');
}

/** Splits a table row into cells at unescaped pipes, keeping each cell's columns. */
function splitRow(line: string): Cell[] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') {
      bounds.push([start, i]);
      start = i + 1;
    }
  }
  bounds.push([start, line.length]);
  // A leading pipe opens the row and a trailing pipe closes it: neither delimits a cell.
  if (line.slice(0, bounds[0][1]).trim() === '') bounds.shift();
  if (bounds.length > 0 && line.slice(bounds[bounds.length - 1][0]).trim() === '' && line.trimEnd().endsWith('|')) bounds.pop();
  return bounds.map(([from, to]) => {
    const rawText = line.slice(from, to);
    const lead = rawText.length - rawText.trimStart().length;
    const raw = rawText.trim();
    return { raw, text: plain(raw), start: from + lead, end: from + lead + raw.length };
  });
}

/** Markdown inline syntax removed: links keep their text, code/emphasis markers go, `\|` unescaped. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\][]*)\]\([^()[\]]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\\\|/g, '|')
    .replace(/`+/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\s)[*_]([^*_]+)[*_](?=\s|$)/g, '$1$2')
    .trim();
}

function present(cell: Cell | undefined): Cell | undefined {
  return cell && !EMPTY_CELL.test(cell.text) ? cell : undefined;
}

function cellRange(line: number, cell: Cell): Range {
  return rangeOf(line, cell.start, line, cell.end);
}

/** Ids in a cell (`ADR-7, ADR-9`, `[ADR-7](docs/adr/0007-x.md)`, `7`), each at its column. */
function idMentions(line: string, lineNo: number, cell: Cell, prefix: string): IdMention[] {
  const result: IdMention[] = [];
  const segment = line.slice(cell.start, cell.end);
  const pattern = /\[([^\][]*)\]\([^()[\]]*\)|([A-Za-z]+[-_ ]?\d+|\d+)/g;
  for (let m = pattern.exec(segment); m; m = pattern.exec(segment)) {
    if (m[1] !== undefined) {
      // A link: the id is its text.
      const inner = /[A-Za-z]+[-_ ]?\d+|\d+/.exec(m[1]);
      if (!inner) continue;
      const id = idFromValue(inner[0], prefix);
      const column = cell.start + m.index + 1 + inner.index;
      if (id) result.push({ id, range: rangeOf(lineNo, column, lineNo, column + inner[0].length) });
      continue;
    }
    const id = idFromValue(m[2], prefix);
    const column = cell.start + m.index;
    if (id) result.push({ id, range: rangeOf(lineNo, column, lineNo, column + m[2].length) });
  }
  return result;
}
