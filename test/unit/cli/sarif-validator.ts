// Microsoft's SARIF validator (@microsoft/sarif-multitool), installed on first use into
// .vscode-test/sarif-multitool (a cache the tests own, like code-server's). If it cannot
// be installed, the tests that need it fail: they are never skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SARIF_MULTITOOL_VERSION = '5.7.0';
const root = path.resolve(__dirname, '../../..');
const prefix = path.join(root, '.vscode-test', 'sarif-multitool');

/** The validator's binary, installing it first when it is not in the cache. */
export function sarifMultitool(): string {
  const entry = path.join(prefix, 'node_modules', '@microsoft', 'sarif-multitool');
  const manifest = path.join(entry, 'package.json');
  const installed = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === SARIF_MULTITOOL_VERSION;
  if (!installed) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `@microsoft/sarif-multitool@${SARIF_MULTITOOL_VERSION}`], {
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    if (result.status !== 0) throw new Error(`could not install @microsoft/sarif-multitool@${SARIF_MULTITOOL_VERSION} into ${prefix}: ${result.error?.message ?? result.stderr}`);
  }
  // The package's index names the per-platform binary; its postinstall (chmod) may not have run.
  const binary: string = require(entry);
  if (!existsSync(binary)) throw new Error(`the SARIF validator binary is missing: ${binary}`);
  chmodSync(binary, 0o755);
  return binary;
}

export interface ValidatorResult {
  ruleId: string;
  level: string;
  message: string;
}

/** Runs `validate --rule-kind "Gh;Sarif"` on `sarifText`; returns its results (errors and warnings). */
export function validateSarif(sarifText: string): ValidatorResult[] {
  const binary = sarifMultitool();
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-sarif-'));
  try {
    const input = path.join(dir, 'input.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, sarifText);
    execFileSync(binary, ['validate', input, '--rule-kind', 'Gh;Sarif', '--output', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      // The .NET runtime of the self-contained binary needs no ICU for this.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    const log = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, ''));
    const rules: { id: string; messageStrings?: Record<string, { text: string }> }[] = log.runs[0].tool.driver.rules ?? [];
    return (log.runs[0].results ?? []).map((r: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }) => ({
      ruleId: r.ruleId,
      level: r.level ?? 'warning',
      message: r.message.text ?? `${rules.find((rule) => rule.id === r.ruleId)?.messageStrings?.[r.message.id ?? '']?.text ?? r.message.id} ${JSON.stringify(r.message.arguments ?? [])}`,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
