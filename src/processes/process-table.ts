// A snapshot of the system's processes, as far as this platform lets us see them: who is
// whose parent, which process group each is in, whether it still runs code, and (on Linux)
// when it started and the marks of a run it carries. The one place that reads /proc or ps.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  parent: number;
  group: number;
  /** A zombie has ended: it runs nothing and holds no port; only its parent's wait is missing. */
  ended: boolean;
  /** When it started, in the kernel's clock ticks since boot (Linux only). */
  started?: number;
}

/** Every process this platform lets us list; an empty list where it cannot (Windows). */
export function processTable(): ProcessInfo[] {
  if (process.platform === 'linux') return linuxTable();
  if (process.platform === 'win32') return [];
  return psTable();
}

/** The pids whose environment holds `name=value` (Linux only: elsewhere an empty set). */
export function processesMarked(name: string, value: string, among: ProcessInfo[]): Set<number> {
  const marked = [...markedValues(name, among)].filter(([, found]) => found === value);
  return new Set(marked.map(([pid]) => pid));
}

/** Each pid whose environment holds variable `name`, with its value (Linux only: elsewhere empty). */
export function markedValues(name: string, among: ProcessInfo[]): Map<number, string> {
  const values = new Map<number, string>();
  if (process.platform !== 'linux') return values;
  const prefix = `${name}=`;
  for (const { pid, ended } of among) {
    if (ended) continue;
    try {
      const entry = readFileSync(`/proc/${pid}/environ`, 'latin1')
        .split('\0')
        .find((variable) => variable.startsWith(prefix));
      if (entry) values.set(pid, entry.slice(prefix.length));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return values;
}

/** Each pid's OOM score adjustment, the kernel's mark of a run (Linux only: elsewhere empty). */
export function oomScores(among: ProcessInfo[]): Map<number, number> {
  const scores = new Map<number, number>();
  if (process.platform !== 'linux') return scores;
  for (const { pid, ended } of among) {
    try {
      if (!ended) scores.set(pid, Number(readFileSync(`/proc/${pid}/oom_score_adj`, 'utf8')));
    } catch {
      // Gone meanwhile.
    }
  }
  return scores;
}

function linuxTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // "pid (name) state ppid pgrp … starttime …": the name may hold spaces and brackets, so read
    // after the last ')'; starttime is the stat's 22nd field, the 20th after the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.push({
      pid: Number(entry),
      parent: Number(fields[1]),
      group: Number(fields[2]),
      ended: fields[0] === 'Z' || fields[0] === 'X',
      started: Number(fields[19]),
    });
  }
  return table;
}

function psTable(): ProcessInfo[] {
  let output: string;
  try {
    output = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4 && /^\d+$/.test(fields[0]))
    .map(([pid, parent, group, stat]) => ({
      pid: Number(pid),
      parent: Number(parent),
      group: Number(group),
      ended: stat.startsWith('Z'),
    }));
}

/** True while a process with this pid exists (EPERM: it exists, but is not ours). Signal 0 only asks. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent of `pid`, or undefined when it cannot be known. */
export function parentOf(pid: number): number | undefined {
  if (pid === process.pid) return process.ppid;
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  }
  return processTable().find((info) => info.pid === pid)?.parent;
}

/** How many times the shell `pid` has woken up; undefined when `pid` is not a shell, or off Linux. */
export function shellWakeUps(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (!/^Name:\s*(sh|dash|bash|zsh)\s*$/m.test(status)) return undefined;
    return Number(/^voluntary_ctxt_switches:\s*(\d+)/m.exec(status)?.[1]);
  } catch {
    return undefined;
  }
}
