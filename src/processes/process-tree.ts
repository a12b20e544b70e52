// A tree of processes to end as a whole: a root, its process group and descendants, and (on
// Linux) every process whose environment carries a mark, which finds the detached ones that
// left both the group and the parent links but kept the environment they inherited, and the
// ones that escaped a tree marked in the kernel (markInKernel), which keep that mark.
import { writeFileSync } from 'node:fs';
import { oomScores, processesMarked, processTable, type ProcessInfo } from './process-table.ts';

export interface ProcessTree {
  root: number;
  /** An environment variable (name and value) every process of the tree inherited. */
  mark?: { name: string; value: string };
  /** The kernel's mark of the tree (markInKernel); without it, this process's own, if it has one. */
  kernelMark?: KernelMark;
}

/** Every living process of the tree, never this process or its ancestors. */
function treeMembers(tree: ProcessTree): number[] {
  const alive = living();
  const found = tree.mark ? processesMarked(tree.mark.name, tree.mark.value, alive) : new Set<number>();
  for (const pid of escapees(tree.kernelMark ?? ownMark(alive), alive)) found.add(pid);
  return withRelatives(tree, found, alive);
}

/**
 * A mark no environment change, new session or double fork removes (Linux): an OOM score
 * adjustment in this range, which every process inherits from its parent and only privileges
 * lower again. `since`: when the process marked started (clock ticks since boot).
 */
interface KernelMark {
  score: number;
  since: number;
}
const kernelScores = { lowest: 901, highest: 999 };
const isKernelScore = (score: number | undefined): score is number =>
  score !== undefined && score >= kernelScores.lowest && score <= kernelScores.highest;

/**
 * Marks process `pid` and all it starts from then on with a score no living process has, so
 * that ending its tree also ends the processes that escaped it. Call it before the process runs
 * code of its own. A side effect worth having: when memory runs out, the kernel ends these first.
 */
export function markInKernel(pid: number): KernelMark | undefined {
  if (process.platform !== 'linux') return undefined;
  const alive = living();
  const taken = new Set(oomScores(alive).values());
  const since = alive.find((info) => info.pid === pid)?.started;
  for (let score = kernelScores.lowest; score <= kernelScores.highest; score++) {
    if (taken.has(score)) continue;
    try {
      writeFileSync(`/proc/${pid}/oom_score_adj`, String(score));
      return since === undefined ? undefined : { score, since };
    } catch {
      return undefined; // a system that does not let us: the environment's mark is all there is
    }
  }
  return undefined;
}

/**
 * Marks this process and all it starts from now on (markInKernel), unless its starter gave it
 * a mark of its own already: the trees it ends then include what escaped them.
 */
export function markDescendants(): void {
  const scores = oomScores(living().filter((info) => info.pid === process.pid || info.pid === process.ppid));
  const own = scores.get(process.pid);
  if (!isKernelScore(own) || own === scores.get(process.ppid)) markInKernel(process.pid);
}

/** This process's kernel mark, when it carries one. */
function ownMark(alive: ProcessInfo[]): KernelMark | undefined {
  const score = oomScores(alive.filter((info) => info.pid === process.pid)).get(process.pid);
  const since = alive.find((info) => info.pid === process.pid)?.started;
  return isKernelScore(score) && since !== undefined ? { score, since } : undefined;
}

/**
 * The processes that escaped the marked tree: they carry its mark and started after it, but
 * their parent carries no mark at all (an orphan handed to init, whatever its environment,
 * session or group). A parent with another mark is a tree marked since (a check made in a check).
 */
function escapees(mark: KernelMark | undefined, alive: ProcessInfo[]): number[] {
  if (!mark) return [];
  const scores = oomScores(alive);
  return alive
    .filter((info) => scores.get(info.pid) === mark.score && !isKernelScore(scores.get(info.parent)))
    .filter((info) => info.started !== undefined && info.started >= mark.since)
    .map((info) => info.pid);
}

const living = () => processTable().filter((info) => !info.ended);

/** `found`, its group's and root's processes, and their descendants; never this process or its ancestors. */
function withRelatives(tree: ProcessTree, found: Set<number>, alive: ProcessInfo[]): number[] {
  const group = ownGroup(tree) ? undefined : tree.root;
  for (const info of alive) if (info.pid === tree.root || info.group === group) found.add(info.pid);
  // Taken out before their descendants are looked for, not only after: this process carries the
  // kernel's mark it gave its workers, and found among the escaped, it would bring them all along.
  for (const pid of selfAndAncestors(alive)) found.delete(pid);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of alive) {
      if (!found.has(info.pid) && found.has(info.parent)) {
        found.add(info.pid);
        grew = true;
      }
    }
  }
  return [...found];
}

function selfAndAncestors(alive: ProcessInfo[]): number[] {
  const chain = [process.pid];
  for (let pid = process.ppid; pid > 1 && !chain.includes(pid); ) {
    chain.push(pid);
    pid = alive.find((info) => info.pid === pid)?.parent ?? 0;
  }
  return chain;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Kills the tree at once (synchronous, for exit handlers): frozen first, then killed. Answers the pids it killed. */
export function killTree(tree: ProcessTree): number[] {
  if (process.platform === 'win32') {
    signal(tree.root, 'SIGKILL');
    return [tree.root];
  }
  // Stopped before killed: killing a parent first would hand its detached children to init,
  // out of reach of the parent links that find them where no environment can be read (macOS).
  // Environments are read once (the costly part: a worker's end is on a warm re-check's path);
  // what a member started before it stopped is its child, which the parent links find.
  let known = treeMembers(tree);
  for (let round = 0; round < 5 && known.length; round++) {
    for (const pid of known) signal(pid, 'SIGSTOP');
    const again = withRelatives(tree, new Set(known), living());
    const settled = again.every((pid) => known.includes(pid));
    known = again;
    if (settled) break;
  }
  for (const pid of known) signal(pid, 'SIGKILL');
  if (!ownGroup(tree)) signal(-tree.root, 'SIGKILL');
  return known;
}

/**
 * A tree rooted at this very process (a one-off check hosts vitest in it) never takes its
 * group: started from an interactive shell (or as a container's first process) this process
 * leads its group, and the group is the learner's whole job: this process itself, and a
 * `| tee` it is piped into. Its own children are found by their parent links and the mark.
 */
function ownGroup(tree: ProcessTree): boolean {
  return tree.root === process.pid || tree.root <= 1;
}

/** Kills the tree and resolves true once nothing of it runs (false if something survived `withinMs`). */
export async function endTree(tree: ProcessTree, withinMs = 2000): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  const killed = new Set(killTree(tree));
  // Most often nothing of the tree was left (a worker that ended by itself): one scan is enough.
  if (!killed.size) return true;
  for (;;) {
    const left = living().filter((info) => killed.has(info.pid));
    if (!left.length) return true;
    if (performance.now() >= deadline) return false;
    for (const { pid } of left) signal(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
