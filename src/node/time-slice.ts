/**
 * Long synchronous loops (reads, stats, parses) run in slices of a few milliseconds and
 * yield to the event loop between them, so an editor's extension host is never held for
 * long. Call `due` between items; when it is true, `await next()` before going on.
 */

/** Longest stretch of synchronous work before yielding to the event loop. */
export const SLICE_MS = 8;

/**
 * The time a task that yields now and then kept this thread busy: it runs from its
 * creation, `pause()` before each await, `resume()` after, `pause()` at the end.
 */
export class BusyTime {
  ms = 0;
  private since: number | undefined = performance.now();

  pause(): void {
    if (this.since !== undefined) this.ms += performance.now() - this.since;
    this.since = undefined;
  }

  resume(): void {
    this.since ??= performance.now();
  }

  /** Awaits `promise` without counting the wait. */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.pause();
    try {
      return await promise;
    } finally {
      this.resume();
    }
  }
}

export class TimeSlice {
  private start = performance.now();

  /** `busy`: the task's busy time, which the yields are not counted in. */
  constructor(
    private readonly ms: number = SLICE_MS,
    private readonly busy?: BusyTime,
  ) {}

  /** Whether this slice has run its time. */
  get due(): boolean {
    return performance.now() - this.start > this.ms;
  }

  /** Yields to the event loop and starts a new slice. */
  async next(): Promise<void> {
    this.busy?.pause();
    await new Promise((resolve) => setImmediate(resolve));
    this.busy?.resume();
    this.start = performance.now();
  }
}
