import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/index.ts';
import { get, rawGet, tempFolder } from './helpers.ts';

// Beside the served folder: what no request may ever read.
const SECRET = 'SECRET-4f1c9e: the bytes that must never leave this file\n';
const HIDDEN = 'HIDDEN-77ab: a dotfile inside the served folder\n';

/** Targets that reach out of site/ (or into a dotfile) if anything decodes or normalises them carelessly. */
const ESCAPES = [
  '/../secret.txt',
  '/../../secret.txt',
  '/leaflets/../../secret.txt',
  '/./../secret.txt',
  '//../secret.txt',
  '/../site/../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/.%2e/secret.txt',
  '/%2e./secret.txt',
  '/..%2fsecret.txt',
  '/..%2Fsecret.txt',
  '/%2e%2e%2fsecret.txt',
  '/leaflets/..%2f..%2fsecret.txt',
  '/..%5csecret.txt',
  '/%2e%2e%5csecret.txt',
  '/..\\secret.txt',
  '/leaflets\\..\\..\\secret.txt',
  '/\\..\\secret.txt',
  '/%252e%252e/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/..%252fsecret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/%00../secret.txt',
  '/../secret.txt%00.pdf',
  '/secret.txt%00',
  '/index.html%00',
  '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  'http://127.0.0.1/../secret.txt',
  '*',
];

const DOTFILES = ['/.cache/roneo/state.json', '/.git/config', '/.env', '/%2egit/config', '/%2Eenv', '/leaflets/.hidden', '/.git/', '/.cache'];

describe('roneo serve: nothing outside the folder, nothing hidden', () => {
  let place: Awaited<ReturnType<typeof tempFolder>>;
  let server: RunningServer;

  beforeAll(async () => {
    place = await tempFolder({
      'secret.txt': SECRET,
      'site/index.html': '<!doctype html><title>site</title>\n',
      'site/dossier.pdf': '%PDF-1.7 dossier\n',
      'site/leaflets/tract.pdf': '%PDF-1.7 tract\n',
      'site/.env': HIDDEN,
      'site/.git/config': HIDDEN,
      'site/.cache/roneo/state.json': HIDDEN,
      'site/leaflets/.hidden': HIDDEN,
      'site/%2e%2e/decoy.txt': 'in a folder really named %2e%2e, inside the served one\n',
    });
    const site = join(place.dir, 'site');
    await symlink('../secret.txt', join(site, 'link-out.txt'));
    await symlink(join(place.dir, 'secret.txt'), join(site, 'absolute-link.pdf'));
    await symlink('..', join(site, 'parent'));
    await mkdir(join(site, 'trap'));
    await symlink('../../secret.txt', join(site, 'trap', 'index.html'));
    await symlink('.env', join(site, 'env-link.txt'));
    await symlink('dossier.pdf', join(site, 'latest.pdf'));
    server = await startServer({ root: place.dir, out: 'site', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await place?.cleanup();
  });

  it('the raw-socket client reads bodies: a server on the parent folder does give the secret', async () => {
    const parent = await startServer({ root: place.dir, out: '.', port: 0 });
    try {
      const answer = await rawGet(parent.url, '/secret.txt');
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe(SECRET);
    } finally {
      await parent.close();
    }
  });

  it.each(ESCAPES)('raw %s: 404, and not the secret', async (target) => {
    const answer = await rawGet(server.url, target);
    expect(answer.status).toBe(404);
    expect(answer.body.toString('latin1')).not.toContain('SECRET-4f1c9e');
  });

  it.each(ESCAPES.filter((target) => target.startsWith('/') && !target.includes('\\')))('node:http %s: 404, and not the secret', async (path) => {
    const answer = await get(server.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body.toString('latin1')).not.toContain('SECRET-4f1c9e');
  });

  it.each(DOTFILES)('dotfile %s: 404', async (path) => {
    const answer = await get(server.url, path);
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain('HIDDEN-77ab');
  });

  it.each(['/link-out.txt', '/absolute-link.pdf', '/parent/secret.txt', '/parent/site/.env', '/trap/', '/env-link.txt'])(
    'a link out of the folder or to a dotfile, %s: 404, not the file',
    async (path) => {
      const answer = await get(server.url, path);
      expect(answer.status).toBe(404);
      expect(answer.body.toString()).not.toContain('SECRET-4f1c9e');
      expect(answer.body.toString()).not.toContain('HIDDEN-77ab');
    },
  );

  it('a link that stays inside the folder is served', async () => {
    const answer = await get(server.url, '/latest.pdf');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('%PDF-1.7 dossier\n');
  });

  it('a path is decoded once: %252e%252e names the folder called %2e%2e inside the served one, nothing above', async () => {
    const answer = await get(server.url, '/%252e%252e/decoy.txt');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('in a folder really named %2e%2e, inside the served one\n');
  });

  it('every refusal is the same 404 as a file that does not exist', async () => {
    const missing = await rawGet(server.url, '/no-such-file.pdf');
    const refused = await rawGet(server.url, '/%2e%2e/secret.txt');
    expect(refused.status).toBe(missing.status);
    expect(refused.body.equals(missing.body)).toBe(true);
  });
});
