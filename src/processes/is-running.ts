// Whether a process still exists: signal 0 only asks, it delivers nothing.

/** True while a process with this pid exists (EPERM: it exists, but is not ours). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
