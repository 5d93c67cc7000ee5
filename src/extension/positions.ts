/** The extension's one position conversion: core ranges ↔ VS Code ranges (both 0-based). */
import * as vscode from 'vscode';
import type { Range } from '../core/model';

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

export function containsPosition(range: Range, position: vscode.Position): boolean {
  return toVsRange(range).contains(position);
}

export function recordUri(folder: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...path.split('/'));
}
