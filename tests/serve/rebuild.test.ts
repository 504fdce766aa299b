import { rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/index.ts';
import { get, patternBytes, tempFolder } from './helpers.ts';

const OLD = patternBytes(40_000, 11);
// The same size as the old file: only the bytes differ, as after a rebuild that changed one word.
const NEW = patternBytes(40_000, 12);

/** How a build writes: a temporary name beside the file, then a rename over it; `mtime` sets the new file's time. */
async function replaceAtomically(path: string, bytes: Uint8Array | string, mtime?: Date): Promise<void> {
  await writeFile(`${path}.tmp`, bytes);
  if (mtime) await utimes(`${path}.tmp`, mtime, mtime);
  await rename(`${path}.tmp`, path);
}

describe('roneo serve after a rebuild', () => {
  let site: Awaited<ReturnType<typeof tempFolder>>;
  let server: RunningServer;

  beforeAll(async () => {
    site = await tempFolder({ 'dossier.pdf': OLD, 'index.html': '<!doctype html><title>old</title>\n' });
    server = await startServer({ root: site.dir, out: '.', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await site?.cleanup();
  });

  it('serves the new bytes with a new ETag as soon as a file is replaced by rename', async () => {
    const before = await get(server.url, '/dossier.pdf');
    expect(before.body.equals(OLD)).toBe(true);
    await replaceAtomically(join(site.dir, 'dossier.pdf'), NEW);
    const after = await get(server.url, '/dossier.pdf');
    expect(after.status).toBe(200);
    expect(after.body.equals(NEW)).toBe(true);
    expect(after.headers.etag).toBeDefined();
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // A browser revalidating with the old tag gets the new file, not a 304.
    const revalidated = await get(server.url, '/dossier.pdf', { headers: { 'If-None-Match': before.headers.etag! } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.equals(NEW)).toBe(true);
    // A resumed download of the old version must not splice in the new one: If-Range fails, the whole file comes.
    const resumed = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=20000-', 'If-Range': before.headers.etag! } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.equals(NEW)).toBe(true);
  });

  it('gives a new ETag even when the new file has the same size and modification time as the old', async () => {
    const path = join(site.dir, 'same-time.pdf');
    await writeFile(path, OLD);
    const before = await get(server.url, '/same-time.pdf');
    // Two builds within the same millisecond, or a copy that keeps times: size and time alike, bytes not.
    await replaceAtomically(path, NEW, (await stat(path)).mtime);
    const after = await get(server.url, '/same-time.pdf');
    expect(after.body.equals(NEW)).toBe(true);
    expect(after.headers['last-modified']).toBe(before.headers['last-modified']);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get(server.url, '/same-time.pdf', { headers: { 'If-None-Match': before.headers.etag! } })).status).toBe(200);
  });

  it('sees files that appear and disappear after it started: no list of files is kept', async () => {
    expect((await get(server.url, '/leaflets/new.pdf')).status).toBe(404);
    await writeFile(join(site.dir, 'late.pdf'), 'late');
    const late = await get(server.url, '/late.pdf');
    expect(late.status).toBe(200);
    expect(late.body.toString()).toBe('late');
    await rm(join(site.dir, 'late.pdf'));
    expect((await get(server.url, '/late.pdf')).status).toBe(404);
  });

  it('serves the new index.html at /', async () => {
    await replaceAtomically(join(site.dir, 'index.html'), '<!doctype html><title>new</title>\n');
    expect((await get(server.url, '/')).body.toString()).toContain('<title>new</title>');
  });
});
