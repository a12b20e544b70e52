// Long batches hand the event loop back now and then, so other clients are answered while
// a big insertMany or bulkWrite is worked through.
const SLICE_MS = 20;

/** Tracks one batch's slices of uninterrupted work. */
export class Pacer {
  private sliceStart = performance.now();
  private countdown = 1;
  /** How many times the batch has let others in; what was looked up before may have changed since. */
  pauses = 0;
  private readonly stepsPerLook: number;

  /** `stepsPerLook`: how many steps may pass between looks at the clock (1 for steps that can be slow). */
  constructor(stepsPerLook: number) {
    this.stepsPerLook = stepsPerLook;
  }

  /** A promise to await before the next step when this slice has run long enough, else undefined. */
  pause(): Promise<void> | undefined {
    if (--this.countdown > 0) return undefined;
    this.countdown = this.stepsPerLook;
    if (performance.now() - this.sliceStart < SLICE_MS) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.pauses++;
        this.sliceStart = performance.now();
        resolve();
      }),
    );
  }
}
