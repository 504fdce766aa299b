/**
 * The campaign's content (content/), read once: each publication, and the
 * files the mutations may damage for it (its own Markdown, the articles it
 * includes, its table of local groups, the pictures it shows).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from '../helpers/project.ts';

export interface CampaignPublication {
  /** Project path: `content/leaflets/janaozen-anniversaire.md`. */
  path: string;
  /** Project paths of the files a mutation may change: the publication first. */
  targets: string[];
}

function readContent(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.set(relative(REPO, absolute).split('\\').join('/'), new Uint8Array(readFileSync(absolute)));
  }
  return files;
}

const CONTENT = readContent();
const isPublication = (path: string) => path.endsWith('.md') && /^---\r?\n(?:.*\r?\n)*?layout:/m.test(new TextDecoder().decode(CONTENT.get(path)));
/** What a publication may use: everything that is not a publication itself. */
const SHARED = [...CONTENT.keys()].filter((path) => !isPublication(path));

export const CAMPAIGN_PUBLICATIONS: readonly CampaignPublication[] = [...CONTENT.keys()]
  .filter(isPublication)
  .sort()
  .map((path) => {
    const text = new TextDecoder().decode(CONTENT.get(path));
    // A shared file is a target when the publication names it: by its content path (includes) or its file name (pictures, tables).
    const named = SHARED.filter((shared) => text.includes(shared.slice('content/'.length)) || text.includes(shared.slice(shared.lastIndexOf('/') + 1)));
    return { path, targets: [path, ...named] };
  });

/** The project for one publication: it and every shared file, with some of them replaced. */
export function campaignFiles(publication: CampaignPublication, replaced: Readonly<Record<string, Uint8Array>>): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const path of [publication.path, ...SHARED]) files[path] = replaced[path] ?? CONTENT.get(path)!;
  return files;
}

export function campaignFile(path: string): Uint8Array {
  const bytes = CONTENT.get(path);
  if (!bytes) throw new Error(`${path} is not in the campaign's content`);
  return bytes;
}
