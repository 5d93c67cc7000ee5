/**
 * `alignment report`: the report model of one workspace folder, as Markdown (for a CI
 * job summary), one self-contained HTML file, or JSON (schemas/alignment-report.schema.json).
 */
import * as nodePath from 'node:path';
import { buildReport, fileLinker, renderReportDocument, renderReportMarkdown, type ReportFilter } from '../core/report';
import type { LoadedWorkspace } from '../node/load-workspace';
import type { ReportFormat } from './args';

/** The report's text. `outFile` (absolute) places the HTML's links relative to where it is written. */
export function reportOutput(ws: LoadedWorkspace, format: ReportFormat, now: Date, filter: ReportFilter, outFile?: string): string {
  const name = nodePath.basename(ws.root);
  const report = buildReport([{ key: '.', name, index: ws.model.index, findings: ws.model.findings(now, ws.files) }], {
    now,
    filter,
    overdueDays: ws.config.approvalOverdueDays,
  });
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'md':
      return renderReportMarkdown(report);
    case 'html': {
      const from = outFile ? nodePath.dirname(outFile) : process.cwd();
      const base = nodePath.relative(from, ws.root).split(nodePath.sep).join('/');
      return renderReportDocument(report, { link: fileLinker(base), title: `Alignment report: ${name}, ${report.date}` });
    }
  }
}
