/**
 * Text plumbing shared by the record edits: line endings, a leading BOM, the front
 * matter block of a Markdown record, and the smallest replacement between two texts
 * (so that an editor applies a change to the changed span only, keeping the cursor and
 * the undo step small).
 */

/** What an edit returns: the whole new text, or why the record cannot be changed this way. */
export type EditResult =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: string;
      /** The record states no metadata block the edit could use: adding front matter would help. */
      needsFrontMatter?: boolean;
    };

export function failed(reason: string, needsFrontMatter = false): EditResult {
  return needsFrontMatter ? { ok: false, reason, needsFrontMatter } : { ok: false, reason };
}

/** Thrown inside the edit functions and turned into `{ ok: false }` at their boundary. */
export class EditError extends Error {
  constructor(
    message: string,
    readonly needsFrontMatter = false,
  ) {
    super(message);
  }
}

/**
 * Runs an edit on LF text without a BOM and puts the file's own line ending (CRLF when
 * the file uses it) and BOM back. Errors thrown as EditError become `{ ok: false }`.
 */
export function withNormalisedText(text: string, edit: (lf: string) => string): EditResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  const lf = crlf ? body.replace(/\r\n/g, '\n') : body;
  try {
    const changed = edit(lf);
    return { ok: true, text: bom + (crlf ? changed.replace(/\n/g, '\r\n') : changed) };
  } catch (error) {
    if (error instanceof EditError) return failed(error.message, error.needsFrontMatter);
    throw error;
  }
}

/** Offsets of the YAML between the `---` fences at the top of a Markdown text (LF), or undefined. */
export function frontMatterSpan(text: string): { start: number; end: number } | undefined {
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  const start = text.indexOf('\n') + 1;
  const m = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(start));
  if (!m) return undefined;
  return { start, end: start + m.index };
}

/** Replaces the front matter's YAML through `edit`; the fences and the body stay as they are. */
export function editFrontMatter(text: string, edit: (yaml: string) => string): string {
  const span = frontMatterSpan(text);
  if (!span) throw new EditError('The record has no front matter.', true);
  return text.slice(0, span.start) + edit(text.slice(span.start, span.end)) + text.slice(span.end);
}

export interface Replacement {
  /** Offsets in the old text. */
  start: number;
  end: number;
  text: string;
}

/** The one replacement that turns `before` into `after`: common prefix and suffix left alone. */
export function minimalReplacement(before: string, after: string): Replacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** The offset just after the last non-blank character before `end`. */
export function trimmedEnd(text: string, end: number, floor = 0): number {
  let i = end;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}
