import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfInfo, pdfText } from './pdf.ts';

/** poppler reads files, so a PDF built in memory is written to a temporary one to be read back. */
export async function readBackPdf(bytes: Uint8Array | undefined): Promise<{ text: string; info: Awaited<ReturnType<typeof pdfInfo>> }> {
  if (!bytes) throw new Error('no PDF was built');
  const dir = await mkdtemp(join(tmpdir(), 'roneo-pdf-'));
  try {
    const file = join(dir, 'out.pdf');
    await writeFile(file, bytes);
    return { text: await pdfText(file), info: await pdfInfo(file) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
