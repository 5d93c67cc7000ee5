/**
 * Reads a workspace file as text, refusing what is not text: binary content (a NUL
 * byte anywhere), content that is mostly not UTF-8, and files over the size limit are
 * reported, not read. The last component of the path is never followed as a symlink, and
 * opening never blocks (a named pipe is not waited on).
 *
 * readTextSync is for one file (a saved file); PooledReader for many (the first index);
 * readSmallText for configuration and ignore files, taken as they are.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';

export type ReadResult = { text: string } | { unreadable: string };

/**
 * Read-only, the last component not followed, and never blocking: a named pipe given a
 * code file's name (a file event can name one) reads as empty or unreadable at once
 * instead of waiting for a writer forever. Regular files are unaffected.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const NOT_A_FILE: ReadResult = { unreadable: 'not a regular file' };

export function readTextSync(absolutePath: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return NOT_A_FILE;
    const size = stat.size;
    if (size > maxBytes) return overLimit(size, maxBytes);
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const bytesRead = readSync(fd, buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    // Without a prefilter nothing is skipped.
    return decode(buffer, offset) as ReadResult;
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file was deleted (or renamed) between being listed and being read: skipped, not reported. */
export function vanished(result: ReadResult | PrefilteredRead): boolean {
  return 'unreadable' in result && (result.unreadable === 'ENOENT' || result.unreadable === 'ENOTDIR');
}

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** More than one byte in ten decoded to U+FFFD: another encoding, or not text at all. */
function mostlyUndecodable(text: string, byteLength: number): boolean {
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return replaced > 0 && replaced * 10 > byteLength;
}

function overLimit(size: number, maxBytes: number): ReadResult {
  return { unreadable: `file is ${Math.round(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit` };
}

/** The refusals both readers make of the first `length` bytes read: binary, the prefilter (`keep`), undecodable. */
function decode(buffer: Buffer, length: number, keep?: (bytes: Uint8Array, length: number) => boolean): PrefilteredRead {
  if (isBinary(buffer.subarray(0, length))) return { unreadable: 'binary content' };
  if (keep && !keep(buffer, length)) return { skipped: true };
  const text = buffer.toString('utf8', 0, length);
  if (mostlyUndecodable(text, length)) return { unreadable: 'not UTF-8 text' };
  return { text };
}

/** `readTextSync`'s answer, plus `skipped` when the bytes fail the prefilter (never decoded). */
export type PrefilteredRead = ReadResult | { skipped: true };

/**
 * Reads many files one after the other into one reused buffer, with readTextSync's
 * refusals; bytes that `keep` rejects are never decoded. Synchronous by measurement: on
 * a 100k-file tree, promise-based reads cost about five times the CPU of these (the
 * thread-pool round trips of open, stat, read and close), so callers read in slices of
 * a few milliseconds and yield between them instead.
 */
export class PooledReader {
  private buffer: Buffer;

  constructor(private readonly maxBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, 64 * 1024));
  }

  read(absolutePath: string, keep?: (bytes: Uint8Array, length: number) => boolean): PrefilteredRead {
    let fd: number | undefined;
    try {
      fd = openSync(absolutePath, OPEN_FLAGS);
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          if (length > this.maxBytes) break;
          const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 4, this.maxBytes + 1));
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const bytesRead = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > this.maxBytes) {
        const stat = fstatSync(fd);
        return stat.isFile() ? overLimit(stat.size, this.maxBytes) : NOT_A_FILE;
      }
      // Nothing read: an empty file, or a pipe or device (checked only then, a stat per read costs).
      if (length === 0 && !fstatSync(fd).isFile()) return NOT_A_FILE;
      return decode(this.buffer, length, keep);
    } catch (error) {
      // A pipe someone holds open for writing, with nothing written yet.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return NOT_A_FILE;
      return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** A small file read: its text, why a file that is there was not read, or undefined when there is none. */
export type SmallFile = { text: string } | { refused: string } | undefined;

/**
 * A small file's content as UTF-8; `refused` (with why, in words) when the name is there
 * but is not a regular file, is over `maxBytes` or cannot be read; undefined when no file
 * is there (a dangling symlink or a folder included). Unlike readTextSync it follows a symlink and
 * refuses no content (configuration and ignore files are read as git and rg read them),
 * but it too opens without blocking: a named pipe under the name is not waited on.
 */
export async function readSmallFile(file: string, maxBytes: number): Promise<SmallFile> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { refused: `it cannot be opened (${code ?? String(error)})` };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return undefined; // a folder under the name: no file there
    if (!stat.isFile()) return { refused: 'it is not a regular file' };
    if (stat.size > maxBytes) return { refused: `it is ${kilobytes(stat.size)}, over the ${kilobytes(maxBytes)} it may be` };
    return { text: await handle.readFile('utf8') };
  } catch (error) {
    return { refused: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** readSmallFile's text, or undefined for a file that is not there or was refused. */
export async function readSmallText(file: string, maxBytes: number): Promise<string | undefined> {
  const read = await readSmallFile(file, maxBytes);
  return read && 'text' in read ? read.text : undefined;
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
