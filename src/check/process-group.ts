// Children of the check run in process groups of their own, so that one kill stops
// vitest, its workers and anything the learner's code started (a server, a database).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const live = new Set<ChildProcess>();

/** Starts `command` as the leader of a new process group, with an IPC channel. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
  return child;
}

/** Kills the whole group of `child` at once (SIGKILL); quiet when it is already gone. */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group.
  }
}

/** True while any process of the group led by `pid` is still alive (still running code). */
export function groupAlive(pid: number): boolean {
  if (process.platform === 'linux') return linuxGroupHasLiving(pid);
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Reads the group's members from /proc. A killed worker whose parent was killed too waits
 * as a zombie until the system reaps it, which in a container can take a while: it runs
 * nothing and holds no port, so it does not count (kill(-pid, 0) would count it).
 */
function linuxGroupHasLiving(groupId: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // "pid (name) state ppid pgrp …": the name may hold spaces, so read after its closing bracket.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === groupId && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/** Kills every group the check started, when this process exits. */
function killAllGroups(): void {
  for (const child of live) killGroup(child);
}

// A detached group does not get the terminal's Ctrl+C, so it must not outlive us.
process.on('exit', killAllGroups);
