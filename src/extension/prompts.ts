/**
 * The quick inputs and messages the commands show, behind one replaceable object so
 * that tests in the extension host can answer them programmatically. Commands call
 * `prompts.showInputBox(...)` rather than `vscode.window.showInputBox(...)`; by
 * default each member is the window's own function.
 */
import * as vscode from 'vscode';

export interface Prompts {
  showInputBox: typeof vscode.window.showInputBox;
  showQuickPick: typeof vscode.window.showQuickPick;
  showInformationMessage: typeof vscode.window.showInformationMessage;
  showWarningMessage: typeof vscode.window.showWarningMessage;
  showErrorMessage: typeof vscode.window.showErrorMessage;
  showSaveDialog: typeof vscode.window.showSaveDialog;
}

function defaults(): Prompts {
  return {
    showInputBox: (...args: Parameters<Prompts['showInputBox']>) => vscode.window.showInputBox(...args),
    showQuickPick: ((...args: unknown[]) => (vscode.window.showQuickPick as (...a: unknown[]) => unknown)(...args)) as Prompts['showQuickPick'],
    showInformationMessage: ((...args: unknown[]) => (vscode.window.showInformationMessage as (...a: unknown[]) => unknown)(...args)) as Prompts['showInformationMessage'],
    showWarningMessage: ((...args: unknown[]) => (vscode.window.showWarningMessage as (...a: unknown[]) => unknown)(...args)) as Prompts['showWarningMessage'],
    showErrorMessage: ((...args: unknown[]) => (vscode.window.showErrorMessage as (...a: unknown[]) => unknown)(...args)) as Prompts['showErrorMessage'],
    showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  };
}

/** The prompts in use. Members are replaced in place, so importers always see the current ones. */
export const prompts: Prompts = defaults();

/**
 * Replaces some of the prompts (the others keep their current function); returns a
 * function that restores what was there before. With no argument, restores the defaults.
 */
export function setPrompts(partial?: Partial<Prompts>): () => void {
  const before = { ...prompts };
  Object.assign(prompts, partial ?? defaults());
  return () => {
    Object.assign(prompts, before);
  };
}
