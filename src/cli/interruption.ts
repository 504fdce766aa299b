/** What stopped a command: the signal's name, for its exit status. */
export class Interrupted extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(`stopped by ${signalName}`);
  }
}

export interface Interruption {
  signal: AbortSignal;
  /** 128 + the signal's number, as shells report a process a signal ended: 130 for SIGINT (Ctrl+C), 143 for SIGTERM. */
  exitCode(): number;
  /** Stops listening: Node's own handling of the signals comes back. */
  dispose(): void;
}

/**
 * An AbortSignal that aborts at the first SIGINT or SIGTERM, so that a build stops where it can leave things
 * in order (its staging thrown away, its lock released) rather than where the signal finds it. Only the first:
 * the handlers are then removed, and a second Ctrl+C ends the process at once (what it leaves, the next build
 * tidies). With `given` (a test, or a program embedding the command line), that signal instead.
 */
export function interruption(given?: AbortSignal): Interruption {
  if (given) return { signal: given, exitCode: () => 130, dispose: () => undefined };
  const controller = new AbortController();
  const dispose = () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
  const stop = (name: 'SIGINT' | 'SIGTERM') => {
    dispose();
    controller.abort(new Interrupted(name));
  };
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    exitCode: () => ((controller.signal.reason as Interrupted | undefined)?.signalName === 'SIGTERM' ? 143 : 130),
    dispose,
  };
}
