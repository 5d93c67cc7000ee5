/**
 * The comment-aware reference scanner: which comment syntax a file has, where its
 * comments are, and which records they name. Pure: text in, data out.
 */
export type { BlockCommentSyntax, CommentSyntax, EscapeStyle, LineCommentSyntax, StringSyntax } from './comment-syntax';
export { commentSyntaxFor, FALLBACK_SYNTAX, knownLanguages, shebangInterpreter } from './languages';
export { commentOffsets, findComments, type CommentSpan } from './comment-lexer';
export { codeReferences } from './code-references';
export { isInComment, mayHaveReferences, scanReferences, type ScanOptions } from './scan-references';
export { referencePrefilter, type ReferencePrefilter } from './prefilter';
