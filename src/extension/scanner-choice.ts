/**
 * The editor's scanners (see src/node/scanners.ts): VS Code's own rg, found under
 * `vscode.env.appRoot`, is what VS Code's search runs, in restricted mode too (with
 * `--no-config`, as every rg run here). In a trusted workspace the user may name another
 * rg with `alignment.ripgrepPath`, a machine-scoped setting: only the user's own value
 * counts, never a workspace's. Environment variables choose nothing here.
 */
import * as vscode from 'vscode';
import { vscodeRipgrep } from '../node/ripgrep';
import type { Scanner } from '../node/scanners';
import { SETTINGS, SETTINGS_SECTION } from './ids';

export const VSCODE_RG_LABEL = "VS Code's rg";

export function editorScanners(): Scanner[] {
  const own = vscodeRipgrep(vscode.env.appRoot);
  // Spooled, as every rg scanner is (runScanners): the extension host's event loop is shared
  // with every other extension and busiest while the window starts, when the first index runs.
  const scanners: Scanner[] = own ? [{ kind: 'rg', command: own, label: VSCODE_RG_LABEL }] : [];
  if (!vscode.workspace.isTrusted) return scanners;
  const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<string>(SETTINGS.ripgrepPath)?.globalValue?.trim();
  return configured ? [{ kind: 'rg', command: configured, label: SETTINGS_SECTION + '.' + SETTINGS.ripgrepPath }, ...scanners] : scanners;
}

/**
 * The editor's own exclusions, on top of `alignment.exclude`: the `files.exclude` and
 * `search.exclude` globs switched on (`true`) for this folder, as VS Code's search
 * applies them. Conditional entries (`{ "when": … }`) are not applied.
 */
export function editorExcludes(folder: vscode.WorkspaceFolder): string[] {
  const globs: string[] = [];
  for (const [section, key] of [['files', 'exclude'], ['search', 'exclude']] as const) {
    const value = vscode.workspace.getConfiguration(section, folder.uri).get<Record<string, unknown>>(key) ?? {};
    for (const [glob, on] of Object.entries(value)) if (on === true) globs.push(glob);
  }
  return [...new Set(globs)];
}
