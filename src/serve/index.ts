// `roneo serve` as a library: serve a built site from code, or mount its handler in a server of your own.
export { DEFAULT_HOST, DEFAULT_PORT, startServer, type RunningServer, type ServeOptions } from './server.ts';
export { createSiteHandler } from './site-handler.ts';
export { ServeError, type ServeErrorCode } from './errors.ts';
export { untilStopped } from './stop-signal.ts';
