/**
 * The report's dashboard and export (bundled on their own as dist/report.js, loaded on
 * first use; see report-loader.ts). Everything here that the rest of the extension
 * shares (the replaceable prompts) comes from the main bundle, not a copy.
 */
export { ReportPanel, type ReportPanelState } from './report-panel';
export { exportReport } from './export-report';
