/**
 * Reads code files and finds their references, as the extension does for a batch of file
 * events: bytes without a reference literal are never decoded, and a file that is gone,
 * binary, over the size limit or not text cites nothing. The same function runs on the
 * extension host's thread for small batches and in the reference worker for large ones.
 */
import * as nodePath from 'node:path';
import type { CodeReference } from '../core/model';
import { codeReferences, referencePrefilter, type ScanOptions } from '../core/references';
import { referenceBytePrefilter, type BytePrefilter } from './literal-prefilter';
import { PooledReader } from './read-text';

export interface CodeReadOptions {
  /** Absolute folder the paths are relative to. */
  root: string;
  maxBytes: number;
  scan: ScanOptions;
  /** The folders whose paths in code count as reference literals for the byte prefilter (the scan's and the usual ones). */
  prefilterFolders: readonly string[];
}

/** Reads `paths` one by one; `references[i]` is what `paths[i]` cites (empty: nothing). */
export class CodeReader {
  private readonly reader: PooledReader;
  private readonly keepBytes: BytePrefilter;

  constructor(private readonly options: CodeReadOptions) {
    this.reader = new PooledReader(options.maxBytes);
    this.keepBytes = referenceBytePrefilter(referencePrefilter({ ...options.scan, decisionFolders: options.prefilterFolders }));
  }

  read(path: string): CodeReference[] {
    const result = this.reader.read(nodePath.join(this.options.root, path), this.keepBytes);
    return 'text' in result ? codeReferences(path, result.text, this.options.scan) : [];
  }
}
