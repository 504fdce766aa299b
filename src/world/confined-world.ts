import { posix } from 'node:path';
import { passThrough } from './pass-through.ts';
import { type World, WorldError } from './world.ts';

/**
 * A World that reads a file of the content, templates or fonts folder only
 * when the file really is in that folder: a link from `content/images/` to
 * `~/.ssh/id_rsa` or `/etc/passwd`, which a contributor may slip into a
 * shared folder, is refused as if it led nowhere, with its own reason. A
 * folder may itself be a link (the content kept elsewhere): what counts is
 * where its files are relative to where it really is.
 *
 * Listing needs no check: a listing returns files, never links.
 */
export function confineWorld(inner: World, folders: readonly { path: string; name: string }[]): World {
  const reals = new Map<string, Promise<string | undefined>>();
  const realFolder = (folder: string) => {
    let real = reals.get(folder);
    if (!real) reals.set(folder, (real = inner.realPath(folder)));
    return real;
  };
  const folderOf = (path: string) => {
    const name = posix.normalize(path);
    return folders.find((folder) => folder.path === '.' || name === folder.path || name.startsWith(`${folder.path}/`));
  };

  return {
    ...passThrough(inner),
    readFile: async (path) => {
      const folder = folderOf(path);
      if (folder) {
        const [real, realRoot] = await Promise.all([inner.realPath(path), realFolder(folder.path)]);
        if (real !== undefined && realRoot !== undefined && !within(real, realRoot)) {
          throw new WorldError(path, 'EOUTSIDE', `is a link to a file outside the ${folder.name} folder, which Roneo does not follow`);
        }
      }
      return inner.readFile(path);
    },
  };
}

function within(path: string, folder: string): boolean {
  if (folder === '.') return !path.startsWith('/') && !path.startsWith('..');
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
