/**
 * Reads a workspace file as text, refusing what is not text: binary content (a NUL
 * byte in the first 8 KB) and files over the size limit are reported, not read.
 *
 * Synchronous on purpose: one small file costs a few system calls and no thread-pool
 * round trip. Callers reading many files do so in slices and yield between them, so the
 * event loop is never held for long.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

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
