/**
 * Reads a workspace file as text, refusing what is not text: binary content (a NUL
 * byte anywhere), content that is mostly not UTF-8, and files over the size limit are
 * reported, not read. The last component of the path is never followed as a symlink.
 *
 * Synchronous on purpose: one small file costs a few system calls and no thread-pool
 * round trip. Callers reading many files do so in slices and yield between them, so the
 * event loop is never held for long.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult = { text: string } | { unreadable: string };

export function readTextSync(absolutePath: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { unreadable: `file is ${Math.round(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit` };
    const buffer = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const bytesRead = readSync(fd, buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    const bytes = buffer.subarray(0, offset);
    if (isBinary(bytes)) return { unreadable: 'binary content' };
    const text = bytes.toString('utf8');
    if (mostlyUndecodable(text, offset)) return { unreadable: 'not UTF-8 text' };
    return { text };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file was deleted (or renamed) between being listed and being read: skipped, not reported. */
export function vanished(result: ReadResult): boolean {
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
