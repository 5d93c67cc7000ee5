/**
 * The comment lexer: one left-to-right pass over a file that reports where its comments
 * are, skipping string literals (so an id inside a string is never mistaken for one
 * in a comment). Linear time: every construct is closed by `indexOf` or a forward
 * character loop, never by a backtracking pattern; unterminated strings and comments
 * end at the line end (single-line literals) or at the end of the text.
 *
 * Comment spans are content ranges (delimiters excluded), in text order, as UTF-16
 * offsets. Docstrings (Python, Julia, Elixir `@doc`, GraphQL descriptions) count as comments.
 */
import type { BlockCommentSyntax, CommentSyntax, LineCommentSyntax, StringSyntax } from './comment-syntax';
import { EMBEDDED_SCRIPT_SYNTAX, EMBEDDED_STYLE_SYNTAX } from './languages';

export interface CommentSpan {
  /** Offset of the comment's first character after its opener. */
  start: number;
  /** Offset just past its last character before its closer (or the line end). */
  end: number;
}

/** The comments of `text`, in order. */
export function findComments(text: string, syntax: CommentSyntax): CommentSpan[] {
  const flat = commentOffsets(text, syntax);
  const spans: CommentSpan[] = [];
  for (let k = 0; k < flat.length; k += 2) spans.push({ start: flat[k], end: flat[k + 1] });
  return spans;
}

/** The comments of `text` as a flat list `[start0, end0, start1, end1, …]` (no allocation per comment). */
export function commentOffsets(text: string, syntax: CommentSyntax, from = 0, to = text.length): number[] {
  const out: number[] = [];
  let start = from;
  if (text.charCodeAt(start) === 0xfeff) start++;
  // A shebang line is not a comment of the language (and not a Rust `#![attribute]`).
  if (text.startsWith('#!', start) && text.charCodeAt(start + 2) !== 0x5b /* [ */) {
    const nl = text.indexOf('\n', start);
    start = nl < 0 || nl > to ? to : nl;
  }
  new Lexer(text, compile(syntax), out, to).run(start);
  return out;
}

// --- compiled syntax -------------------------------------------------------------------

type Candidate =
  | { kind: 'line'; open: string; spec: LineCommentSyntax }
  | { kind: 'block'; open: string; spec: BlockCommentSyntax }
  | { kind: 'string'; open: string; spec: StringSyntax };

interface Compiled {
  syntax: CommentSyntax;
  /** 1 for ASCII characters that may begin something the lexer must look at. */
  interesting: Uint8Array;
  /** Candidates by first character, longest opener first. */
  byChar: (Candidate[] | undefined)[];
}

const compiledCache = new WeakMap<CommentSyntax, Compiled>();

function compile(syntax: CommentSyntax): Compiled {
  const cached = compiledCache.get(syntax);
  if (cached) return cached;
  const interesting = new Uint8Array(128);
  const byChar: (Candidate[] | undefined)[] = new Array(128);
  const add = (candidate: Candidate): void => {
    const code = candidate.open.charCodeAt(0);
    (byChar[code] ??= []).push(candidate);
    interesting[code] = 1;
  };
  for (const spec of syntax.lineComments) add({ kind: 'line', open: spec.marker, spec });
  for (const spec of syntax.blockComments) add({ kind: 'block', open: spec.open, spec });
  for (const spec of syntax.strings) add({ kind: 'string', open: spec.open, spec });
  for (const list of byChar) list?.sort((a, b) => b.open.length - a.open.length);
  const mark = (chars: string): void => {
    for (let k = 0; k < chars.length; k++) interesting[chars.charCodeAt(k)] = 1;
  };
  if (syntax.rustRawStrings) mark('rbc');
  if (syntax.cppRawStrings) mark('R');
  if (syntax.longBrackets) mark('[' + syntax.longBrackets.commentPrefix[0]);
  if (syntax.heredoc) mark('<\n');
  if (syntax.regexLiterals) mark('/');
  if (syntax.templateLiterals) mark('`{}');
  if (syntax.charPrefix) mark(syntax.charPrefix.marker);
  if (syntax.markup) mark('<');
  const compiled = { syntax, interesting, byChar };
  compiledCache.set(syntax, compiled);
  return compiled;
}

