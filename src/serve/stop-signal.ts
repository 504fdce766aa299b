/**
 * Resolves when the server should stop: when `signal` aborts if one is given
 * (a test, or a program embedding the server), otherwise at the first SIGINT
 * (Ctrl+C) or SIGTERM (a service manager) sent to the process. Listening for
 * them replaces Node's default, which would end the process at once with
 * status 130 instead of closing the server and exiting 0.
 */
export function untilStopped(signal?: AbortSignal): Promise<void> {
  if (signal !== undefined) {
    return new Promise((done) => {
      if (signal.aborted) done();
      else signal.addEventListener('abort', () => done(), { once: true });
    });
  }
  return new Promise((done) => {
    const stop = () => {
      // Both removed, so that the process can end once the server is closed, and a second Ctrl+C is Node's again.
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
