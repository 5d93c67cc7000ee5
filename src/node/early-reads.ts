/**
 * Work done on the files a scanner names while its listing still streams (the main thread
 * mostly waits on the scanner then): candidates are read, and a candidate whose comments
 * hold no possible reference keeps only its path (most large candidates are such: lock
 * files, changelogs); record files whose role is already known (provisionalLayout) are
 * read and parsed. The pass after the listing takes what was done here instead of doing
 * it again.
 *
 * With a turn limit (the editor's), the work stops for the rest of an event-loop turn
 * once it took that long in it: one parsed slice of a listing may name thousands of files,
 * and reading them all there held an editor's thread half a second. What is left waits in
 * a queue, taken up while the scanner has printed nothing new (`whileWaiting`), in turns
 * of their own, never in one that parses the listing.
 */
import * as nodePath from 'node:path';
import type { AlignmentConfig } from '../core/config';
import { roleOf, type Layout } from '../core/layout';
import { mayHaveReferences } from '../core/references';
import { parseRecordFile, type ParsedRecordFile } from '../core/workspace-model';
import type { PooledReader, PrefilteredRead } from './read-text';

/** Text held from early reads, at most: it is kept until the layout is known, so it counts against the peak memory. */
const EARLY_READ_CHARS = 8 * 1024 * 1024;

type RecordRole = ParsedRecordFile['role'];

export interface EarlyReadOptions {
  root: string;
  config: AlignmentConfig;
  reader: PooledReader;
  /** The layout that guesses records' roles before the listing ends (provisionalLayout). */
  guess: Layout;
  /** Where reads from the listing must first be shown to stay inside the folder: the check, made on first need. */
  inside?: () => (path: string) => boolean;
  /** The editor's turn limit, in ms; unset, everything is done as the listing names it. */
  sliceMs?: number;
}

export class EarlyReads {
  /** Files read (candidates, and records that could not be parsed: unreadable, skipped). */
  private readonly reads = new Map<string, PrefilteredRead>();
  private readonly parses = new Map<string, { text: string; parsed: ParsedRecordFile }>();
  private readonly referenceless = new Set<string>();
  private readonly queue: Array<{ path: string; role: RecordRole | undefined }> = [];
  private next = 0;
  private chars = 0;
  private turnStartMs: number | undefined;
  /** Files read so far. */
  count = 0;

  constructor(private readonly options: EarlyReadOptions) {}

  /** A file the listing names: read (and parsed) now, queued, or passed by. */
  offer(path: string, candidate: boolean, recordLike: boolean): void {
    if (this.full) return;
    const guessed = recordLike ? roleOf(path, this.options.guess) : undefined;
    const role = guessed === 'code' ? undefined : guessed;
    if (role === undefined && !candidate) return;
    if (this.turnSpent()) this.queue.push({ path, role });
    else this.take(path, role);
  }

  /**
   * The scanner printed nothing new: takes up queued files for the rest of this turn.
   * True while some are left (call again on the next turn).
   */
  whileWaiting(): boolean {
    while (this.next < this.queue.length && !this.full && !this.turnSpent()) {
      const { path, role } = this.queue[this.next++];
      this.take(path, role);
    }
    return this.next < this.queue.length && !this.full;
  }

  /** A new scan begins (the one before failed): its queue is dropped; what was read stays true of the files. */
  restart(): void {
    this.queue.length = 0;
    this.next = 0;
  }

  /** The parse of a record read early, handed over once (its text too, for a role the layout does not confirm). */
  takeParse(path: string): { text: string; parsed: ParsedRecordFile } | undefined {
    const parse = this.parses.get(path);
    if (parse) this.parses.delete(path);
    return parse;
  }

  /** What an early read of `path` gave, handed over once. */
  takeRead(path: string): PrefilteredRead | undefined {
    const read = this.reads.get(path);
    if (read) this.reads.delete(path);
    return read;
  }

  /** A candidate read early whose comments hold no possible reference. */
  hasNoReferences(path: string): boolean {
    return this.referenceless.has(path);
  }

  private get full(): boolean {
    return this.chars > EARLY_READ_CHARS;
  }

  /** Whether this turn's work took its limit: never at a turn's first call, so each turn does some. */
  private turnSpent(): boolean {
    const { sliceMs } = this.options;
    if (sliceMs === undefined) return false;
    const now = performance.now();
    if (this.turnStartMs === undefined) {
      this.turnStartMs = now;
      setImmediate(() => (this.turnStartMs = undefined));
    }
    return now - this.turnStartMs > sliceMs;
  }

  /** Reads a candidate, or reads and parses a record of the guessed `role`. */
  private take(path: string, role: RecordRole | undefined): void {
    const { root, config, reader, inside } = this.options;
    if (inside && !inside()(path)) return;
    const result = reader.read(nodePath.join(root, path));
    this.count++;
    if (!('text' in result)) {
      this.reads.set(path, result);
      return;
    }
    if (role !== undefined) {
      this.parses.set(path, { text: result.text, parsed: parseRecordFile(config, path, role, result.text) });
    } else if (!mayHaveReferences(path, result.text, config)) {
      this.referenceless.add(path);
      return;
    } else {
      this.reads.set(path, result);
    }
    this.chars += result.text.length;
  }
}
