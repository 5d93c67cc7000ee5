/** The alignment report: model, SVG charts, HTML and Markdown renderings. */
export * from './report-model';
export { layoutGraph } from './graph-layout';
export { escapeXml, type LinkTarget, type Linker } from './svg';
export { fileLinker, htmlPage, recordTarget, renderReportBody, renderReportDocument } from './render-html';
export { renderReportMarkdown, escapeMarkdown } from './render-markdown';
export { REPORT_CSS } from './report-css';
export { TargetTable, allowedFilter, parseWebviewMessage, renderFilters, type RenderedInfo, type WebviewMessage } from './webview-protocol';
