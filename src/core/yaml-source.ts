/**
 * YAML parsing with positions: syntax errors and schema errors are reported at the
 * exact line and field (`record.yaml`, `record.schema`). Used for front matter,
 * assumption files and `.alignment.yaml`.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type * as z from 'zod/mini';
import type { ParseProblem, Range } from './model';

export interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
  /** Line of the YAML text's first line in its file (front matter starts after `---`). */
  lineOffset: number;
  /** Syntax errors; when there are any, `doc.toJS()` may be partial. */
  problems: ParseProblem[];
}

/** Parses YAML text that starts at `lineOffset` in its file. Never throws. */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  texts.set(lineCounter, lineStartsOf(text));
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    // The parser recurses per level: past this depth it would overflow the stack, at a
    // depth that varies from run to run. Reported at the level that is too deep, unparsed.
    const message = `YAML syntax error: nested more than ${MAX_FLOW_DEPTH} levels deep`;
    return { doc: parseDocument(''), lineCounter, lineOffset, problems: [{ code: 'record.yaml', message, range: offsetsToRange(lineCounter, deep, deep + 1, lineOffset) }] };
  }
  // logLevel 'error': the library's warnings would print workspace text (a key) on stderr.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false, logLevel: 'error' });
  const problems: ParseProblem[] = doc.errors.map((error) => {
    const [start, end] = error.pos;
    return {
      code: 'record.yaml' as const,
      message: `YAML syntax error: ${firstLine(error.message)}`,
      range: offsetsToRange(lineCounter, start, Math.max(end, start), lineOffset),
    };
  });
  return { doc, lineCounter, lineOffset, problems };
}

/**
 * Line starts of the text each LineCounter was made for, counted from the text itself:
 * the parser's own count misses line breaks inside a token it could not parse.
 */
const texts = new WeakMap<LineCounter, { starts: number[]; ends: number[]; length: number }>();

/** Where each line starts and ends (the end excludes its `\n` or `\r\n`). */
function lineStartsOf(text: string): { starts: number[]; ends: number[]; length: number } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    ends.push(i > 0 && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i);
    starts.push(i + 1);
  }
  ends.push(text.length);
  return { starts, ends, length: text.length };
}

/** Deepest `[`/`{` nesting parsed; real records and configs use two or three levels. */
export const MAX_FLOW_DEPTH = 64;

/** Offset of the first bracket nested deeper than MAX_FLOW_DEPTH (outside quotes and comments), or undefined. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) quote = 0;
    else if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 0x5c && quote === 0x22) i++; // a backslash escape inside "..."
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x0a)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Converts character offsets in the YAML text into a file range. The parser may point
 * past the end of a line or of the text (an error "at" the line break or the end): such
 * a position is moved back to the end of its line, so every range lies inside the file.
 */
export function offsetsToRange(lineCounter: LineCounter, start: number, end: number, lineOffset = 0): Range {
  const text = texts.get(lineCounter);
  const position = (offset: number) => {
    if (!text) {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line - 1 + lineOffset, column: col - 1 };
    }
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = text.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (text.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + lineOffset, column: Math.min(at, text.ends[lo]) - text.starts[lo] };
  };
  return { start: position(start), end: position(end) };
}

/** The YAML node at `path` (keys and sequence indexes), or undefined. */
export function nodeAt(source: YamlSource, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = source.doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      node = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      return undefined;
    }
  }
  return node as Node | undefined;
}

/**
 * The range to report a problem with the value at `path`: the value itself, else its
 * key, else the nearest enclosing node that exists, else the first line.
 */
export function rangeAt(source: YamlSource, path: readonly PropertyKey[]): Range {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(source, path.slice(0, depth));
    if (node?.range) {
      if (depth < path.length && isMap(node)) {
        // The field is missing: point at the map's first key, which is where it belongs.
        const first = node.items[0];
        const key = first && isPair(first) && isScalar(first.key) ? first.key : undefined;
        if (key?.range) return offsetsToRange(source.lineCounter, key.range[0], key.range[1], source.lineOffset);
      }
      return offsetsToRange(source.lineCounter, node.range[0], node.range[1], source.lineOffset);
    }
  }
  return { start: { line: source.lineOffset, column: 0 }, end: { line: source.lineOffset, column: 0 } };
}

/** The range of the key of the field at `path` (for a field's own diagnostics), falling back to `rangeAt`. */
export function keyRangeAt(source: YamlSource, path: readonly PropertyKey[]): Range {
  const parent = nodeAt(source, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    if (pair && isScalar(pair.key) && pair.key.range) {
      return offsetsToRange(source.lineCounter, pair.key.range[0], pair.key.range[1], source.lineOffset);
    }
  }
  return rangeAt(source, path);
}

/** Validates the document's value against a zod schema; each issue becomes a `record.schema` problem at its field. */
export function validateYaml<T extends z.ZodMiniType>(
  source: YamlSource,
  schema: T,
  value: unknown,
  what: string,
): { data?: z.infer<T>; problems: ParseProblem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => ({
    code: 'record.schema' as const,
    message: `${what}: ${describePath(issue.path)}${issue.message}`,
    range: rangeAt(source, issue.path),
  }));
  return { problems };
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return `\`${path.map(String).join('.')}\` `;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
