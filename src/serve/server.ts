import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ServeError } from './errors.ts';
import { createSiteHandler } from './site-handler.ts';

export interface ServeOptions {
  /** Folder that `out` is relative to; defaults to the current directory. */
  root?: string;
  /** The built site to serve; default `output`. */
  out?: string;
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1: this machine only, unless asked. */
  host?: string;
}

export interface RunningServer {
  /** Where the site is, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  host: string;
  /** The port listened on: the one picked when 0 was asked for. */
  port: number;
  /** The absolute path of the folder served. */
  folder: string;
  /** Stops listening and cuts open connections, downloads included; resolves once the server is closed. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Serves the built site in `out` over HTTP until `close()`. Rejects with a
 * ServeError when the folder is missing or the port cannot be listened on.
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const folder = resolve(options.root ?? process.cwd(), options.out ?? 'output');
  const host = options.host ?? DEFAULT_HOST;
  await checkFolder(folder);
  const server = createServer(createSiteHandler(folder));
  await listen(server, options.port ?? DEFAULT_PORT, host);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    host,
    port,
    folder,
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        // Without this, close() would wait for every keep-alive connection to go idle and
        // every download to end: Ctrl+C must stop now, and leave no socket or file open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function checkFolder(folder: string): Promise<void> {
  const stats = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (stats === undefined) throw new ServeError('missing-folder', `${folder} does not exist`);
  if (!stats.isDirectory()) throw new ServeError('not-a-folder', `${folder} is not a folder`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      fail(listenError(error, port, host));
    };
    const onListening = () => {
      server.off('error', onError);
      done();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): ServeError {
  const options = { cause: error };
  if (error.code === 'EADDRINUSE') return new ServeError('port-in-use', `port ${port} is in use`, options);
  if (error.code === 'EACCES') return new ServeError('port-not-allowed', `not allowed to listen on port ${port}`, options);
  return new ServeError('cannot-listen', `cannot listen on ${host} port ${port}: ${error.message}`, options);
}
