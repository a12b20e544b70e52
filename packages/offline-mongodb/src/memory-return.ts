// Big messages live in ArrayBuffers outside V8's heap, and V8 frees those only when it next
// collects garbage: an idle stand-in can keep a gigabyte of dropped messages for as long as
// nobody allocates. After a connection lets go of a big one, one collection gives it back.
import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this many dropped bytes, V8's own collections are soon enough. */
const WORTH_COLLECTING = 16 * 1024 * 1024;
// At most one collection per second, however many connections close together.
const COLLECT_DELAY_MS = 1000;

let collect: (() => void) | undefined;
let scheduled = false;

/** Notes that `bytes` of message buffers were just let go, and returns them to the system soon when they are many. */
export function droppedBuffers(bytes: number): void {
  if (bytes < WORTH_COLLECTING || scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    garbageCollector()();
  }, COLLECT_DELAY_MS).unref();
}

// Node exposes gc() only with --expose-gc; a context made after setting the flag has it.
function garbageCollector(): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}
