/**
 * Assumption parsers: YAML assumption files and the Markdown assumption register.
 */
import type { AssumptionParseResult } from '../model';
import type { AssumptionParseOptions } from './common';
import { parseAssumptionRegister } from './register';
import { parseAssumptionFile } from './yaml';

export { normaliseDate, type AssumptionParseOptions } from './common';
export { parseAssumptionRegister } from './register';
export { parseAssumptionFile } from './yaml';

/** Whether a file name is an assumption register (`ASSUMPTIONS.md`, any case). */
export function isAssumptionRegisterName(fileName: string): boolean {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  return base.toLowerCase() === 'assumptions.md';
}

/** Parses an assumption file by its extension: `.md` as a register, else as YAML. */
export function parseAssumptionSource(path: string, text: string, options: AssumptionParseOptions): AssumptionParseResult {
  return /\.(md|markdown)$/i.test(path) ? parseAssumptionRegister(path, text, options) : parseAssumptionFile(path, text, options);
}
