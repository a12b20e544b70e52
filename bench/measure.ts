/** One benchmark figure: the median of several runs, and the target it must meet. */
export interface BenchResult {
  name: string;
  median: number;
  unit: 'ms' | 'MB' | 's' | 'x';
  /** The figure must stay under this to meet its goal. */
  target?: number;
  runs: number;
}

/** The middle value of a list of samples. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times `run` `runs` times (after `warmup` untimed runs) and returns the median in milliseconds. */
export async function timeMedian(runs: number, run: () => unknown | Promise<unknown>, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}
