import type { CodeReference } from '../model';
import { withLineFeeds } from '../line-endings';
import { scanReferences, type ScanOptions } from './scan-references';

/**
 * The references in a code file's text, as the workspace model keeps them (line endings
 * made line feeds; a scan that throws finds none). The reference worker runs it too.
 */
export function codeReferences(path: string, written: string, options: ScanOptions): CodeReference[] {
  try {
    return scanReferences(path, withLineFeeds(written), options);
  } catch {
    return [];
  }
}
