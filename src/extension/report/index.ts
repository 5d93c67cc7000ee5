/** The report commands: Open Alignment Report (the dashboard) and Export Alignment Report…. */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { IndexService } from '../index-service';
import { exportReport } from './export-report';
import { ReportPanel } from './report-panel';

export { ReportPanel, type ReportPanelState } from './report-panel';
export { exportReport } from './export-report';

export function registerReport(service: IndexService, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openReport, async () => {
      await service.whenIdle();
      ReportPanel.show(service, extensionUri);
    }),
    vscode.commands.registerCommand(COMMANDS.exportReport, (format?: unknown, uri?: unknown) => exportReport(service, format, uri)),
    { dispose: () => ReportPanel.active?.dispose() },
  ];
}
