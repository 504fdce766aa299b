/**
 * Why a server could not start, as a code the command line turns into one
 * line for the user: these are the user's problems to fix (another program
 * on the port, no build yet), not bugs, so they never reach a stack trace.
 */
export type ServeErrorCode = 'port-in-use' | 'port-not-allowed' | 'missing-folder' | 'not-a-folder' | 'cannot-listen';

export class ServeError extends Error {
  override readonly name = 'ServeError';

  constructor(
    readonly code: ServeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
