/**
 * The reference worker's thread (bundled as dist/reference-worker.js): reads code files
 * and returns what each cites, so a branch switch's thousands of reads and scans do not
 * hold the extension host's thread. Messages: ReferenceRequest in, ReferenceReply out.
 */
import { parentPort } from 'node:worker_threads';
import type { CodeReference } from '../core/model';
import { CodeReader, type CodeReadOptions } from './code-reader';

export interface ReferenceRequest {
  id: number;
  options: CodeReadOptions;
  paths: string[];
}

export type ReferenceReply = { id: number; references: CodeReference[][] } | { id: number; error: string };

parentPort?.on('message', (request: ReferenceRequest) => {
  let reply: ReferenceReply;
  try {
    const reader = new CodeReader(request.options);
    reply = { id: request.id, references: request.paths.map((path) => reader.read(path)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
