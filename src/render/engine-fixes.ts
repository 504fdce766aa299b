import { installKeeps } from './keeps/install.ts';
import { installLineLayout } from './line-layout/install.ts';
import { installRunningHeads } from './running-heads/install.ts';

let installed = false;

/**
 * pdfmake's own layout lacks what print needs (justification between words
 * only, visible hyphens, keeps, widows and orphans). The fixes replace the
 * responsible methods of its classes once per process, before any document
 * is laid out; each is documented where it lives.
 */
export function installEngineFixes(): void {
  if (installed) return;
  installLineLayout();
  installKeeps();
  installRunningHeads();
  installed = true;
}
