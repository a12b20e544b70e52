// Waiting for the learner to say "stop" while something runs (an app, a watch, a check): Enter,
// q, Esc or Ctrl-C in a terminal (only Ctrl-C for a check: an impatient Enter must not stop it). Signals (Ctrl-C without a terminal, SIGTERM, SIGHUP) end the
// whole process instead, through src/processes/shutdown.ts, which stops what runs first.

interface StopKeys {
  /** Resolves when the learner asked to stop. */
  pressed: Promise<void>;
  /** How many times the learner asked (a second Ctrl-C means "now"). */
  count(): number;
  /** Gives the terminal back as it was. */
  release(): void;
}

interface StopOptions {
  /** false: the keyboard is left alone (Ctrl-C then arrives as a signal). */
  keys?: boolean;
  /** Only Ctrl-C stops; the other keys are swallowed. */
  ctrlCOnly?: boolean;
  /** Where the keys come from: the screen's input (a test's stream), the terminal's by default. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

/** Listens for the stop keys; call release() when done. `onPress` runs at every press. */
export function listenForStop(onPress: (times: number) => void = () => {}, options: StopOptions = {}): StopKeys {
  let times = 0;
  let resolvePressed!: () => void;
  const pressed = new Promise<void>((resolve) => (resolvePressed = resolve));
  const press = () => {
    times++;
    onPress(times);
    resolvePressed();
  };
  const input = options.input ?? process.stdin;
  // A stream that is not a terminal listens only when the screen gave it (a test's keys).
  const listens = options.keys !== false && (Boolean(input.isTTY) || input !== process.stdin);
  const stopKeys = options.ctrlCOnly ? ['\x03'] : ['\x03', '\r', '\n', 'q', '\x1b'];
  const onData = (data: Buffer | string) => {
    if (stopKeys.includes(data.toString())) press();
  };
  if (listens) {
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  }
  return {
    pressed,
    count: () => times,
    release() {
      if (listens) {
        input.off('data', onData);
        input.setRawMode?.(false);
        input.pause();
      }
    },
  };
}
