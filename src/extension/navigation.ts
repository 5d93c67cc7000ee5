/**
 * Navigation between code and records: go to definition and document links (id →
 * record), find references (record or id → code), and a CodeLens on each record.
 */
import * as vscode from 'vscode';
import type { ResolvedReference } from '../core/alignment-index';
import type { AlignmentRecord } from '../core/model';
import { documentReferences, idAt, recordMentions } from './document-references';
import type { FolderIndex } from './folder-index';
import { COMMANDS } from './ids';
import type { IndexService } from './index-service';
import { toVsRange } from './positions';

export function recordLocation(folder: FolderIndex, record: AlignmentRecord): vscode.Location {
  return new vscode.Location(folder.uriOf(record.path), toVsRange(record.range));
}

export function referenceLocations(folder: FolderIndex, references: readonly ResolvedReference[]): vscode.Location[] {
  return references.map((r) => new vscode.Location(folder.uriOf(r.path), new vscode.Range(r.line, r.column, r.line, r.endColumn)));
}

export class RecordDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly service: IndexService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const found = idAt(this.service, document, position);
    const hit = found && this.service.lookup(found.id, document.uri);
    return hit ? recordLocation(hit.folder, hit.record) : undefined;
  }
}

export class RecordLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly service: IndexService) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const folder = this.service.folderOf(document.uri);
    const spans = [
      ...documentReferences(this.service, document).map((r) => ({ id: r.id, range: new vscode.Range(r.line, r.column, r.line, r.endColumn) })),
      ...(folder ? recordMentions(folder, document).map((m) => ({ id: m.id, range: toVsRange(m.range) })) : []),
    ];
    for (const span of spans) {
      const hit = this.service.lookup(span.id, document.uri);
      if (!hit) continue;
      const link = new vscode.DocumentLink(span.range, hit.folder.uriOf(hit.record.path).with({ fragment: `L${hit.record.line + 1}` }));
      link.tooltip = `Open ${hit.record.id}`;
      links.push(link);
    }
    return links;
  }
}

export class RecordReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly service: IndexService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const record = this.recordAt(document, position);
    if (!record) return undefined;
    const locations = referenceLocations(record.folder, record.folder.index!.referencesTo(record.record.id));
    if (context.includeDeclaration) locations.unshift(recordLocation(record.folder, record.record));
    return locations;
  }

  /** The record named under the cursor, or the record whose file this is. */
  private recordAt(document: vscode.TextDocument, position: vscode.Position) {
    const found = idAt(this.service, document, position);
    if (found) return this.service.lookup(found.id, document.uri);
    const folder = this.service.folderOf(document.uri);
    const path = folder?.relativePath(document.uri);
    const index = folder?.index;
    if (!folder || !path || !index) return undefined;
    const record =
      index.decisions.find((d) => d.path === path) ??
      index.assumptions.filter((a) => a.path === path).reduce<AlignmentRecord | undefined>((best, a) => (a.line <= position.line ? a : best), undefined);
    return record ? { folder, index, record } : undefined;
  }
}

/** "N references in code" above each record (each assumption of a file). */
export class RecordCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: IndexService) {
    this.subscription = service.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const folder = this.service.folderOf(document.uri);
    const path = folder?.relativePath(document.uri);
    const index = folder?.index;
    if (!folder || !path || !index) return [];
    // Positions from the editor's current text: the index may lag behind an edit.
    return folder.recordsIn(document).map((record) => {
      const count = index.referencesTo(record.id).length;
      const range = new vscode.Range(record.range.start.line, 0, record.range.start.line, 0);
      return new vscode.CodeLens(range, {
        title: count === 1 ? '1 reference in code' : `${count} references in code`,
        command: COMMANDS.showReferences,
        arguments: [folder.folder.uri.toString(), record.id],
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
