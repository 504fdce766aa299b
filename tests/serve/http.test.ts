import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/index.ts';
import { get, patternBytes, tempFolder } from './helpers.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), patternBytes(250_000, 7), Buffer.from('\n%%EOF\n')]);
const INDEX = '<!doctype html>\n<html lang="fr"><meta charset="utf-8"><title>Tracts — téléchargements</title><a href="dossier.pdf">Dossier</a></html>\n';
const MANIFEST = JSON.stringify({ publications: [{ id: 'dossier', path: 'dossier.pdf' }] });
const SUMS = `${'0'.repeat(64)}  dossier.pdf\n`;
const WEBP = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), patternBytes(300, 3)]);

describe('roneo serve: files over HTTP', () => {
  let site: Awaited<ReturnType<typeof tempFolder>>;
  let server: RunningServer;

  beforeAll(async () => {
    site = await tempFolder({
      'index.html': INDEX,
      'dossier.pdf': PDF,
      'manifest.json': MANIFEST,
      SHA256SUMS: SUMS,
      'previews/dossier.webp': WEBP,
      'leaflets/tract.pdf': PDF.subarray(0, 5000),
      'empty/.keep': '',
    });
    server = await startServer({ root: site.dir, out: '.', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await site?.cleanup();
  });

  it('listens on loopback by default, on the port it picked', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it.each([
    ['/dossier.pdf', 'application/pdf', PDF],
    ['/previews/dossier.webp', 'image/webp', WEBP],
    ['/manifest.json', 'application/json', Buffer.from(MANIFEST)],
    ['/index.html', 'text/html; charset=utf-8', Buffer.from(INDEX)],
    ['/SHA256SUMS', 'text/plain; charset=utf-8', Buffer.from(SUMS)],
    ['/leaflets/tract.pdf', 'application/pdf', PDF.subarray(0, 5000)],
  ])('GET %s: its type, its length and its exact bytes', async (path, type, bytes) => {
    const answer = await get(server.url, path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']?.split(';')[0]).toBe(type.split(';')[0]);
    if (type.includes('charset')) expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['content-length']).toBe(String(bytes.length));
    expect(answer.body.equals(bytes)).toBe(true);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['accept-ranges']).toBe('bytes');
  });

  it('serves index.html for / and for a folder with a final slash, and redirects a folder without one', async () => {
    const root = await get(server.url, '/');
    expect(root.status).toBe(200);
    expect(root.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(root.body.toString()).toBe(INDEX);
    const folder = await get(server.url, '/leaflets');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/leaflets/');
  });

  it('answers a folder without index.html with a plain 404 that says to build first', async () => {
    const answer = await get(server.url, '/leaflets/');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.body.toString()).toContain('roneo build');
    const missing = await get(server.url, '/nothing-here.pdf');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(missing.headers.etag).toBeUndefined();
  });

  it('sends a weak ETag and the file time as Last-Modified', async () => {
    const answer = await get(server.url, '/dossier.pdf');
    expect(answer.headers.etag).toMatch(/^W\/"[0-9a-f-]+"$/);
    const modified = (await stat(join(site.dir, 'dossier.pdf'))).mtime;
    expect(answer.headers['last-modified']).toBe(modified.toUTCString());
  });

  it('answers HEAD with the same headers as GET and no body', async () => {
    const full = await get(server.url, '/dossier.pdf');
    const head = await get(server.url, '/dossier.pdf', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'accept-ranges', 'cache-control', 'x-content-type-options']) {
      expect([name, head.headers[name]]).toEqual([name, full.headers[name]]);
    }
  });

  it('answers a conditional GET with 304 while the ETag matches, and 200 when it does not', async () => {
    const { headers } = await get(server.url, '/dossier.pdf');
    const same = await get(server.url, '/dossier.pdf', { headers: { 'If-None-Match': headers.etag! } });
    expect(same.status).toBe(304);
    expect(same.body.length).toBe(0);
    expect(same.headers.etag).toBe(headers.etag);
    const other = await get(server.url, '/dossier.pdf', { headers: { 'If-None-Match': 'W/"not-this-one"' } });
    expect(other.status).toBe(200);
    expect(other.body.equals(PDF)).toBe(true);
  });

  it('answers other methods with 405 and Allow: GET, HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const answer = await get(server.url, '/dossier.pdf', { method });
      expect([method, answer.status, answer.headers.allow]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  describe('byte ranges', () => {
    it('bytes=0-99: 206, Content-Range and exactly those bytes', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=0-99' } });
      expect(answer.status).toBe(206);
      expect(answer.headers['content-range']).toBe(`bytes 0-99/${PDF.length}`);
      expect(answer.headers['content-length']).toBe('100');
      expect(answer.body.equals(PDF.subarray(0, 100))).toBe(true);
    });

    it('a range in the middle', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=12345-67889' } });
      expect(answer.status).toBe(206);
      expect(answer.headers['content-range']).toBe(`bytes 12345-67889/${PDF.length}`);
      expect(answer.body.equals(PDF.subarray(12345, 67890))).toBe(true);
    });

    it('a suffix range: the last 500 bytes', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=-500' } });
      expect(answer.status).toBe(206);
      expect(answer.headers['content-range']).toBe(`bytes ${PDF.length - 500}-${PDF.length - 1}/${PDF.length}`);
      expect(answer.body.equals(PDF.subarray(PDF.length - 500))).toBe(true);
    });

    it('an open range: from an offset to the end', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=200000-' } });
      expect(answer.status).toBe(206);
      expect(answer.headers['content-range']).toBe(`bytes 200000-${PDF.length - 1}/${PDF.length}`);
      expect(answer.body.equals(PDF.subarray(200_000))).toBe(true);
    });

    it('an unsatisfiable range: 416 with the size in Content-Range', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: `bytes=${PDF.length}-` } });
      expect(answer.status).toBe(416);
      expect(answer.headers['content-range']).toBe(`bytes */${PDF.length}`);
      expect(answer.body.includes(PDF.subarray(0, 9))).toBe(false);
    });

    it('HEAD with a range: 206 headers, no body', async () => {
      const answer = await get(server.url, '/dossier.pdf', { method: 'HEAD', headers: { Range: 'bytes=0-99' } });
      expect(answer.status).toBe(206);
      expect(answer.headers['content-length']).toBe('100');
      expect(answer.body.length).toBe(0);
    });

    it('resumes a download: the first half, then the rest with Range and If-Range, make the file', async () => {
      const half = Math.floor(PDF.length / 2);
      const first = await get(server.url, '/dossier.pdf', { headers: { Range: `bytes=0-${half - 1}` } });
      expect(first.status).toBe(206);
      const rest = await get(server.url, '/dossier.pdf', { headers: { Range: `bytes=${half}-`, 'If-Range': first.headers.etag! } });
      expect(rest.status).toBe(206);
      expect(first.body.length + rest.body.length).toBe(PDF.length);
      expect(Buffer.concat([first.body, rest.body]).equals(PDF)).toBe(true);
    });

    it('ignores the range when If-Range names another version: the whole file, 200', async () => {
      const answer = await get(server.url, '/dossier.pdf', { headers: { Range: 'bytes=0-99', 'If-Range': 'W/"an-old-version"' } });
      expect(answer.status).toBe(200);
      expect(answer.body.equals(PDF)).toBe(true);
    });
  });
});
