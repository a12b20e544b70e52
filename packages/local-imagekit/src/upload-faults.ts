// Lessons about waiting and failing need a storage that is slow or broken on
// purpose; the code that started the server turns these knobs.

/** An ImageKit-style error the local storage can be told to answer with. */
export interface UploadFault {
  status: number;
  message: string;
}

/** Knobs that make the local storage slow or failing on purpose, for lessons about waiting and errors. */
export interface StorageFaults {
  /** Add latency (ms) before every upload answers. */
  setLatency(ms: number): void;
  /** Fail the next n uploads with an ImageKit-style error (default: 500, an internal error). */
  failNext(n: number, fault?: UploadFault): void;
  /** While true, refuse every upload with 403 as a wrong private key would. */
  refuseAll(refuse: boolean): void;
  /** Back to normal: no latency, no pending failures, no refusal. */
  reset(): void;
}

/** The fault ImageKit answers with when something breaks on its side. */
const DEFAULT_FAULT: UploadFault = {
  status: 500,
  message: 'We have encountered an internal error. Please try again later.',
};

/** What the next upload should suffer, decided once per upload. */
type FaultVerdict = { kind: 'none' } | { kind: 'refuse' } | { kind: 'fail'; fault: UploadFault };

/** The faults a local storage can inject into uploads, plus the verdict for each upload. */
export class UploadFaults implements StorageFaults {
  latencyMs = 0;
  private failures: UploadFault[] = [];
  private refusing = false;

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Latency must be 0 or more milliseconds, not ${ms}.`);
    this.latencyMs = ms;
  }

  failNext(n: number, fault: UploadFault = DEFAULT_FAULT): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`failNext needs a whole number of uploads, not ${n}.`);
    if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
      throw new RangeError(`A fault's status must be an HTTP error status (400-599), not ${fault.status}.`);
    }
    for (let i = 0; i < n; i++) this.failures.push({ ...fault });
  }

  refuseAll(refuse: boolean): void {
    this.refusing = refuse;
  }

  reset(): void {
    this.latencyMs = 0;
    this.failures = [];
    this.refusing = false;
  }

  /** Decides, as an upload arrives, whether it is refused, failed or let through. */
  verdictForNextUpload(): FaultVerdict {
    if (this.refusing) return { kind: 'refuse' };
    const fault = this.failures.shift();
    return fault ? { kind: 'fail', fault } : { kind: 'none' };
  }
}
