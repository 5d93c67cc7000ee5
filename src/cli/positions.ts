/** The CLI's one position conversion: core 0-based lines/columns → 1-based output. */
import type { Range } from '../core/model';

export interface OneBasedRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function toOneBased(range: Range): OneBasedRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.column + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.column + 1,
  };
}
