/**
 * Activation: cheap and quick. The index is built in the background; providers and
 * commands are thin adapters over the core. Errors during activation are shown, not
 * swallowed.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { COMPLETION_TRIGGERS, RecordIdCompletionProvider } from './completion';
import { DiagnosticsManager } from './diagnostics';
import { RecordHoverProvider } from './hover';
import { IndexService } from './index-service';
import { RecordCodeLensProvider, RecordDefinitionProvider, RecordLinkProvider, RecordReferenceProvider } from './navigation';
import { registerPalette } from './palette';
import { setPrompts } from './prompts';
import { AlignmentQuickFixes } from './quick-fixes';
import type { ReportPanel } from './report';
import { activeReportPanel, onDidRenderReport, registerReport } from './report-loader';
import { registerViews } from './views';
import { trackWalkthrough } from './walkthrough';

/** What activate() returns: used by the extension's own tests and by other extensions. */
export interface AlignmentApi {
  /** Resolves when every folder is indexed, pending changes are applied and their diagnostics sent. */
  whenIdle(): Promise<void>;
  service: IndexService;
  diagnostics: DiagnosticsManager;
  /** Replaces quick inputs and messages (tests answer them this way); returns an undo. */
  setPrompts: typeof setPrompts;
  /** How long activate() itself took, in milliseconds (the first index runs after it). */
  activationMs: number;
  /** The registered views and status bar item, as shown. */
  views: ReturnType<typeof registerViews>;
  /** The open Alignment Report dashboard, if any (its report, and what its webview drew). */
  reportPanel(): ReportPanel | undefined;
  /** Fires each time a dashboard's webview reports what it drew. */
  onDidRenderReport: typeof onDidRenderReport;
}

const FILES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): AlignmentApi | undefined {
  const started = performance.now();
  try {
    const service = new IndexService();
    const diagnostics = new DiagnosticsManager(service);
    context.subscriptions.push(
      service,
      diagnostics,
      vscode.languages.registerHoverProvider(FILES, new RecordHoverProvider(service)),
      vscode.languages.registerDefinitionProvider(FILES, new RecordDefinitionProvider(service)),
      vscode.languages.registerDocumentLinkProvider(FILES, new RecordLinkProvider(service)),
      vscode.languages.registerReferenceProvider(FILES, new RecordReferenceProvider(service)),
      vscode.languages.registerCompletionItemProvider(FILES, new RecordIdCompletionProvider(service), ...COMPLETION_TRIGGERS),
      vscode.languages.registerCodeActionsProvider(FILES, new AlignmentQuickFixes(service, diagnostics), AlignmentQuickFixes.metadata),
      ...registerCommands(service),
      ...registerPalette(service),
      trackWalkthrough(service),
      ...registerReport(service, context.extensionUri),
    );
    const views = registerViews(context.subscriptions, service);
    const lenses = new RecordCodeLensProvider(service);
    context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider([{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'yaml' }, { scheme: 'file', pattern: '**/*.{rst,adoc,asciidoc}' }], lenses));
    return {
      whenIdle: async () => {
        await service.whenIdle();
        await diagnostics.whenSent();
      },
      service,
      diagnostics,
      setPrompts,
      activationMs: performance.now() - started,
      reportPanel: activeReportPanel,
      onDidRenderReport,
      views,
    };
  } catch (error) {
    void vscode.window.showErrorMessage(`Execution Alignment failed to start: ${error instanceof Error ? error.message : String(error)}`);
    console.error(error);
    return undefined;
  }
}

export function deactivate(): void {}

/** Shared with the report bundle (dist/report.js), which takes these rather than copies of its own. */
export { prompts, setPrompts } from './prompts';
