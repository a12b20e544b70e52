// The environment of the check's vitest: ours, minus what a surrounding vitest or lesson run set.

/** process.env without a surrounding vitest's or lesson run's variables, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|TINYPOOL|PLAYGROUND_CHECK|PLAYGROUND_WORKER)/.test(name)) continue;
    if (['TEST', 'LESSON_TARGET', 'FORCE_COLOR', 'FORCE_TTY'].includes(name)) continue;
    if (name === 'NODE_ENV' && value === 'test') continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}
