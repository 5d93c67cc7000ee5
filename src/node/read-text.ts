/**
 * Reads a workspace file as text, refusing what is not text: binary content (a NUL
 * byte in the first 8 KB) and files over the size limit are reported, not read.
 *
 * readTextSync is for one file at a time (a saved file: a few system calls, no
 * thread-pool round trip); readTextFile is for many (the first index), asynchronous.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export type ReadResult = { text: string } | { unreadable: string };

export function readTextSync(absolutePath: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, 'r');
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { unreadable: `file is ${Math.round(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit` };
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const bytesRead = readSync(fd, buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    if (isBinary(buffer.subarray(0, Math.min(offset, 8192)))) return { unreadable: 'binary content' };
    return { text: buffer.toString('utf8', 0, offset) };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function isBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/** `readTextSync`'s answer, plus `skipped` when the bytes fail the prefilter (never decoded). */
export type PrefilteredRead = ReadResult | { skipped: true };

/**
 * Reads a file asynchronously (the thread pool does the system calls, so many reads
 * overlap) with the same refusals as readTextSync; when `keep` is given, bytes it
 * rejects are not decoded.
 */
export async function readTextFile(absolutePath: string, maxBytes: number, keep?: (bytes: Uint8Array, length: number) => boolean): Promise<PrefilteredRead> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(absolutePath, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { unreadable: `file is ${Math.round(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit` };
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    if (isBinary(buffer.subarray(0, Math.min(offset, 8192)))) return { unreadable: 'binary content' };
    if (keep && !keep(buffer, offset)) return { skipped: true };
    return { text: buffer.toString('utf8', 0, offset) };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
