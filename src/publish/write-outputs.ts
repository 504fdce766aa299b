import { createHash } from 'node:crypto';
import type { World } from '../world/world.ts';
import { type Manifest, type ManifestEntry, mergeManifest, parseManifest } from './manifest.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `content/leaflets/a.md` → `leaflets/a.pdf`: the output mirrors the content folder. */
export function outputFileFor(id: string): string {
  return `${id}.pdf`;
}

export async function writePublication(world: World, outDir: string, id: string, bytes: Uint8Array): Promise<string> {
  const file = outputFileFor(id);
  await world.writeFileAtomic(`${outDir}/${file}`, bytes);
  return file;
}

/** Written last, after every PDF, so the manifest never lists a file that is not there yet. */
export async function writeManifest(
  world: World,
  outDir: string,
  built: readonly ManifestEntry[],
  knownIds: ReadonlySet<string>,
  generator: string,
): Promise<Manifest> {
  const path = `${outDir}/manifest.json`;
  let previous: Manifest | undefined;
  if (await world.exists(path)) previous = parseManifest(new TextDecoder().decode(await world.readFile(path)));
  const manifest = mergeManifest(previous, built, knownIds, generator);
  await writeIfChanged(world, path, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return manifest;
}

/** Leaves a file alone when it already holds these bytes: a build that changed nothing writes nothing. */
export async function writeIfChanged(world: World, path: string, bytes: Uint8Array): Promise<void> {
  const current = await world.readFile(path).catch(() => undefined);
  if (current && Buffer.from(current).equals(bytes)) return;
  await world.writeFileAtomic(path, bytes);
}
