// Noticing code that is busy too long, from a thread of its own: an endless loop blocks the
// worker's main thread, so nothing there can notice it. The main thread beats on shared
// memory; the watchdog reads the process's CPU time. A main thread that has not beaten while
// the process burned blockedCpuMs of CPU computes without a break ('busy': an endless loop, or
// a huge piece of work in one go: from here the two look the same). A test that used five
// times that in all, its main thread beating, keeps working without end ('heavy': thousands of
// connections, say). CPU time, not wall time: a slow or busy machine stretches the wall clock
// of a correct test, not the CPU its code needs. Code that printed tens of megabytes is
// stopped too ('printing'): written to a worker's stdout it piles up in memory, unseen, and
// no lesson needs a thousandth of it.
import { Worker } from 'node:worker_threads';

/** A test (or the loading of the learner's code) may use this many times blockedCpuMs of CPU in all. */
const heavyTimes = 5;
const beatMs = 100;
/** KiB printed after which the code is stopped: far past any log a lesson needs. */
const printingKib = 32 * 1024;

// Runs in its own thread, without Vite or tsx: plain CommonJS, kept short.
const watchdogSource = `
const { workerData } = require('node:worker_threads');
const { connect } = require('node:net');
const shared = new Int32Array(workerData.shared);
const cpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
let beat = Atomics.load(shared, 0), phase = Atomics.load(shared, 1);
let sinceBeat = cpu(), sincePhase = sinceBeat;
const timer = setInterval(() => {
  const now = cpu();
  if (Atomics.load(shared, 0) !== beat) { beat = Atomics.load(shared, 0); sinceBeat = now; }
  if (Atomics.load(shared, 1) !== phase) { phase = Atomics.load(shared, 1); sincePhase = now; }
  const kind = Atomics.load(shared, 2) >= workerData.printingKib ? 'printing'
    : now - sinceBeat >= workerData.blockedCpuMs ? 'busy' : now - sincePhase >= workerData.heavyCpuMs ? 'heavy' : '';
  if (!kind) return;
  clearInterval(timer);
  const socket = connect(workerData.address, () => {
    socket.end(JSON.stringify({ type: 'stuck', kind, pid: workerData.pid }) + '\\n');
  });
  socket.on('error', () => {});
}, 200);
`;

let shared: Int32Array | undefined;

/**
 * Starts the watchdog thread, reporting to the check channel at `address`. Once per worker.
 * `blockedCpuMs`: a blocked main thread that used this much CPU meanwhile is busy; a test that
 * used heavyTimes as much, heavy.
 */
export function startWatchdog(address: string, blockedCpuMs: number, onPrintedTooMuch: () => void): void {
  if (shared) return;
  shared = new Int32Array(new SharedArrayBuffer(12));
  const thread = new Worker(watchdogSource, {
    eval: true,
    workerData: {
      shared: shared.buffer,
      address,
      pid: process.pid,
      blockedCpuMs,
      heavyCpuMs: blockedCpuMs * heavyTimes,
      printingKib,
    },
  });
  thread.unref();
  const beats = shared;
  setInterval(() => Atomics.add(beats, 0, 1), beatMs).unref();
  countPrinting(beats, onPrintedTooMuch);
}

/**
 * Counts the characters the code prints (console or the process's streams), in KiB, in slot 2.
 * The watchdog sees a count past the limit at its next look, if the code blocks this thread;
 * code that does not is told on at once, or a short test file could end before that look.
 */
function countPrinting(counts: Int32Array, onPrintedTooMuch: () => void): void {
  let chars = 0;
  const count = (value: unknown) => {
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) return;
    chars += value.length;
    if (chars < 1024) return;
    const before = Atomics.add(counts, 2, chars >> 10);
    if (before < printingKib && before + (chars >> 10) >= printingKib) onPrintedTooMuch();
    chars &= 1023;
  };
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = function (this: typeof stream, chunk: unknown, ...rest: never[]) {
      count(chunk);
      return write.call(this, chunk as string, ...rest);
    } as typeof stream.write;
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const print = console[method];
    console[method] = (...values: unknown[]) => {
      for (const value of values) count(value);
      print(...values);
    };
  }
}

/** Tells the watchdog a new test (or loading phase) began, so its CPU count starts again. */
export function nextPhase(): void {
  if (shared) Atomics.add(shared, 1, 1);
}
