// What every entry point of the playground (menu, CLI, sandbox, `npm test`) does first:
// clear away what an earlier run left when it was killed too hard to clean up, and end
// cleanly, itself, whichever way it is asked to.
import { endOrphanedRuns } from './contained-child.ts';
import { sweepScratchOfEndedProcesses } from './scratch-folder.ts';
import { endOnSignals } from './shutdown.ts';

/** Sweeps leftovers of killed runs and installs the clean ending on signals (see endOnSignals). */
export function takeCharge(options: { stopIsSuccess?: boolean } = {}): void {
  endOrphanedRuns();
  sweepScratchOfEndedProcesses();
  endOnSignals(options);
}
