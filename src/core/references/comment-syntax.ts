/**
 * How a language writes comments and string literals: the data the comment lexer runs on.
 * Plain data so the table of languages stays readable; the few constructs that are not
 * "an opener and a closer" (Rust raw strings, Lua long brackets, heredocs, JS regex and
 * template literals, embedded `<script>`) are named flags the lexer knows.
 */

export interface LineCommentSyntax {
  /** `//`, `#`, `--`, `;`, `%`, `'`, `!`, `REM `. */
  marker: string;
  /** Only when nothing but whitespace precedes it on its line (Dockerfile, INI, VB `REM`). */
  atLineStart?: boolean;
  /** Only in the very first column (fixed-form Fortran's `C`). */
  column0?: boolean;
  /** Only at the start of a word: after whitespace, a line start or one of `;|&()` (shell `#`, YAML `#`). */
  wordStart?: boolean;
  /** Not when the previous character is one of these (Perl `$#`, Makefile `\#`, SCSS `url(http://`). */
  notAfter?: string;
  /** Not when the next character is one of these (PHP 8 attributes `#[`). */
  notFollowedBy?: string;
  /** `--` followed by an operator symbol is an operator, not a comment (Haskell, Elm). */
  operatorAware?: boolean;
}

export interface BlockCommentSyntax {
  open: string;
  close: string;
  /** Block comments nest (Rust, Haskell, Swift, Scala, Dart, Kotlin, OCaml, Julia, Lisp). */
  nested?: boolean;
  /** Opener and closer must start a line, in its first column (Ruby `=begin`/`=end`, Perl POD). */
  column0?: boolean;
  /** Opener and closer must be the first non-blank text of their line (MATLAB `%{`/`%}`). */
  atLineStart?: boolean;
}

export type EscapeStyle =
  /** `\"` escapes the delimiter. */
  | 'backslash'
  /** The closer written twice is one literal character (`'it''s'` in SQL, `""` in VB). */
  | 'double'
  /** PowerShell: a backtick escapes the next character. */
  | 'backtick'
  /** Nothing escapes (raw strings, shell `'...'`, Go backticks). */
  | 'none';

export interface StringSyntax {
  open: string;
  close: string;
  escape: EscapeStyle;
  /** Whether the literal may span lines; a single-line literal left open ends at the line end. */
  multiline: boolean;
  /** Runs to the end of the line (Zig `\\` line strings); `close` is ignored. */
  toLineEnd?: boolean;
  /**
   * A character literal: a string only when it closes right after one character or one
   * escape (so Rust lifetimes `'a` and OCaml type variables are not strings).
   */
  charLiteral?: boolean;
  /**
   * Not a literal right after an identifier character or a closing bracket (Haskell
   * primes `x'`, MATLAB/Julia transpose `a'`, apostrophes in YAML plain scalars).
   */
  notAfterWord?: boolean;
  /** The closer does not close when followed by one of these (Nix `'''`, `''$`). */
  closeNotFollowedBy?: string;
  /**
   * Documentation rather than data, so its text is searched like a comment:
   * `always` (GraphQL descriptions), `statement` (a literal standing as a statement of its
   * own: Python and Julia docstrings), `doc-attribute` (Elixir `@moduledoc """`).
   */
  doc?: 'always' | 'statement' | 'doc-attribute';
}

export interface CommentSyntax {
  /** A stable language id: `typescript`, `python`, `shell`, …, or `fallback`. */
  language: string;
  lineComments: LineCommentSyntax[];
  blockComments: BlockCommentSyntax[];
  strings: StringSyntax[];
  /** Rust raw strings `r"…"`, `r#"…"#`, `br#"…"#`. */
  rustRawStrings?: boolean;
  /** C++ raw strings `R"delim(…)delim"`. */
  cppRawStrings?: boolean;
  /** Lua / CMake long brackets: `[[…]]`, `[==[…]==]` strings and `<prefix>[[…]]` comments. */
  longBrackets?: { commentPrefix: string };
  /** Heredocs: `<<EOF`, `<<-EOF`, `<<~EOF`, `<<'EOF'` (`<<`) or PHP's `<<<EOT` (`<<<`). */
  heredoc?: '<<' | '<<<';
  /** Heredoc delimiters may follow `<<` after spaces (shell `cat << EOF`). */
  heredocSpace?: boolean;
  /** JavaScript regular expression literals `/…/` (so `/"/` opens no string). */
  regexLiterals?: boolean;
  /** JavaScript template literals with `${ … }` holding code (and comments). */
  templateLiterals?: boolean;
  /** A character literal written as a prefix plus one character: Erlang `$"`, Clojure `\;`, Ruby/Elixir `?"`. */
  charPrefix?: { marker: string; notAfterWord?: boolean };
  /** Markup: `<!-- -->` comments, and `<script>` / `<style>` contents lexed as JS / CSS. */
  markup?: boolean;
}
