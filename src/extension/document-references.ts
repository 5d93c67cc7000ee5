/**
 * Ids in an open document: code references (scanned from the editor's current text,
 * cached per document version) and the id mentions inside a record's own fields.
 */
import * as vscode from 'vscode';
import type { CodeReference, IdMention } from '../core/model';
import { scanReferences } from '../core/references';
import type { FolderIndex } from './folder-index';
import type { IndexService } from './index-service';
import { containsPosition } from './positions';

const cache = new WeakMap<vscode.TextDocument, { version: number; references: CodeReference[] }>();

export interface IdAtPosition {
  id: string;
  range: vscode.Range;
  folder: FolderIndex;
  /** Set when the id is a code reference (not a record field). */
  reference?: CodeReference;
}

export function documentReferences(service: IndexService, document: vscode.TextDocument): CodeReference[] {
  const folder = service.folderOf(document.uri);
  const path = folder?.relativePath(document.uri);
  const config = folder?.config?.config;
  if (!folder || !path || !config || folder.roleOf(path) !== 'code') return [];
  const cached = cache.get(document);
  if (cached && cached.version === document.version) return cached.references;
  const references = scanReferences(path, document.getText(), {
    decisionPrefix: config.decisionPrefix,
    assumptionPrefix: config.assumptionPrefix,
    decisionFolders: folder.layout?.decisionFolders ?? [],
  });
  cache.set(document, { version: document.version, references });
  return references;
}

/** The id under the cursor: a code reference, or an id in a record's supersedes/assumptions/decisions field. */
export function idAt(service: IndexService, document: vscode.TextDocument, position: vscode.Position): IdAtPosition | undefined {
  const folder = service.folderOf(document.uri);
  if (!folder) return undefined;
  for (const reference of documentReferences(service, document)) {
    if (reference.line === position.line && reference.column <= position.character && position.character <= reference.endColumn) {
      return { id: reference.id, range: new vscode.Range(reference.line, reference.column, reference.line, reference.endColumn), folder, reference };
    }
  }
  const mention = recordMentionAt(folder, document, position);
  return mention ? { id: mention.id, range: new vscode.Range(mention.range.start.line, mention.range.start.column, mention.range.end.line, mention.range.end.column), folder } : undefined;
}

/** Id mentions stated inside the record files at `document` (none for code files). */
export function recordMentions(folder: FolderIndex, document: vscode.TextDocument): IdMention[] {
  const path = folder.relativePath(document.uri);
  const index = folder.index;
  if (!path || !index) return [];
  const mentions: IdMention[] = [];
  for (const [, stated] of index.stated) {
    if (stated.path !== path) continue;
    mentions.push(...stated.supersedes, ...stated.supersededBy);
    mentions.push(...(stated.kind === 'decision' ? stated.assumptions : stated.decisions));
  }
  return mentions;
}

function recordMentionAt(folder: FolderIndex, document: vscode.TextDocument, position: vscode.Position): IdMention | undefined {
  return recordMentions(folder, document).find((m) => containsPosition(m.range, position));
}
