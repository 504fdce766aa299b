/**
 * pdfmake reads nothing by itself. Its URL access policy refuses every
 * address, and its local policy refuses every path: the fonts and pictures
 * it needs are handed to it through its virtual file system, fonts from the
 * fonts folder and pictures from the content folder once Roneo has checked
 * them and stripped their metadata. So a picture asked by path, even one
 * inside content/, would skip that processing, and is refused like any other
 * path. (That is stricter than allowing fonts/ and content/ alone.)
 *
 * Shown on the renderer itself, with document definitions that ask for an
 * address on a local server (which counts the requests it gets) and for
 * /etc/passwd, and through a build whose layout asks for the same.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { render } from '../render/line-layout-pdf.ts';
import { memoryProject } from '../helpers/project.ts';

const PASSWD = 'root:x:0:0';

describe('pdfmake reads no address and no file', () => {
  let server: Server;
  let requests = 0;
  let address = '';
  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.end();
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    address = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  const refused = (what: () => Record<string, unknown>) => async () => {
    await expect(render(what())).rejects.toThrow(/denied by resource access policy/);
    expect(requests).toBe(0);
  };

  it('refuses a picture asked by address', refused(() => ({ content: [{ image: `${address}/picture.png`, width: 50 }] })));
  it('refuses /etc/passwd as a picture', refused(() => ({ content: [{ image: '/etc/passwd', width: 50 }] })));
  it('refuses a picture of the content folder asked by path, which would skip its processing', refused(() => ({ content: [{ image: 'content/images/carte-kazakhstan.svg', width: 50 }] })));
  it('refuses a path climbing out of the project', refused(() => ({ content: [{ image: '../../../../etc/passwd', width: 50 }] })));
  it('refuses an attachment of /etc/passwd', refused(() => ({ content: [{ attachment: 'secret' }], files: { secret: { src: '/etc/passwd' } } })));
  it('ignores a layout’s own table of pictures: only Roneo’s processed pictures are named', refused(() => ({ content: [{ image: 'logo', width: 50 }], images: { logo: `${address}/logo.png` } })));

  it('draws an SVG that names a file or an address without reading either', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/passwd" width="10" height="10"/><image href="${address}/a.png" width="10" height="10"/></svg>`;
    const bytes = await render({ content: [{ svg, width: 50 }] });
    expect(Buffer.from(bytes).includes(PASSWD)).toBe(false);
    expect(requests).toBe(0);
  });

  it('a build whose layout asks for an address and for /etc/passwd reports it at the publication, and builds the others', async () => {
    const spy = `{\n  content: [\n    { image: "${address}/x.png", width: 40 },\n    { image: "/etc/passwd", width: 40 },\n    {{json body}},\n  ],\n  defaultStyle: { font: "Charis SIL" },\n}\n`;
    const world = await memoryProject({
      'templates/spy.hbs': spy,
      'content/leaflets/spy.md': '---\nlayout: spy\ntitle: Espion\ndate: 2024-05-01\n---\n\nTexte.\n',
      'content/leaflets/good.md': '---\nlayout: leaflet\ntitle: Un tract sans défaut\ndate: 2024-05-01\n---\n\nRien à signaler ici.\n',
    });
    const result = await build({ world, site: false, profiles: ['screen'] });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([`content/leaflets/spy.md:1:1: error: rendering failed: Access to local file denied by resource access policy: ${address}/x.png [render]`]);
    expect(result.publications.map((publication) => publication.id)).toEqual(['leaflets/good']);
    for (const [path, bytes] of world.files) if (path.startsWith('output/')) expect(Buffer.from(bytes).includes(PASSWD)).toBe(false);
    expect(requests).toBe(0);
  });
});
