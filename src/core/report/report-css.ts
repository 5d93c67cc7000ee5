/**
 * The report's style sheet, shared by the dashboard (a nonce'd <style>) and the exported
 * file (inline <style>). Colours come from the editor theme's CSS variables; outside the
 * editor (an exported file in a browser) light and dark fallbacks apply.
 */
export const REPORT_CSS = `
:root {
  --fg: var(--vscode-foreground, #1f1f1f);
  --muted: var(--vscode-descriptionForeground, #595959);
  --bg: var(--vscode-editor-background, #ffffff);
  --panel: var(--vscode-sideBar-background, #f6f6f6);
  --border: var(--vscode-panel-border, #d0d0d0);
  --focus: var(--vscode-focusBorder, #005fb8);
  --link: var(--vscode-textLink-foreground, #005fb8);
  --red: var(--vscode-charts-red, #c72e2e);
  --orange: var(--vscode-charts-orange, #c25e00);
  --yellow: var(--vscode-charts-yellow, #b58900);
  --green: var(--vscode-charts-green, #2e7d32);
  --blue: var(--vscode-charts-blue, #1a73e8);
  --purple: var(--vscode-charts-purple, #7e57c2);
  --grey: var(--vscode-charts-lines, #8a8a8a);
  --font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
}
@media (prefers-color-scheme: dark) {
  body.report-export {
    --fg: #e0e0e0; --muted: #b0b0b0; --bg: #1e1e1e; --panel: #252526; --border: #454545; --focus: #4da3ff; --link: #6cb6ff;
    --red: #f14c4c; --orange: #f0883e; --yellow: #d7ba7d; --green: #89d185; --blue: #4da3ff; --purple: #b180d7; --grey: #8a8a8a;
  }
}
body { color: var(--fg); background: var(--bg); font-family: var(--font); font-size: var(--vscode-font-size, 13px); margin: 0; padding: 0 16px 24px; }
h1 { font-size: 1.5em; margin: 16px 0 4px; }
h2 { font-size: 1.2em; margin: 0 0 8px; }
h3 { font-size: 1em; margin: 14px 0 6px; }
a { color: var(--link); }
.meta, .muted, .note { color: var(--muted); }
.chart-title { font-weight: 600; margin: 6px 0 4px; }
.note { margin: 4px 0 0; }
.panel { border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; margin: 12px 0; background: var(--bg); }
.row { display: flex; flex-wrap: wrap; gap: 16px; }
.figure { margin: 0; max-width: 100%; }
.scroll { overflow: auto; max-width: 100%; max-height: 720px; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.stat { border: 1px solid var(--border); border-radius: 6px; padding: 6px 12px; min-width: 90px; }
.stat-value { display: block; font-size: 1.5em; font-weight: 600; }
.stat-label { color: var(--muted); }
table { border-collapse: collapse; min-width: 60%; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
.filters label { display: flex; gap: 6px; align-items: center; }
select, button.reset { color: var(--vscode-dropdown-foreground, var(--fg)); background: var(--vscode-dropdown-background, var(--bg)); border: 1px solid var(--vscode-dropdown-border, var(--border)); padding: 2px 6px; font: inherit; }
button.link { background: none; border: none; padding: 0; color: var(--link); text-decoration: underline; cursor: pointer; font: inherit; }
button.link:focus-visible, select:focus-visible, .scroll:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
svg.chart { font-family: var(--font); font-size: 12px; display: block; }
svg .label, svg .value { fill: var(--fg); }
svg .muted { fill: var(--muted); }
svg .small { font-size: 10px; }
svg .axis { stroke: var(--grey); }
svg .hit { fill: transparent; }
svg .link, svg .target { cursor: pointer; outline: none; }
svg .link:hover .hit, svg .target:hover .hit { fill: var(--vscode-list-hoverBackground, rgba(128,128,128,0.12)); }
svg .link:focus .hit, svg .target:focus .hit, svg .link:focus .node, svg .target:focus .node, svg .target:focus .cell, svg .link:focus .cell, svg .target:focus > .bar, svg .link:focus > .bar { stroke: var(--focus); stroke-width: 2px; }
svg .node { fill: var(--bg); stroke: var(--grey); stroke-width: 1px; }
svg .edge { fill: none; stroke: var(--grey); stroke-width: 1.2px; }
svg .edge-relies-on { stroke-dasharray: 4 3; stroke: var(--purple); }
svg .arrowhead { fill: var(--grey); }
svg .cell { stroke: var(--border); }
svg .shade-0 { fill-opacity: 0.05; } svg .shade-1 { fill-opacity: 0.2; } svg .shade-2 { fill-opacity: 0.35; } svg .shade-3 { fill-opacity: 0.5; } svg .shade-4 { fill-opacity: 0.65; }
.st-accepted { fill: var(--green); } .st-proposed { fill: var(--yellow); } .st-rejected { fill: var(--red); }
.st-deprecated { fill: var(--orange); } .st-superseded { fill: var(--grey); } .st-unknown { fill: var(--blue); }
.as-active { fill: var(--blue); } .as-validated { fill: var(--green); } .as-invalidated { fill: var(--red); }
.as-superseded { fill: var(--grey); } .as-retired { fill: var(--purple); }
svg .node.st-accepted, svg .node.st-proposed, svg .node.st-rejected, svg .node.st-deprecated, svg .node.st-superseded, svg .node.st-unknown,
svg .node.as-active, svg .node.as-validated, svg .node.as-invalidated, svg .node.as-superseded, svg .node.as-retired { fill: var(--bg); }
.sev-error { fill: var(--red); } .sev-warning { fill: var(--orange); } .sev-information { fill: var(--blue); } .sev-hint { fill: var(--grey); }
.age-fresh { fill: var(--blue); } .age-old { fill: var(--orange); } .age-unknown { fill: var(--grey); }
.load-owned { fill: var(--blue); } .load-open { fill: var(--yellow); } .load-approve { fill: var(--purple); }
.edge-supersedes.swatch { fill: var(--grey); } .edge-relies-on.swatch { fill: var(--purple); }
body.vscode-high-contrast svg .bar, body.vscode-high-contrast svg .node, body.vscode-high-contrast svg .cell,
body.vscode-high-contrast-light svg .bar, body.vscode-high-contrast-light svg .node, body.vscode-high-contrast-light svg .cell { stroke: var(--vscode-contrastBorder, currentColor); stroke-width: 1px; }
`;
