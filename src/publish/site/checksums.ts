import type { Manifest } from '../manifest.ts';

/**
 * `SHA256SUMS` in the format `sha256sum -c` checks: every PDF and preview
 * the manifest lists, once, by its path in the output folder.
 */
export function checksumsFile(manifest: Manifest): string {
  const sums = new Map<string, string>();
  for (const entry of manifest.publications) {
    sums.set(entry.file, entry.sha256);
    for (const file of entry.files ?? []) sums.set(file.file, file.sha256);
    if (entry.print) sums.set(entry.print.file, entry.print.sha256);
    if (entry.preview) sums.set(entry.preview.file, entry.preview.sha256);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, sum]) => `${sum}  ${file}\n`)
    .join('');
}
