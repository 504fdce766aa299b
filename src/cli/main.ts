import { resolve } from 'node:path';
import { build, type BuildOptions } from '../build.ts';
import { ServeError, startServer, untilStopped } from '../serve/index.ts';
import type { Watcher } from '../watch/index.ts';
import { type Command, parseCommand } from './args.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';
import { interruption } from './interruption.ts';
import { jsonSummary, publicationLine, rebuildLine, summaryLines, watchingLine } from './report.ts';

export interface Io {
  stdout(line: string): void;
  stderr(line: string): void;
  cwd: string;
  /** Stops a command that runs until stopped (`serve`, `watch`); without it, SIGINT or SIGTERM does. */
  signal?: AbortSignal;
  /**
   * Replaces the one live status line of a terminal (an empty text clears it). Given only when stderr is a
   * terminal a person watches: elsewhere (CI, pipes) output is one plain line per publication.
   */
  status?(text: string): void;
}

/** The whole CLI: parse, call the API, print, choose the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const command = parseCommand(argv);
  if (command.kind === 'help') {
    io.stdout(command.text);
    return 0;
  }
  if (command.kind === 'usage-error') {
    io.stderr(`roneo: ${command.message}`);
    io.stderr(command.text);
    return 2;
  }
  if (command.kind === 'serve') return serve(command, io);
  if (command.kind === 'watch') return watchCommand(command, io);
  const started = Date.now();
  const lines = command.output === 'lines';
  // Ctrl+C or SIGTERM: the build stops where it can leave the output folder as it was, and its lock released.
  const stop = interruption(io.signal);
  try {
    const result = await build({
      ...buildOptions(command, io),
      ...(command.kind === 'check' ? { check: true } : {}),
      ...(command.force ? { force: true } : {}),
      ...(command.noWait ? { wait: false } : {}),
      signal: stop.signal,
      onWaiting: waitingReporter(command, io),
      onStart: ({ id, index, total }) => {
        if (lines) io.status?.(`[${index}/${total}] ${command.kind === 'check' ? 'checking' : 'building'} ${id}…`);
      },
      onPublication: (publication) => {
        io.status?.('');
        if (lines) io.stdout(publicationLine(publication));
      },
    });
    io.status?.('');
    if (command.output === 'json') io.stdout(JSON.stringify(jsonSummary(result, command.kind, Date.now() - started), null, 2));
    else if (command.output === 'quiet') for (const d of result.diagnostics) io.stderr(formatDiagnostic(d));
    else for (const line of summaryLines(result, command.kind)) io.stderr(line);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (stop.signal.aborted) {
      io.status?.('');
      io.stderr(`roneo: stopped before the end; ${command.kind === 'check' ? 'nothing was checked to the end' : 'the output folder is as it was'}`);
      return stop.exitCode();
    }
    // Content and template problems arrive as diagnostics; reaching here is a bug in Roneo.
    return internalError(error, io);
  } finally {
    stop.dispose();
  }
}

/** Another build holds the output folder: said once, on stderr (stdout stays the summary's with --json); not with --quiet. */
function waitingReporter(command: BuildCommand, io: Io): BuildOptions['onWaiting'] {
  return ({ message }) => {
    if (command.output === 'quiet') return;
    io.status?.('');
    io.stderr(`roneo: ${message}`);
  };
}

type BuildCommand = Extract<Command, { kind: 'build' | 'check' | 'watch' }>;

/** What build and watch are told by the flags: only the flags given, so that roneo.config.json decides the rest. */
function buildOptions(command: BuildCommand, io: Io): BuildOptions {
  return {
    root: resolve(io.cwd),
    ...(command.content !== undefined ? { content: command.content } : {}),
    ...(command.templates !== undefined ? { templates: command.templates } : {}),
    ...(command.fonts !== undefined ? { fonts: command.fonts } : {}),
    ...(command.out !== undefined ? { out: command.out } : {}),
    only: command.only,
    ...(command.profiles ? { profiles: command.profiles } : {}),
  };
}

/**
 * `roneo watch`: build, then one line per rebuild and its problems, until stopped (0). Nothing a build meets
 * ends it: a content error is printed and the next change builds again; a build that throws, a bug in Roneo,
 * is printed in one line, and the watch goes on.
 */
async function watchCommand(command: BuildCommand, io: Io): Promise<number> {
  // Listening from the start: Ctrl+C during the first build stops the watch once that build is done.
  const stopped = untilStopped(io.signal);
  const lines = command.output === 'lines';
  let first = true;
  let watcher: Watcher;
  try {
    // Loaded by the command that needs it: build and check never load chokidar.
    const { watch } = await import('../watch/index.ts');
    watcher = await watch({
      ...buildOptions(command, io),
      onWaiting: waitingReporter(command, io),
      onStart: ({ id, index, total }) => {
        if (lines) io.status?.(`[${index}/${total}] building ${id}…`);
      },
      onPublication: (publication) => {
        // The first build lists what it made, as roneo build does; then one line per rebuild.
        if (first && lines) {
          io.status?.('');
          io.stdout(publicationLine(publication));
        }
      },
      onRebuild: (event) => {
        first = false;
        io.status?.('');
        if (event.error) {
          io.stderr(`roneo: internal error: ${event.error.message.split('\n')[0]} (a bug in Roneo: please report it with the command you ran); still watching`);
          return;
        }
        if (lines) io.stdout(rebuildLine(event));
        for (const d of event.diagnostics) io.stderr(formatDiagnostic(d));
      },
      onWatchError: (error) => io.stderr(`roneo: cannot watch every file: ${error.message.split('\n')[0]}`),
    });
  } catch (error) {
    return internalError(error, io);
  }
  if (lines) io.stdout(watchingLine(watcher.watching));
  await stopped;
  await watcher.close();
  return 0;
}

function internalError(error: unknown, io: Io): number {
  io.stderr(`roneo: internal error: ${(error as Error).stack ?? String(error)}`);
  io.stderr('Please report this with the command you ran.');
  return 1;
}

/** `roneo serve`: serve the output folder until stopped; 1 when it cannot be served. */
async function serve(command: Extract<Command, { kind: 'serve' }>, io: Io): Promise<number> {
  let server;
  try {
    server = await startServer({ root: resolve(io.cwd), out: command.out, port: command.port, host: command.host });
  } catch (error) {
    // A missing folder or a busy port is the user's to fix, said in one line; anything else is a bug.
    if (!(error instanceof ServeError)) return internalError(error, io);
    io.stderr(`roneo: ${serveErrorLine(error, command.out)}`);
    return 1;
  }
  io.stdout(`Serving ${command.out.replace(/\/+$/, '')}/ at ${server.url} (Ctrl+C to stop)`);
  await untilStopped(io.signal);
  await server.close();
  return 0;
}

function serveErrorLine(error: ServeError, out: string): string {
  switch (error.code) {
    case 'port-in-use':
    case 'port-not-allowed':
      return `${error.message}; choose another with --port`;
    case 'missing-folder':
      return `there is no folder \`${out}\` to serve; run \`roneo build\` first, or name it with --out`;
    case 'not-a-folder':
      return `\`${out}\` is not a folder; name the output folder with --out`;
    case 'cannot-listen':
      return `${error.message}; check --host and --port`;
  }
}
