/**
 * The comment that links code to records, in the file's own comment syntax:
 * `// @decision ADR-0009`, `# @assumes ASM-3`, `<!-- @decision ADR-0009 -->`.
 */
import type { RecordKind } from '../model';
import type { CommentSyntax } from '../references/comment-syntax';

export interface LinkTarget {
  id: string;
  kind: RecordKind;
}

/**
 * One comment line (no line ending) naming `targets`, indented by `indentation`.
 * Decisions follow `@decision`, assumptions `@assumes`. A language with line comments
 * uses its first usable marker; one with only block comments wraps the text.
 */
export function linkComment(syntax: CommentSyntax, targets: readonly LinkTarget[], indentation: string): string {
  const decisions = targets.filter((t) => t.kind === 'decision').map((t) => t.id);
  const assumptions = targets.filter((t) => t.kind === 'assumption').map((t) => t.id);
  const parts: string[] = [];
  if (decisions.length) parts.push(`@decision ${decisions.join(', ')}`);
  if (assumptions.length) parts.push(`@assumes ${assumptions.join(', ')}`);
  const text = parts.join(' ');
  if (syntax.markup) return `${indentation}<!-- ${text} -->`;
  const line = syntax.lineComments.find((c) => !c.column0) ?? (indentation === '' ? syntax.lineComments[0] : undefined);
  if (line) return `${indentation}${line.marker.trimEnd()} ${text}`;
  const block = syntax.blockComments.find((b) => !b.column0) ?? syntax.blockComments[0];
  if (block) return `${indentation}${block.open} ${text} ${block.close}`;
  return `${indentation}// ${text}`;
}
