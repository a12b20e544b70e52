// Waiting for the learner to say "stop" while something runs (an app, a watch): Enter, q,
// Esc or Ctrl-C in a terminal. Signals (Ctrl-C without a terminal, SIGTERM, SIGHUP) end the
// whole process instead, through src/processes/shutdown.ts, which stops what runs first.

interface StopKeys {
  /** Resolves when the learner asked to stop. */
  pressed: Promise<void>;
  /** How many times the learner asked (a second Ctrl-C means "now"). */
  count(): number;
  /** Gives the terminal back as it was. */
  release(): void;
}

/**
 * Listens for the stop keys; call release() when done. `onPress` runs at every press.
 * With `keys: false` the keyboard is left alone (Ctrl-C then arrives as a signal).
 */
export function listenForStop(onPress: (times: number) => void = () => {}, options: { keys?: boolean } = {}): StopKeys {
  let times = 0;
  let resolvePressed!: () => void;
  const pressed = new Promise<void>((resolve) => (resolvePressed = resolve));
  const press = () => {
    times++;
    onPress(times);
    resolvePressed();
  };
  const stdin = process.stdin;
  const raw = Boolean(stdin.isTTY) && options.keys !== false;
  const onData = (data: Buffer) => {
    const key = data.toString();
    if (key === '\x03' || key === '\r' || key === '\n' || key === 'q' || key === '\x1b') press();
  };
  if (raw) {
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  }
  return {
    pressed,
    count: () => times,
    release() {
      if (raw) {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
      }
    },
  };
}
