/**
 * The reference worker's thread (bundled as dist/reference-worker.js): for a large batch
 * of file events, stats the paths and reads the code files, returning what each cites, so
 * a branch switch's thousands of stats, reads and scans do not hold the extension host's
 * thread. Messages: ReferenceRequest in, ReferenceReply out.
 */
import { parentPort } from 'node:worker_threads';
import type { CodeReference } from '../core/model';
import { CodeReader, type CodeReadOptions } from './code-reader';
import { statPath, type PathStat } from './path-stat';

export type ReferenceRequest = { id: number; kind: 'read'; options: CodeReadOptions; paths: string[] } | { id: number; kind: 'stat'; root: string; paths: readonly string[] };

export type ReferenceReply = { id: number; references: CodeReference[][] } | { id: number; stats: PathStat[] } | { id: number; error: string };

function answer(request: ReferenceRequest): ReferenceReply {
  if (request.kind === 'stat') return { id: request.id, stats: request.paths.map((path) => statPath(request.root, path)) };
  const reader = new CodeReader(request.options);
  return { id: request.id, references: request.paths.map((path) => reader.read(path)) };
}

parentPort?.on('message', (request: ReferenceRequest) => {
  let reply: ReferenceReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
