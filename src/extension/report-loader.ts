/**
 * The report commands: Open Alignment Report (the dashboard) and Export Alignment
 * Report…. Their code (the report model, its HTML, SVG and Markdown, the webview panel)
 * is a bundle of its own, dist/report.js, required on the first use of either command:
 * activation and the main bundle stay small for the many sessions that never open it.
 */
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { RenderedInfo } from '../core/report';
import { COMMANDS } from './ids';
import type { IndexService } from './index-service';
import type { ReportPanel } from './report';

type ReportModule = typeof import('./report');

let loaded: ReportModule | undefined;
const rendered = new vscode.EventEmitter<RenderedInfo>();

/** Fires each time a dashboard reports what it drew (before the first load too). */
export const onDidRenderReport = rendered.event;

/** The report bundle, loaded once. Its file lies next to this bundle's (dist/). */
function report(): ReportModule {
  if (!loaded) {
    loaded = require(nodePath.join(__dirname, 'report.js')) as ReportModule;
    loaded.ReportPanel.onDidRender((info) => rendered.fire(info));
  }
  return loaded;
}

/** The open dashboard, if any (never loads the bundle). */
export function activeReportPanel(): ReportPanel | undefined {
  return loaded?.ReportPanel.active;
}

export function registerReport(service: IndexService, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openReport, async () => {
      await service.whenIdle();
      report().ReportPanel.show(service, extensionUri);
    }),
    vscode.commands.registerCommand(COMMANDS.exportReport, (format?: unknown, uri?: unknown) => report().exportReport(service, format, uri)),
    rendered,
    { dispose: () => loaded?.ReportPanel.active?.dispose() },
  ];
}
