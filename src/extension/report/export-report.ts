/**
 * Export Alignment Report…: the report of every workspace folder as Markdown or as one
 * self-contained HTML file (inline style and SVG, no script, nothing fetched), written
 * through the workspace file system. An existing file is replaced only when the user says so.
 */
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_CONFIG } from '../../core/config';
import { buildReport, fileLinker, renderReportDocument, renderReportMarkdown } from '../../core/report';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';
import { uriExists } from '../uri-exists';

export type ExportFormat = 'md' | 'html';

/**
 * Arguments (optional, for keybindings and tests): a format (`md` or `html`) and a target
 * `Uri`; what is missing is asked for. Returns the written file, or undefined when cancelled.
 */
export async function exportReport(service: IndexService, formatArg?: unknown, uriArg?: unknown): Promise<vscode.Uri | undefined> {
  await service.whenIdle();
  const folders = service.all().filter((f) => f.ready && f.index);
  if (folders.length === 0) {
    void prompts.showWarningMessage('Alignment: no indexed workspace folder to report on.');
    return undefined;
  }
  let format: ExportFormat | undefined = formatArg === 'md' || formatArg === 'html' ? formatArg : undefined;
  if (!format) {
    const picked = await prompts.showQuickPick(
      [
        { label: 'Markdown', description: 'tables, for a wiki or a CI job summary', format: 'md' as const },
        { label: 'HTML', description: 'one self-contained file with the charts', format: 'html' as const },
      ],
      { placeHolder: 'Export the Alignment Report as' },
    );
    format = picked?.format;
  }
  if (!format) return undefined;
  let target = uriArg instanceof vscode.Uri ? uriArg : undefined;
  if (!target) {
    target = await prompts.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folders[0].folder.uri, `alignment-report.${format}`),
      filters: format === 'md' ? { Markdown: ['md'] } : { HTML: ['html'] },
      saveLabel: 'Export',
      title: 'Export Alignment Report',
    });
  }
  if (!target) return undefined;
  if (await uriExists(target)) {
    const answer = await prompts.showWarningMessage(`${nodePath.posix.basename(target.path)} already exists. Replace it with the report?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return undefined;
  }

  const now = new Date();
  const report = buildReport(
    folders.map((f) => ({ key: f.folder.uri.toString(), name: f.folder.name, index: f.index!, findings: f.findings(now) })),
    { now, overdueDays: folders[0].config?.config.approvalOverdueDays ?? DEFAULT_CONFIG.approvalOverdueDays },
  );
  const targetDir = nodePath.posix.dirname(target.path);
  const base = (key: string) => {
    const folder = folders.find((f) => f.folder.uri.toString() === key)?.folder.uri;
    return folder && folder.scheme === target!.scheme ? nodePath.posix.relative(targetDir, folder.path) : '';
  };
  const text = format === 'md' ? renderReportMarkdown(report) : renderReportDocument(report, { link: fileLinker(base), title: `Alignment report ${report.date}` });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void prompts.showInformationMessage(`Alignment: exported the report to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
