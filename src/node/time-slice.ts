/**
 * Long synchronous loops (reads, stats, parses) run in slices of a few milliseconds and
 * yield to the event loop between them, so an editor's extension host is never held for
 * long. Call `due` between items; when it is true, `await next()` before going on.
 */

/** Longest stretch of synchronous work before yielding to the event loop. */
export const SLICE_MS = 8;

export class TimeSlice {
  private start = performance.now();

  constructor(private readonly ms: number = SLICE_MS) {}

  /** Whether this slice has run its time. */
  get due(): boolean {
    return performance.now() - this.start > this.ms;
  }

  /** Yields to the event loop and starts a new slice. */
  async next(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}
