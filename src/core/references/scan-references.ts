/**
 * Reference extraction: the places inside comments that name a record (DESIGN §2,
 * "Links from code"). The file is lexed once for its comments; one linear pattern
 * finds candidates, and only candidates inside a comment count.
 *
 * - `tag`: `@decision ADR-7`, `@assumes ASM-3`, `@assumption ASM-3`, several ids after
 *   one tag (`@decision ADR-7, ADR-8 and ADR-9`); the position is the id's, not the tag's.
 * - `mention`: `See ADR-0009.`, `(ADR 0022)`, `ADR009`, `adr-12`: the prefix in any case
 *   at a word start, an optional `-`, `_` or space, digits, then no letter or digit.
 *   Mentions that are part of a URL or of a record path are not mentions.
 * - `anchor`: Decision Ledger's `dl:adr 0042` (→ `ADR-0042`) and `@adr <slug>` (→ the slug).
 * - `path`: a record file's path or a URL ending in it (`docs/adr/0023-x.md`).
 */
import type { CodeReference, RecordKind, ReferenceKind } from '../model';
import { formatId } from '../ids';
import { commentOffsets } from './comment-lexer';
import { commentSyntaxFor } from './languages';
import { escapeRegExp, RecordPathMatcher } from './record-paths';

export interface ScanOptions {
  /** Decision id prefix (`ADR`). */
  decisionPrefix: string;
  /** Assumption id prefix (`ASM`). */
  assumptionPrefix: string;
  /** Workspace-relative decision folders, to recognise record paths. */
  decisionFolders: readonly string[];
}

interface Matcher {
  /** Candidates: 1 tag, 2 `dl:adr`, 3 `@adr`, 4-6 prefix, separator and digits, 7 record-path extension. */
  candidates: RegExp;
  /** Separator then id, after a tag or a previous id of the same tag. */
  taggedId: RegExp;
  decisionPrefix: string;
  assumptionPrefix: string;
  paths: RecordPathMatcher;
}

const matchers = new Map<string, Matcher>();

