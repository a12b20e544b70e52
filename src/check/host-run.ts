// One run on the check's host, as the host's messages tell it: what each project's test file
// reported, what the host saw of their workers, and the errors outside any test. The one
// reading of those messages, for a cold run (run-checks.ts) and a warm one (warm-check.ts).
import type { RunContext } from './results.ts';
import type { ErrorRecord, HostMessage, ModuleRecord, WorkerVerdict } from './wire.ts';

export class HostRun {
  /** The last test file each project reported. */
  readonly modules = new Map<string, ModuleRecord>();
  readonly verdicts = new Map<string, WorkerVerdict>();
  unhandled: ErrorRecord[] = [];
  /** vitest reported the run's end (a vitest that crashed reports none). */
  reported = false;
  ceilingHit = false;
  private finish!: () => void;
  private readonly over = new Promise<void>((resolve) => (this.finish = resolve));

  /** `ceilingMs`: a last resort; stuck code is stopped long before, by what it does (worker/). */
  constructor(readonly ceilingMs: number) {}

  take(message: HostMessage): void {
    if (message.type === 'module-end') this.modules.set(message.module.project, message.module);
    if (message.type === 'verdict') this.verdicts.set(message.project, message.verdict);
    if (message.type === 'run-end') {
      this.unhandled = message.unhandled;
      this.reported = true;
    }
    if (message.type === 'run-done') this.finish();
  }

  /** Ends the run from outside: its host ended, or the check was stopped. */
  end(): void {
    this.finish();
  }

  /** Resolves when the run is over, or at its ceiling (then ceilingHit). */
  async finished(): Promise<void> {
    const ceiling = setTimeout(() => {
      this.ceilingHit = true;
      this.finish();
    }, this.ceilingMs);
    await this.over;
    clearTimeout(ceiling);
  }

  context(output: string): RunContext {
    return { ceilingHit: this.ceilingHit, ceilingMs: this.ceilingMs, output, verdicts: this.verdicts };
  }
}
