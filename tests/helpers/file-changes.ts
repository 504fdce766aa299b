/**
 * The paths whose bytes differ between two snapshots of a memory world's files (added, removed or changed),
 * sorted. Compared with Buffer.compare: a deep equality on megabytes of fonts takes seconds.
 */
export function changedFiles(before: ReadonlyMap<string, Uint8Array>, after: ReadonlyMap<string, Uint8Array>): string[] {
  const changed = new Set<string>();
  for (const [path, bytes] of before) {
    const now = after.get(path);
    if (!now || Buffer.compare(bytes, now) !== 0) changed.add(path);
  }
  for (const path of after.keys()) if (!before.has(path)) changed.add(path);
  return [...changed].sort();
}
