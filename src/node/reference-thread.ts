/**
 * The extension host's handle on the reference worker (see reference-worker.ts), which
 * stats paths and reads code files for large batches of file events: started
 * on first use, stopped after a quiet minute, started again when needed. A worker that
 * fails to start, throws or dies rejects what it was asked, and the caller reads on its
 * own thread instead; nothing it does can take the extension host down.
 */
import { Worker } from 'node:worker_threads';
import type { CodeReference } from '../core/model';
import type { CodeReadOptions } from './code-reader';
import type { PathStat } from './path-stat';
import type { ReferenceReply, ReferenceRequest } from './reference-worker';

const IDLE_MS = 60_000;
/** The worker holds one file at a time and small results: a heap far over this is a fault. */
const HEAP_LIMIT_MB = 256;

interface Waiting {
  resolve: (reply: ReferenceReply) => void;
  reject: (error: Error) => void;
}

export class ReferenceThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** Workers started so far (a restart after a failure counts). */
  started = 0;

  /** `script`: the bundled worker, dist/reference-worker.js. */
  constructor(
    private readonly script: string,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether `dispose` was called: no worker will start again. */
  get stopped(): boolean {
    return this.disposed;
  }

  /** Whether a worker is up now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** What each of `paths` cites, in order, read off this thread. */
  async read(options: CodeReadOptions, paths: string[]): Promise<CodeReference[][]> {
    const reply = await this.ask({ id: this.nextId++, kind: 'read', options, paths });
    if (!('references' in reply)) throw new Error('the reference worker answered a read with no references');
    return reply.references;
  }

  /** Each of `paths` (relative to `root`) stat'ed off this thread, in order. */
  async stat(root: string, paths: readonly string[]): Promise<PathStat[]> {
    const reply = await this.ask({ id: this.nextId++, kind: 'stat', root, paths });
    if (!('stats' in reply)) throw new Error('the reference worker answered a stat with no stats');
    return reply.stats;
  }

  private ask(request: ReferenceRequest): Promise<ReferenceReply> {
    if (this.disposed) return Promise.reject(new Error('the reference worker was stopped'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stop(new Error('the reference worker was stopped'));
  }

  private start(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    this.started++;
    worker.unref();
    worker.on('message', (reply: ReferenceReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
      if (this.waiting.size === 0 && this.worker === worker) this.idleTimer = setTimeout(() => this.stop(), this.idleMs).unref();
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.stop(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`the reference worker exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; what it was still asked is rejected with `error`. */
  private stop(error = new Error('the reference worker was stopped')): void {
    const worker = this.worker;
    this.worker = undefined;
    this.idleTimer = undefined;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    void worker?.terminate();
  }
}
