/**
 * The Alignment Report dashboard: a webview panel showing the report model of every
 * workspace folder, drawn by the core (inline SVG) and kept current as the index changes.
 *
 * Safety: a strict Content-Security-Policy with a fresh nonce per page (our style sheet
 * and media/report.js only, nothing else loads or runs); the markup is built by the core
 * with all workspace text escaped; messages from the webview are validated and can only
 * name keys of the targets this panel rendered.
 */
import * as vscode from 'vscode';
import { DEFAULT_CONFIG } from '../../core/config';
import {
  TargetTable,
  allowedFilter,
  buildReport,
  htmlPage,
  parseWebviewMessage,
  renderFilters,
  renderReportBody,
  type AlignmentReport,
  type LinkTarget,
  type RenderedInfo,
  type ReportFilter,
} from '../../core/report';
import { escapeXml } from '../../core/report/svg';
import { COMMANDS } from '../ids';
import type { IndexService } from '../index-service';
import { prompts } from '../prompts';

export const REPORT_VIEW_TYPE = 'alignment.report';
const UPDATE_DELAY_MS = 300;

/** What the extension's tests can see of the dashboard. */
export interface ReportPanelState {
  report: AlignmentReport;
  generation: number;
  /** What the webview said it drew last (from its own DOM). */
  rendered?: RenderedInfo;
  /** Messages from the webview that were refused, for tests of the validation. */
  refused: number;
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private static readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
  /** Fires each time a dashboard reports what it drew. */
  static readonly onDidRender = ReportPanel.renderedEmitter.event;

  private readonly disposables: vscode.Disposable[] = [];
  private filter: ReportFilter = {};
  private targets = new TargetTable();
  private report!: AlignmentReport;
  /** The body of the current generation (its links are keys into `targets`). */
  private html = '';
  private generation = 0;
  private rendered: RenderedInfo | undefined;
  private refused = 0;
  private timer: NodeJS.Timeout | undefined;
  private stale = false;

  /** Opens the dashboard, or reveals the one already open. */
  static show(service: IndexService, extensionUri: vscode.Uri): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Alignment Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    });
    ReportPanel.current = new ReportPanel(panel, service, extensionUri);
    return ReportPanel.current;
  }

  static get active(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly service: IndexService,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'alignment.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.scheduleUpdate();
      }),
      service.onDidChange(() => this.scheduleUpdate()),
    );
    this.rebuild();
    panel.webview.html = this.page();
  }

  get state(): ReportPanelState {
    return { report: this.report, generation: this.generation, rendered: this.rendered, refused: this.refused };
  }

  /** The key of the first rendered element whose targets match (what a test clicks). */
  targetKey(match: (targets: readonly LinkTarget[]) => boolean): string | undefined {
    return this.targets.find(match);
  }

  /** Handles one message as if the webview had sent it (the webview's own path, and tests'). */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.refused++;
      return;
    }
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'rendered':
        this.rendered = message;
        ReportPanel.renderedEmitter.fire(message);
        return;
      case 'filter':
        this.filter = allowedFilter(message.filter, this.report.facets);
        this.rebuild();
        this.post();
        return;
      case 'activate': {
        const stale = message.generation !== undefined && message.generation !== this.generation;
        const targets = stale ? undefined : this.targets.get(message.target);
        if (!targets) {
          this.refused++;
          return;
        }
        await openTargets(this.service, targets);
        return;
      }
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }

  private scheduleUpdate(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.stale = false;
      this.rebuild();
      this.post();
    }, UPDATE_DELAY_MS);
  }

  private rebuild(): void {
    const now = new Date();
    const folders = this.service.all().filter((f) => f.ready && f.index);
    this.report = buildReport(
      folders.map((f) => ({ key: f.folder.uri.toString(), name: f.folder.name, index: f.index!, findings: f.findings(now) })),
      { now, filter: this.filter, overdueDays: folders[0]?.config?.config.approvalOverdueDays ?? DEFAULT_CONFIG.approvalOverdueDays },
    );
    this.filter = this.report.filter;
    this.targets = new TargetTable();
    this.html = renderFilters(this.filter, this.report.facets) + renderReportBody(this.report, this.targets);
    this.generation++;
  }

  private post(): void {
    void this.panel.webview.postMessage({ type: 'update', generation: this.generation, html: this.html });
  }

  private page(): string {
    const webview = this.panel.webview;
    const nonce = newNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report.js'));
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
    return htmlPage({
      csp,
      title: 'Alignment Report',
      styleNonce: nonce,
      body:
        `<main id="report" class="report" aria-label="Alignment Report" data-generation="${this.generation}">${this.html}</main>` +
        `<script nonce="${nonce}" src="${escapeXml(script.toString())}"></script>`,
    });
  }
}

/** Opens a record or a location; several targets are offered in a pick first. */
async function openTargets(service: IndexService, targets: readonly LinkTarget[]): Promise<void> {
  let target: LinkTarget | undefined = targets[0];
  if (targets.length > 1) {
    const picked = await prompts.showQuickPick(
      targets.map((t) => ({ label: t.kind === 'record' ? t.id : `${t.path}:${t.line + 1}`, description: t.kind === 'location' ? t.label : t.path, target: t })),
      { placeHolder: `Open which of ${targets.length}?`, matchOnDescription: true },
    );
    target = picked?.target;
  }
  if (!target) return;
  if (target.kind === 'record') {
    await vscode.commands.executeCommand(COMMANDS.openRecord, target.folder, target.id);
    return;
  }
  const folder = service.all().find((f) => f.folder.uri.toString() === target.folder);
  if (!folder) return;
  const position = new vscode.Position(target.line, 0);
  await vscode.window.showTextDocument(folder.uriOf(target.path), { selection: new vscode.Range(position, position) });
}

function newNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}
