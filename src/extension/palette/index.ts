/**
 * The command palette actions that write records: record, approve, reject, supersede,
 * set an assumption's status, link code. One small module per command; every write
 * goes through a WorkspaceEdit.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { IndexService } from '../index-service';
import { validPrefill } from '../record-commands';
import { decide } from './approve';
import { setAssumptionStatus } from './assumption-status';
import { linkSelection } from './link-selection';
import { recordAssumption } from './record-assumption';
import { recordDecision } from './record-decision';
import { supersedeDecision } from './supersede';

export function registerPalette(service: IndexService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.recordDecision, (prefill?: unknown) => recordDecision(service, validPrefill(prefill))),
    vscode.commands.registerCommand(COMMANDS.recordAssumption, (prefill?: unknown) => recordAssumption(service, validPrefill(prefill))),
    vscode.commands.registerCommand(COMMANDS.approveDecision, (...args: unknown[]) => decide(service, 'approved', args)),
    vscode.commands.registerCommand(COMMANDS.rejectDecision, (...args: unknown[]) => decide(service, 'rejected', args)),
    vscode.commands.registerCommand(COMMANDS.supersedeDecision, (...args: unknown[]) => supersedeDecision(service, args)),
    vscode.commands.registerCommand(COMMANDS.setAssumptionStatus, (...args: unknown[]) => setAssumptionStatus(service, args)),
    vscode.commands.registerCommand(COMMANDS.linkSelection, (...args: unknown[]) => linkSelection(service, args)),
  ];
}
