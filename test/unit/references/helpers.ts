import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CodeReference } from '../../../src/core/model';
import { commentSyntaxFor, findComments, scanReferences, type ScanOptions } from '../../../src/core/references';

export const OPTIONS: ScanOptions = { decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: ['docs/adr'] };

export function scan(path: string, text: string, options: ScanOptions = OPTIONS): CodeReference[] {
  return scanReferences(path, text, options);
}

/** `id@line:column-endColumn` of each reference, the compact form most assertions use. */
export function at(path: string, text: string, options: ScanOptions = OPTIONS): string[] {
  return scan(path, text, options).map((r) => `${r.id}@${r.line}:${r.column}-${r.endColumn}`);
}

/** The ids found, in order. */
export function ids(path: string, text: string, options: ScanOptions = OPTIONS): string[] {
  return scan(path, text, options).map((r) => r.id);
}

/** The text of each comment the lexer finds, trimmed. */
export function comments(path: string, text: string): string[] {
  const firstLine = text.split('\n', 1)[0];
  return findComments(text, commentSyntaxFor(path, firstLine)).map((s) => text.slice(s.start, s.end).trim());
}

/** The polyglot fixture workspace: one small file per language, citing ids in comments and in strings. */
export const POLYGLOT_ROOT = join(__dirname, '..', '..', 'fixtures', 'polyglot');

/** Its code files (records excluded), workspace-relative, sorted. */
export function polyglotCodeFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(POLYGLOT_ROOT)
    .map((file) => relative(POLYGLOT_ROOT, file).split('\\').join('/'))
    .filter((path) => !path.startsWith('docs/adr/') && !path.startsWith('docs/assumptions/'))
    .sort();
}
