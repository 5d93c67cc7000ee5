/**
 * The commands of this scope: refresh, open a record, show its references, and
 * record a decision or assumption. Arguments arriving from hover links and code
 * lenses are validated: they only ever name a folder and an id.
 */
import * as vscode from 'vscode';
import type { AlignmentRecord } from '../core/model';
import type { FolderIndex } from './folder-index';
import { COMMANDS } from './ids';
import type { IndexService } from './index-service';
import { recordLocation, referenceLocations } from './navigation';
import { prompts } from './prompts';

export function registerCommands(service: IndexService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.refresh, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Alignment: re-indexing' }, () => service.rebuildAll()),
    ),
    vscode.commands.registerCommand(COMMANDS.openRecord, async (folder?: unknown, id?: unknown) => {
      const hit = await resolveRecord(service, folder, id, 'Open which record?');
      if (!hit) return;
      const location = recordLocation(hit.folder, hit.record);
      await vscode.window.showTextDocument(location.uri, { selection: new vscode.Range(location.range.start, location.range.start) });
    }),
    vscode.commands.registerCommand(COMMANDS.showReferences, async (folder?: unknown, id?: unknown) => {
      const hit = await resolveRecord(service, folder, id, 'Show references of which record?');
      if (!hit) return;
      const location = recordLocation(hit.folder, hit.record);
      const references = referenceLocations(hit.folder, hit.folder.index!.referencesTo(hit.record.id));
      await vscode.commands.executeCommand('editor.action.showReferences', location.uri, location.range.start, references);
    }),
  ];
}

/** A record named by (folder uri, id) arguments, or picked from a list when none is given. */
async function resolveRecord(service: IndexService, folderArg: unknown, idArg: unknown, placeHolder: string) {
  await service.whenIdle();
  // A tree element standing for a record (context menus pass it): `{ folder, id }`.
  if (folderArg && typeof folderArg === 'object' && typeof idArg !== 'string') {
    const element = folderArg as { folder?: unknown; id?: unknown };
    folderArg = element.folder;
    idArg = element.id;
  }
  if (typeof idArg === 'string') {
    const near = typeof folderArg === 'string' ? safeUri(folderArg) : undefined;
    const hit = service.lookup(idArg, near);
    if (!hit) void vscode.window.showWarningMessage(`No record ${idArg} in this workspace folder.`);
    return hit;
  }
  const items: (vscode.QuickPickItem & { record: AlignmentRecord; folderIndex: FolderIndex })[] = [];
  for (const folder of service.all()) {
    for (const record of [...(folder.index?.decisions ?? []), ...(folder.index?.assumptions ?? [])]) {
      items.push({
        label: record.id,
        description: record.kind === 'decision' ? record.title : record.statement,
        detail: `${record.status} · ${record.path}`,
        record,
        folderIndex: folder,
      });
    }
  }
  const picked = await prompts.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked ? { folder: picked.folderIndex, index: picked.folderIndex.index!, record: picked.record } : undefined;
}

function safeUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