// --- character classes -----------------------------------------------------------------

const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(ch)) WORD[c] = 1;
}
function isWord(c: number): boolean {
  return c < 128 ? WORD[c] === 1 : c !== 0xfeff && c > 0xbf; // letters of other scripts count as word characters
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Characters after which `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set('(,=:[!&|?{};+-*%<>~^'.split('').map((c) => c.charCodeAt(0)));
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);
/** Characters after which a line-initial triple-quoted string continues an expression instead of being a docstring. */
const EXPRESSION_CONTINUES = new Set('([{,=+-*/%\\|&<>^~@.'.split('').map((c) => c.charCodeAt(0)));
/** Characters that make `--…` a Haskell operator rather than a comment. */
const HASKELL_SYMBOLS = new Set('!#$%&*+./<=>?@\\^|~:'.split('').map((c) => c.charCodeAt(0)));
/** Characters after which shell-like `#` starts a comment (not `{`: `${#x}` is a length). */
const WORD_START_AFTER = new Set(';|&()'.split('').map((c) => c.charCodeAt(0)));

const SCRIPT_CLOSE = /<\/script\s*>/gi;
const STYLE_CLOSE = /<\/style\s*>/gi;
const HEREDOC = /<<(<?)([~-]?)([ \t]*)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\4/y;

// --- the lexer -------------------------------------------------------------------------

class Lexer {
  private readonly syntax: CommentSyntax;
  /** Full extents (delimiters included) of the comments found, for looking backwards past them. */
  private readonly fullStarts: number[] = [];
  private readonly fullEnds: number[] = [];
  /** Open `${` interpolations of template literals: `{` depth inside each. */
  private readonly templates: number[] = [];
  private readonly pendingHeredocs: { delimiter: string }[] = [];
  private readonly missingHeredocs = new Set<string>();
  private lower = 0;

  constructor(
    private readonly text: string,
    private readonly compiled: Compiled,
    private readonly out: number[],
    private readonly to: number,
  ) {
    this.syntax = compiled.syntax;
  }

  run(from: number): void {
    const { text, to } = this;
    const { interesting } = this.compiled;
    this.lower = from;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c >= 128 || interesting[c] === 0) {
        i++;
        continue;
      }
      i = this.step(i, c);
    }
  }

  private emit(fullStart: number, start: number, end: number, fullEnd: number): void {
    if (end < start) end = start;
    this.out.push(start, end);
    this.fullStarts.push(fullStart);
    this.fullEnds.push(fullEnd);
  }

  /** Handles the interesting character `c` at `i`; returns where to continue (always > i). */
  private step(i: number, c: number): number {
    const { text, syntax } = this;

    if (syntax.longBrackets) {
      const prefix = syntax.longBrackets.commentPrefix;
      if (c === prefix.charCodeAt(0) && text.startsWith(prefix, i)) {
        const level = longBracketLevel(text, i + prefix.length);
        if (level >= 0) return this.longBracket(i, i + prefix.length, level, true);
      }
      if (c === 0x5b /* [ */) {
        const level = longBracketLevel(text, i);
        if (level >= 0) return this.longBracket(i, i, level, false);
      }
    }

    const candidates = this.compiled.byChar[c];
    if (candidates) {
      for (const candidate of candidates) {
        if (!text.startsWith(candidate.open, i)) continue;
        let next = -1;
        if (candidate.kind === 'line') next = this.lineComment(i, candidate.spec);
        else if (candidate.kind === 'block') next = this.blockComment(i, candidate.spec);
        else next = this.stringLiteral(i, candidate.spec);
        if (next > i) return next;
      }
    }

    switch (c) {
      case 0x0a /* \n */:
        return this.pendingHeredocs.length > 0 ? this.heredocBodies(i + 1) : i + 1;
      case 0x2f /* / */:
        return syntax.regexLiterals ? this.regexLiteral(i) : i + 1;
      case 0x60 /* ` */:
        return syntax.templateLiterals ? this.templateLiteral(i + 1) : i + 1;
      case 0x7b /* { */:
        if (this.templates.length > 0) this.templates[this.templates.length - 1]++;
        return i + 1;
      case 0x7d /* } */: {
        const depth = this.templates.length;
        if (depth === 0) return i + 1;
        if (this.templates[depth - 1] > 0) {
          this.templates[depth - 1]--;
          return i + 1;
        }
        this.templates.pop();
        return this.templateLiteral(i + 1);
      }
      case 0x3c /* < */:
        if (syntax.markup) {
          const next = this.embedded(i);
          if (next > i) return next;
        }
        return syntax.heredoc ? this.heredocOpener(i) : i + 1;
    }
    if (syntax.rustRawStrings && (c === 0x72 || c === 0x62 || c === 0x63)) return this.rustRawString(i);
    if (syntax.cppRawStrings && c === 0x52) return this.cppRawString(i);
    if (syntax.charPrefix && c === syntax.charPrefix.marker.charCodeAt(0)) return this.charPrefixed(i);
    return i + 1;
  }

  // --- comments ---

  private lineComment(i: number, spec: LineCommentSyntax): number {
    const { text } = this;
    const prev = i > this.lower ? text.charCodeAt(i - 1) : 10;
    if (spec.column0 && prev !== 10) return -1;
    if (spec.atLineStart && !this.onlyBlanksBefore(i)) return -1;
    if (spec.wordStart && !(prev === 10 || isSpace(prev) || WORD_START_AFTER.has(prev))) return -1;
    if (spec.notAfter && i > this.lower && spec.notAfter.includes(text[i - 1])) return -1;
    const after = i + spec.marker.length;
    if (spec.notFollowedBy && after < this.to && spec.notFollowedBy.includes(text[after])) return -1;
    if (spec.operatorAware) {
      let p = after;
      while (p < this.to && text.charCodeAt(p) === 0x2d) p++;
      if (p < this.to && HASKELL_SYMBOLS.has(text.charCodeAt(p))) return -1;
    }
    const end = this.lineEnd(after);
    this.emit(i, after, trimCr(text, after, end), end);
    return end;
  }

  private blockComment(i: number, spec: BlockCommentSyntax): number {
    const { text, to } = this;
    const { open, close } = spec;
    const start = i + open.length;
    if (spec.column0) {
      if (i > this.lower && text.charCodeAt(i - 1) !== 10) return -1;
      if (start < to && !isSpace(text.charCodeAt(start))) return -1;
      let p = start;
      for (;;) {
        const at = this.find('\n' + close, p);
        if (at < 0) {
          this.emit(i, start, to, to);
          return to;
        }
        const after = at + 1 + close.length;
        if (after >= to || isSpace(text.charCodeAt(after))) {
          const end = this.lineEnd(after);
          this.emit(i, start, at, end);
          return end;
        }
        p = at + 1;
      }
    }
    if (spec.atLineStart) {
      if (!this.onlyBlanksBefore(i) || this.lineEnd(start) !== skipBlanks(text, start, to, true)) return -1;
      let p = start;
      for (;;) {
        const at = this.find(close, p);
        if (at < 0) {
          this.emit(i, start, to, to);
          return to;
        }
        if (this.onlyBlanksBefore(at)) {
          const end = at + close.length;
          this.emit(i, start, at, end);
          return end;
        }
        p = at + close.length;
      }
    }
    if (!spec.nested) {
      const at = this.find(close, start);
      if (at < 0) {
        this.emit(i, start, to, to);
        return to;
      }
      this.emit(i, start, at, at + close.length);
      return at + close.length;
    }
    let depth = 1;
    let p = start;
    let nextOpen = this.find(open, p);
    let nextClose = this.find(close, p);
    for (;;) {
      if (nextClose < 0) {
        this.emit(i, start, to, to);
        return to;
      }
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        p = nextOpen + open.length;
        nextOpen = this.find(open, p);
        if (nextClose < p) nextClose = this.find(close, p);
        continue;
      }
      depth--;
      p = nextClose + close.length;
      if (depth === 0) {
        this.emit(i, start, nextClose, p);
        return p;
      }
      nextClose = this.find(close, p);
      if (nextOpen >= 0 && nextOpen < p) nextOpen = this.find(open, p);
    }
  }

  private longBracket(i: number, bracket: number, level: number, comment: boolean): number {
    const start = bracket + level + 2;
    const close = ']' + '='.repeat(level) + ']';
    const at = this.find(close, start);
    const end = at < 0 ? this.to : at;
    const after = at < 0 ? this.to : at + close.length;
    if (comment) this.emit(i, start, end, after);
    return after;
  }

  // --- strings ---

  private stringLiteral(i: number, spec: StringSyntax): number {
    const { text, to } = this;
    if (spec.notAfterWord && i > this.lower) {
      const prev = text.charCodeAt(i - 1);
      if (isWord(prev) || prev === 0x29 || prev === 0x5d || prev === 0x7d || prev === 0x27 || prev === 0x2e) return -1;
    }
    const start = i + spec.open.length;
    if (spec.charLiteral) return this.charLiteral(i);
    if (spec.toLineEnd) return this.lineEnd(start);

    const { close } = spec;
    const closeFirst = close.charCodeAt(0);
    let p = start;
    let end = -1;
    if (spec.escape === 'none' && spec.multiline) {
      for (;;) {
        const at = this.find(close, p);
        if (at < 0) break;
        const after = at + close.length;
        if (spec.closeNotFollowedBy && after < to && spec.closeNotFollowedBy.includes(text[after])) {
          p = after + 1;
          continue;
        }
        end = at;
        break;
      }
    } else {
      const escapeChar = spec.escape === 'backslash' ? 0x5c : spec.escape === 'backtick' ? 0x60 : -1;
      while (p < to) {
        const ch = text.charCodeAt(p);
        if (ch === escapeChar) {
          p += 2;
          continue;
        }
        if (ch === closeFirst && text.startsWith(close, p)) {
          if (spec.escape === 'double' && text.startsWith(close, p + close.length)) {
            p += close.length * 2;
            continue;
          }
          end = p;
          break;
        }
        if (ch === 10 && !spec.multiline) break;
        p++;
      }
    }
    const stop = end < 0 ? Math.min(p, to) : end;
    const after = end < 0 ? stop : end + close.length;
    if (spec.doc && this.isDocString(i, spec)) this.emit(i, start, stop, after);
    return after > i ? after : i + 1;
  }

  private charLiteral(i: number): number {
    const { text, to } = this;
    const first = text.charCodeAt(i + 1);
    if (i + 2 >= to || first === 10 || first === 0x27) return -1;
    if (first === 0x5c) {
      for (let p = i + 3; p < Math.min(to, i + 14); p++) {
        const ch = text.charCodeAt(p);
        if (ch === 0x27) return p + 1;
        if (ch === 10) return -1;
      }
      return -1;
    }
    const width = first >= 0xd800 && first <= 0xdbff ? 2 : 1;
    return text.charCodeAt(i + 1 + width) === 0x27 ? i + 2 + width : -1;
  }

  private charPrefixed(i: number): number {
    const { text, to } = this;
    const prefix = this.syntax.charPrefix!;
    if (prefix.notAfterWord) {
      // Ruby / Elixir `?a`: only before a single character that ends there (`x ? a : b` is not one).
      if (i > this.lower && isWord(text.charCodeAt(i - 1))) return i + 1;
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= to || isSpace(next)) return i + 1;
      if (next === 0x5c) return Math.min(to, i + 3);
      if (i + 2 < to && isWord(text.charCodeAt(i + 2))) return i + 1;
      return i + 2;
    }
    if (i + 1 >= to) return to;
    return Math.min(to, text.charCodeAt(i + 1) === 0x5c ? i + 3 : i + 2);
  }

  private isDocString(i: number, spec: StringSyntax): boolean {
    if (spec.doc === 'always') return true;
    const { text } = this;
    if (spec.doc === 'doc-attribute') {
      let p = i - 1;
      if (p >= this.lower + 1 && (text[p] === 'S' || text[p] === 's') && text[p - 1] === '~') p -= 2;
      while (p >= this.lower && isBlank(text.charCodeAt(p))) p--;
      const end = p + 1;
      while (p >= this.lower && isWord(text.charCodeAt(p))) p--;
      return p >= this.lower && text[p] === '@' && /^(?:module|type|short)?doc$/.test(text.slice(p + 1, end));
    }
    // A statement of its own: first on its line, after a line that does not continue an expression.
    let p = i - 1;
    while (p >= this.lower && text.charCodeAt(p) !== 10) {
      const ch = text.charCodeAt(p);
      if (!isBlank(ch) && !/[rRuUbBfF]/.test(text[p])) return false;
      p--;
    }
    const before = this.previousSignificant(p);
    return before < 0 || !EXPRESSION_CONTINUES.has(text.charCodeAt(before));
  }

  private templateLiteral(p: number): number {
    const { text, to } = this;
    while (p < to) {
      const ch = text.charCodeAt(p);
      if (ch === 0x5c) {
        p += 2;
        continue;
      }
      if (ch === 0x60) return p + 1;
      if (ch === 0x24 && text.charCodeAt(p + 1) === 0x7b) {
        this.templates.push(0);
        return p + 2;
      }
      p++;
    }
    return to;
  }

  private regexLiteral(i: number): number {
    const { text, to } = this;
    if (!this.regexAllowed(i)) return i + 1;
    let inClass = false;
    for (let p = i + 1; p < to; p++) {
      const ch = text.charCodeAt(p);
      if (ch === 0x5c) p++;
      else if (ch === 10 || ch === 13) return i + 1;
      else if (inClass) {
        if (ch === 0x5d) inClass = false;
      } else if (ch === 0x5b) inClass = true;
      else if (ch === 0x2f) return p + 1;
    }
    return i + 1;
  }

  private regexAllowed(i: number): boolean {
    const p = this.previousSignificant(i - 1);
    if (p < 0) return true;
    const ch = this.text.charCodeAt(p);
    if (REGEX_AFTER.has(ch)) return true;
    if (!isWord(ch)) return false;
    let q = p;
    while (q >= this.lower && isWord(this.text.charCodeAt(q))) q--;
    return REGEX_AFTER_WORDS.has(this.text.slice(q + 1, p + 1));
  }

  private rustRawString(i: number): number {
    const { text } = this;
    if (i > this.lower && isWord(text.charCodeAt(i - 1))) return i + 1;
    let p = i;
    if (text[p] !== 'r') p++;
    if (text[p] !== 'r') return i + 1;
    p++;
    let hashes = 0;
    while (text.charCodeAt(p) === 0x23) {
      hashes++;
      p++;
    }
    if (text.charCodeAt(p) !== 0x22) return i + 1;
    const close = '"' + '#'.repeat(hashes);
    const at = this.find(close, p + 1);
    return at < 0 ? this.to : at + close.length;
  }

  private cppRawString(i: number): number {
    const { text } = this;
    if (text.charCodeAt(i + 1) !== 0x22) return i + 1;
    let q = i - 1;
    if (q >= this.lower && (text[q] === 'u' || text[q] === 'U' || text[q] === 'L')) q--;
    else if (q >= this.lower + 1 && text[q] === '8' && text[q - 1] === 'u') q -= 2;
    if (q >= this.lower && isWord(text.charCodeAt(q))) return i + 1;
    const paren = text.indexOf('(', i + 2);
    if (paren < 0 || paren - (i + 2) > 16 || paren >= this.to) return i + 1;
    const delimiter = text.slice(i + 2, paren);
    if (/[\s\\)]/.test(delimiter)) return i + 1;
    const close = ')' + delimiter + '"';
    const at = this.find(close, paren + 1);
    return at < 0 ? this.to : at + close.length;
  }

  // --- heredocs ---

  private heredocOpener(i: number): number {
    const { text, syntax } = this;
    if (text.charCodeAt(i + 1) !== 0x3c) return i + 1;
    if (i > this.lower && text.charCodeAt(i - 1) === 0x3c) return i + 1;
    HEREDOC.lastIndex = i;
    const m = HEREDOC.exec(text);
    if (!m) return i + 1;
    const phpStyle = m[1] === '<';
    if (phpStyle !== (syntax.heredoc === '<<<')) return i + 1;
    if (m[3] && !syntax.heredocSpace) return i + 1;
    const delimiter = m[5];
    const end = i + m[0].length;
    if (end > this.to) return i + 1;
    if (!this.missingHeredocs.has(delimiter)) this.pendingHeredocs.push({ delimiter });
    return end;
  }

  /** Skips the bodies of the heredocs opened on the line that ended just before `p`. */
  private heredocBodies(p: number): number {
    const { text, to } = this;
    while (this.pendingHeredocs.length > 0) {
      const { delimiter } = this.pendingHeredocs.shift()!;
      let line = p;
      let found = -1;
      while (line < to) {
        const first = skipBlanks(text, line, to, false);
        const after = first + delimiter.length;
        if (text.startsWith(delimiter, first) && (after >= to || !isWord(text.charCodeAt(after)))) {
          found = this.lineEnd(after);
          break;
        }
        const nl = text.indexOf('\n', line);
        if (nl < 0 || nl >= to) break;
        line = nl + 1;
      }
      if (found < 0) {
        // No terminator: it was not a heredoc after all (`1 << N`); lex the lines as code.
        this.missingHeredocs.add(delimiter);
        this.pendingHeredocs.length = 0;
        return p;
      }
      p = found;
    }
    return p > this.to ? this.to : Math.max(p, 0);
  }

  // --- markup ---

  private embedded(i: number): number {
    const { text, to } = this;
    const script = startsWithTag(text, i, 'script');
    const style = !script && startsWithTag(text, i, 'style');
    if (!script && !style) return -1;
    const gt = text.indexOf('>', i);
    if (gt < 0 || gt >= to) return to;
    if (text.charCodeAt(gt - 1) === 0x2f) return gt + 1;
    const closer = script ? SCRIPT_CLOSE : STYLE_CLOSE;
    closer.lastIndex = gt + 1;
    const m = closer.exec(text);
    const bodyEnd = m && m.index < to ? m.index : to;
    const inner = compile(script ? EMBEDDED_SCRIPT_SYNTAX : EMBEDDED_STYLE_SYNTAX);
    new Lexer(text, inner, this.out, bodyEnd).run(gt + 1);
    return bodyEnd > i ? bodyEnd : i + 1;
  }

  // --- helpers ---

  /** `indexOf` bounded by the end of the lexed range; -1 when absent. */
  private find(needle: string, from: number): number {
    const at = this.text.indexOf(needle, from);
    return at < 0 || at + needle.length > this.to ? -1 : at;
  }

  private lineEnd(from: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl < 0 || nl > this.to ? this.to : nl;
  }

  private onlyBlanksBefore(i: number): boolean {
    let p = i - 1;
    while (p >= this.lower && isBlank(this.text.charCodeAt(p))) p--;
    return p < this.lower || this.text.charCodeAt(p) === 10;
  }

  /** The offset of the last non-blank character at or before `p` that is outside comments, or -1. */
  private previousSignificant(p: number): number {
    const { text, fullStarts, fullEnds } = this;
    let k = fullStarts.length - 1;
    while (p >= this.lower) {
      while (k >= 0 && fullStarts[k] > p) k--;
      if (k >= 0 && p < fullEnds[k]) {
        p = fullStarts[k] - 1;
        continue;
      }
      if (!isSpace(text.charCodeAt(p))) return p;
      p--;
    }
    return -1;
  }
}

function trimCr(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** Skips spaces and tabs; with `toLineEnd`, also a trailing `\r`. */
function skipBlanks(text: string, p: number, to: number, toLineEnd: boolean): number {
  while (p < to && (isBlank(text.charCodeAt(p)) || (toLineEnd && text.charCodeAt(p) === 13))) p++;
  return p;
}

/** `[[` → 0, `[==[` → 2, anything else → -1. */
function longBracketLevel(text: string, p: number): number {
  if (text.charCodeAt(p) !== 0x5b) return -1;
  let level = 0;
  let q = p + 1;
  while (text.charCodeAt(q) === 0x3d) {
    level++;
    q++;
  }
  return text.charCodeAt(q) === 0x5b ? level : -1;
}

function startsWithTag(text: string, i: number, name: string): boolean {
  if (text.charCodeAt(i) !== 0x3c) return false;
  const end = i + 1 + name.length;
  if (text.slice(i + 1, end).toLowerCase() !== name) return false;
  const next = text.charCodeAt(end);
  return isSpace(next) || next === 0x3e || next === 0x2f;
}
