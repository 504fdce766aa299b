import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Text in reading order, as poppler extracts it (no layout mode: one flow). */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** One row of `pdfimages -list`: an image (or its transparency mask) as stored in the PDF. */
export interface PdfImage {
  page: number;
  /** `image`, or `smask` for a transparency mask. */
  type: string;
  /** Pixels, as stored. */
  width: number;
  height: number;
  /** `rgb`, `gray`, `cmyk`… */
  color: string;
  /** `jpeg` (DCT), `image` (Flate)… */
  encoding: string;
  /** Pixels per inch as drawn, across. */
  xppi: number;
}

/** Every image drawn, page by page, in drawing order. */
export async function pdfImages(file: string): Promise<PdfImage[]> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), type: c[2]!, width: Number(c[3]), height: Number(c[4]), color: c[5]!, encoding: c[8]!, xppi: Number(c[12]) }));
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
  fields: Record<string, string>;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!.trim()] = match[2]!.trim();
  }
  const size = /([\d.]+) x ([\d.]+) pts/.exec(fields['Page size'] ?? '');
  return { pages: Number(fields.Pages), width: Number(size?.[1]), height: Number(size?.[2]), fields };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name, type (may be two words), encoding, emb, sub, uni, object, id
      const [emb, sub] = columns.slice(-5, -3);
      return { name: columns[0]!, type: columns.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** qpdf exits 0 for a clean file, 3 for warnings, 2 for errors. */
export async function qpdfCheck(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run('qpdf', ['--check', file]);
    return { ok: true, output: stdout };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The catalog's /Lang entry, read from the uncompressed trailer objects. */
export async function pdfLang(file: string): Promise<string | undefined> {
  const { stdout } = await run('qpdf', ['--show-object=trailer', file]);
  const root = /\/Root (\d+) 0 R/.exec(stdout)?.[1];
  if (!root) return undefined;
  const { stdout: catalog } = await run('qpdf', [`--show-object=${root}`, file]);
  return /\/Lang \((.*?)\)/.exec(catalog)?.[1];
}