function matcherFor(options: ScanOptions): Matcher {
  const key = `${options.decisionPrefix}\u0000${options.assumptionPrefix}\u0000${options.decisionFolders.join('\u0000')}`;
  let matcher = matchers.get(key);
  if (matcher) return matcher;
  const prefixes = [...new Set([options.decisionPrefix, options.assumptionPrefix].filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const id = `(${prefixes})([-_ ]?)(\\d+)(?![A-Za-z0-9])`;
  const candidates = new RegExp(
    [
      '(@(?:decisions?|assumes|assumptions?))(?![A-Za-z0-9_])',
      '(?<![A-Za-z0-9_])(dl:adr)(?![A-Za-z0-9_])',
      '(@adr)(?=[ \\t]+[A-Za-z0-9])',
      `(?<![A-Za-z0-9_])${id}`,
      '(\\.(?:md|markdown|rst|adoc))(?![A-Za-z0-9])',
    ].join('|'),
    'gi',
  );
  const taggedId = new RegExp(`(?:[ \\t]+(?:and|&)[ \\t]+|[ \\t]*[,;:(/&]?[ \\t]*)${id}`, 'iy');
  matcher = {
    candidates,
    taggedId,
    decisionPrefix: options.decisionPrefix,
    assumptionPrefix: options.assumptionPrefix,
    paths: new RecordPathMatcher(options.decisionPrefix, options.decisionFolders),
  };
  if (matchers.size > 32) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

interface Found {
  start: number;
  end: number;
  id: string;
  kind: ReferenceKind;
  recordKind: RecordKind;
}

const DL_ADR_NUMBER = /[ \t]*[:#-]?[ \t]*(\d+)(?![A-Za-z0-9])/y;
const ADR_SLUG = /[ \t]+([A-Za-z0-9](?:[A-Za-z0-9_./-]*[A-Za-z0-9])?)/y;

/**
 * The references in `text` (the content of the file at workspace-relative `path`), in
 * text order, with 0-based line and UTF-16 column of the id as written.
 */
/** The comment syntax of a file: by name, else by the shebang on its first line. */
function syntaxOf(path: string, text: string) {
  const newline = text.indexOf('\n');
  return commentSyntaxFor(path, text.slice(0, newline < 0 ? Math.min(text.length, 512) : Math.min(newline, 512)));
}

/** Whether the character at `offset` lies inside a comment, as the scanner sees the file. */
export function isInComment(path: string, text: string, offset: number): boolean {
  const spans = commentOffsets(text, syntaxOf(path, text));
  for (let k = 0; k < spans.length; k += 2) {
    if (spans[k] < offset && offset < spans[k + 1]) return true;
    if (spans[k] > offset) break;
  }
  return false;
}

export function scanReferences(path: string, text: string, options: ScanOptions): CodeReference[] {
  const found: Found[] = [];
  scanCandidates(path, text, matcherFor(options), found);
  found.sort((a, b) => a.start - b.start);
  return toReferences(path, text, found);
}

/**
 * False when scanReferences finds nothing in `text` whatever the decision folders: no
 * candidate lies inside a comment. It needs only the id prefixes, so it can answer
 * before the layout is known (the decision folders matter only once a candidate is found).
 */
export function mayHaveReferences(path: string, text: string, prefixes: Pick<ScanOptions, 'decisionPrefix' | 'assumptionPrefix'>): boolean {
  return scanCandidates(path, text, matcherFor({ ...prefixes, decisionFolders: [] }));
}

/**
 * Walks the candidates that lie inside comments, pushing the references they make onto
 * `found`; without `found`, stops at the first such candidate. True when there was one.
 */
function scanCandidates(path: string, text: string, matcher: Matcher, found?: Found[]): boolean {
  const re = matcher.candidates;
  re.lastIndex = 0;
  let m = re.exec(text);
  if (!m) return false;

  const spans = commentOffsets(text, syntaxOf(path, text));
  const tokens = new TokenCache(text, matcher.paths);
  let any = false;
  let k = 0;

  for (; m; m = re.exec(text)) {
    const at = m.index;
    while (k < spans.length && spans[k + 1] <= at) k += 2;
    if (k >= spans.length) break;
    const spanStart = spans[k];
    const spanEnd = spans[k + 1];
    if (at < spanStart) {
      re.lastIndex = spanStart;
      continue;
    }
    const matchEnd = at + m[0].length;
    if (matchEnd > spanEnd) {
      re.lastIndex = at + 1;
      continue;
    }
    any = true;
    if (!found) return true;

    if (m[1] !== undefined) {
      re.lastIndex = taggedIds(text, matcher, m[1], matchEnd, spanEnd, found);
    } else if (m[2] !== undefined) {
      DL_ADR_NUMBER.lastIndex = matchEnd;
      const n = DL_ADR_NUMBER.exec(text);
      if (n && DL_ADR_NUMBER.lastIndex <= spanEnd) {
        const end = DL_ADR_NUMBER.lastIndex;
        found.push({ start: end - n[1].length, end, id: formatId(matcher.decisionPrefix, n[1]), kind: 'anchor', recordKind: 'decision' });
        re.lastIndex = end;
      }
    } else if (m[3] !== undefined) {
      ADR_SLUG.lastIndex = matchEnd;
      const n = ADR_SLUG.exec(text);
      if (n) {
        const start = ADR_SLUG.lastIndex - n[1].length;
        const end = Math.min(ADR_SLUG.lastIndex, spanEnd);
        if (end > start) {
          found.push({ start, end, id: anchorId(text.slice(start, end), matcher), kind: 'anchor', recordKind: 'decision' });
          re.lastIndex = end;
        }
      }
    } else if (m[4] !== undefined) {
      if (!tokens.insideUrlOrRecordPath(at, matchEnd, spanStart, spanEnd)) {
        found.push({ start: at, end: matchEnd, id: formatId(prefixOf(m[4], matcher), m[6]), kind: 'mention', recordKind: recordKindOf(m[4], matcher) });
      }
    } else {
      const start = tokens.pathStart(at, spanStart);
      const id = start < at ? matcher.paths.idOf(text.slice(start, matchEnd)) : undefined;
      if (id !== undefined) found.push({ start, end: matchEnd, id, kind: 'path', recordKind: 'decision' });
    }
  }
  return any;
}

/** The ids after a tag; returns where scanning continues. */
function taggedIds(text: string, matcher: Matcher, tag: string, from: number, limit: number, found: Found[]): number {
  const assumptionTag = /^@assum/i.test(tag);
  const re = matcher.taggedId;
  let p = from;
  for (;;) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m || re.lastIndex > limit) return p;
    const end = re.lastIndex;
    const start = end - (m[1].length + m[2].length + m[3].length);
    found.push({
      start,
      end,
      id: formatId(prefixOf(m[1], matcher), m[3]),
      kind: 'tag',
      recordKind: assumptionTag ? 'assumption' : recordKindOf(m[1], matcher),
    });
    p = end;
  }
}

function prefixOf(written: string, matcher: Matcher): string {
  return written.toUpperCase() === matcher.assumptionPrefix.toUpperCase() ? matcher.assumptionPrefix : matcher.decisionPrefix;
}

function recordKindOf(written: string, matcher: Matcher): RecordKind {
  return written.toUpperCase() === matcher.assumptionPrefix.toUpperCase() && written.toUpperCase() !== matcher.decisionPrefix.toUpperCase()
    ? 'assumption'
    : 'decision';
}

/**
 * `@adr 42` and `@adr ADR-42` name a numbered decision; log4brains' `@adr web/20200927-slug`
 * names the record whose slug is `slug`; any other slug is kept as written.
 */
function anchorId(written: string, matcher: Matcher): string {
  const slug = written.slice(written.lastIndexOf('/') + 1).replace(/^\d{8}-(?=.)/, '');
  if (/^\d+$/.test(slug)) return formatId(matcher.decisionPrefix, slug);
  const numbered = new RegExp(`^${escapeRegExp(matcher.decisionPrefix)}[-_]?(\\d+)$`, 'i').exec(slug);
  return numbered ? formatId(matcher.decisionPrefix, numbered[1]) : slug;
}

// --- URL / path tokens -----------------------------------------------------------------

const PATH_CHAR = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~%/:+@-#?=&') PATH_CHAR[ch.charCodeAt(0)] = 1;
function isPathChar(c: number): boolean {
  return c < 128 && PATH_CHAR[c] === 1;
}

/** Longest record path or URL recognised in a comment. */
const MAX_PATH_LENGTH = 1024;

/** The run of path characters around a mention, cached so a long run is walked once. */
class TokenCache {
  private start = -1;
  private end = -1;
  private suppresses = false;

  constructor(
    private readonly text: string,
    private readonly paths: RecordPathMatcher,
  ) {}

  /** Whether the mention at [at, end) is part of a URL or of a record path (which is reported as a `path`). */
  insideUrlOrRecordPath(at: number, end: number, lo: number, hi: number): boolean {
    if (at >= this.start && end <= this.end) return this.suppresses;
    const { text } = this;
    let s = at;
    while (s > lo && isPathChar(text.charCodeAt(s - 1))) s--;
    let e = end;
    while (e < hi && isPathChar(text.charCodeAt(e))) e++;
    this.start = s;
    this.end = e;
    this.suppresses = false;
    if (s === at && e === end) return false;
    const token = text.slice(s, e);
    if (token.includes('://') || /^www\./i.test(token)) this.suppresses = true;
    else if (token.includes('/')) {
      const ext = /\.(?:md|markdown|rst|adoc)(?![A-Za-z0-9])/i.exec(token);
      if (ext) {
        const path = token.slice(0, ext.index + ext[0].length);
        const pathStart = s + stripLabel(path);
        this.suppresses = pathStart <= at && this.paths.idOf(text.slice(pathStart, s + path.length)) !== undefined;
      }
    }
    return this.suppresses;
  }

  /**
   * Where the path ending at the extension at `extensionAt` starts; `extensionAt` itself
   * when the run of path characters before it is longer than any path (so a comment of
   * `.md` repeated costs a bounded walk per extension, not a walk to the comment's start).
   */
  pathStart(extensionAt: number, lo: number): number {
    const { text } = this;
    let s = extensionAt;
    while (s > lo && s > this.runEnd && isPathChar(text.charCodeAt(s - 1))) s--;
    // Reached the end of the run walked last time: it starts where that one did.
    if (s === this.runEnd && s > lo && this.runStart >= lo) s = this.runStart;
    this.runStart = s;
    this.runEnd = extensionAt;
    if (extensionAt - s > MAX_PATH_LENGTH) return extensionAt;
    return s + stripLabel(text.slice(s, extensionAt));
  }

  /** The run of path characters [runStart, runEnd) seen by the last pathStart. */
  private runStart = -1;
  private runEnd = -1;
}

/** How many leading characters are a label rather than path (`See:docs/adr/1-x.md` → 4); URLs keep their scheme. */
function stripLabel(token: string): number {
  const scheme = token.indexOf('://');
  if (scheme >= 0) {
    const s = token.lastIndexOf(':', scheme - 1);
    return s >= 0 ? s + 1 : 0;
  }
  const colon = token.lastIndexOf(':');
  return colon >= 0 ? colon + 1 : 0;
}

// --- positions ---------------------------------------------------------------------------

function toReferences(path: string, text: string, found: Found[]): CodeReference[] {
  const refs: CodeReference[] = [];
  let line = 0;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next line break at or after `lineStart`; found once per line, not once per reference.
  let nextBreak = text.indexOf('\n', lineStart);
  for (const f of found) {
    while (nextBreak >= 0 && nextBreak < f.start) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    refs.push({
      path,
      line,
      column: f.start - lineStart,
      endColumn: f.end - lineStart,
      text: text.slice(f.start, f.end),
      id: f.id,
      kind: f.kind,
      recordKind: f.recordKind,
    });
  }
  return refs;
}
