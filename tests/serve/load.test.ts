import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { startServer } from '../../src/serve/index.ts';
import { tempProject } from '../helpers/project.ts';
import { openDescriptors, settle, sha256 } from './helpers.ts';

const DOWNLOADS = 200;

/** Downloads `path` through `agent`, hashing as it arrives (200 copies are never all held at once). */
function download(agent: Agent, base: string, path: string, onResponse: () => void): Promise<{ status: number; bytes: number; sha256: string }> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, agent }, (res) => {
      onResponse();
      const hash = createHash('sha256');
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, bytes, sha256: hash.digest('hex') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Starts a download and cuts it after its first chunk, as a visitor closing the tab would. */
function abandon(agent: Agent, base: string, path: string): Promise<void> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, agent }, (res) => {
      res.once('data', () => {
        req.destroy();
        done();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : fail(error)));
    req.end();
  });
}

describe('roneo serve under load', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let pdf: Buffer;

  beforeAll(async () => {
    // A real dossier, built from the campaign's content, as a visitor would download it.
    project = await tempProject({ content: true });
    const result = await build({ root: project.root, only: ['dossier'], profiles: [], cache: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pdf = await readFile(join(project.root, 'output', 'dossier.pdf'));
  });
  afterAll(() => project?.cleanup());

  it(`${DOWNLOADS} concurrent downloads arrive byte-exact, and no descriptor stays open after`, async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const start = openDescriptors();
    const server = await startServer({ root: project.root, out: 'output', port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: DOWNLOADS });
    let peak = start;
    const sample = () => {
      peak = Math.max(peak, openDescriptors());
    };
    try {
      const results = await Promise.all(Array.from({ length: DOWNLOADS }, () => download(agent, server.url, '/dossier.pdf', sample)));
      const expected = sha256(pdf);
      expect(results.filter((r) => r.status !== 200 || r.bytes !== pdf.length || r.sha256 !== expected)).toEqual([]);
      expect(results).toHaveLength(DOWNLOADS);
      // 50 more, cut short: the files the server opened for them must be closed too.
      await Promise.all(Array.from({ length: 50 }, () => abandon(agent, server.url, '/dossier.pdf')));
    } finally {
      // The agent's idle keep-alive sockets are still open on both sides: close() must end the server's.
      await server.close();
      agent.destroy();
    }
    // The downloads did hold descriptors (sockets on both ends, the open PDF), so the count can tell.
    expect(peak).toBeGreaterThan(start + DOWNLOADS);
    expect(await settle(openDescriptors, start)).toBe(start);
  });
});
