import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request through node:http with `path` sent exactly as given: unlike
 * fetch, node:http does not resolve `..` or re-encode the path.
 */
export function get(base: string, path: string, options: { method?: string; headers?: Record<string, string>; agent?: Agent } = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/**
 * A request written byte for byte on a TCP socket, for targets that no HTTP
 * client would send as they are (backslashes, raw `..`, absolute-form).
 * Returns the status and the body after the headers.
 */
export function rawGet(base: string, target: string): Promise<{ status: number; head: string; body: Buffer }> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`, 'latin1'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return fail(new Error(`no HTTP answer to ${target}: ${JSON.stringify(all.toString('latin1'))}`));
      const head = all.subarray(0, end).toString('latin1');
      done({ status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1] ?? 0), head, body: all.subarray(end + 4) });
    });
  });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes that are not all alike, so a wrong offset shows. */
export function patternBytes(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** A temporary folder with the given files (path → content); `dir` is its absolute path. */
export async function tempFolder(files: Record<string, string | Uint8Array> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-serve-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** How many file descriptors this process has open (Linux). */
export function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Polls `read` until it returns `expected` or `ms` pass; returns the last value read. */
export async function settle(read: () => number, expected: number, ms = 5000): Promise<number> {
  const until = Date.now() + ms;
  let value = read();
  while (value !== expected && Date.now() < until) {
    await new Promise((wait) => setTimeout(wait, 50));
    value = read();
  }
  return value;
}
