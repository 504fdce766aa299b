import { createHash } from 'node:crypto';
import type { World } from '../world/world.ts';
import { type Manifest, type ManifestEntry, mergeManifest, parseManifest } from './manifest.ts';
import type { Staging } from './staging.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `content/leaflets/a.md` → `leaflets/a.pdf`: the output mirrors the content folder. */
export function outputFileFor(id: string): string {
  return `${id}.pdf`;
}

/** Staged, to be put in place with everything else the build made: see staging.ts. */
export async function stagePublication(staging: Staging, outDir: string, id: string, bytes: Uint8Array): Promise<string> {
  const file = outputFileFor(id);
  await staging.put(`${outDir}/${file}`, bytes);
  return file;
}

/**
 * The manifest the build's commit puts in place: the one in place now, with what this build made. Staged after
 * every file it lists, so it is put in place after them.
 */
export async function stageManifest(
  world: World,
  staging: Staging,
  outDir: string,
  built: readonly ManifestEntry[],
  knownIds: ReadonlySet<string>,
  generator: string,
): Promise<Manifest> {
  const path = `${outDir}/manifest.json`;
  let previous: Manifest | undefined;
  if (await world.exists(path)) previous = parseManifest(new TextDecoder().decode(await world.readFile(path)));
  const manifest = mergeManifest(previous, built, knownIds, generator);
  await staging.put(path, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return manifest;
}
