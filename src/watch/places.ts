import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { BuildOptions } from '../build.ts';
import { Diagnostics } from '../diagnostics/diagnostic.ts';
import { CONFIG_FILE, loadConfig } from '../load/config.ts';
import { STAGING_DIR } from '../publish/commit-journal.ts';
import { LOCK_FILE } from '../publish/output-lock.ts';
import { createNodeWorld } from '../world/node-world.ts';

/**
 * What a watch looks at, as absolute paths: the folders a build reads (content with its pictures, templates,
 * fonts) and the settings file; and what it must not look at (the output and cache folders, which the build
 * itself writes, and editors' scratch files).
 */
export interface Places {
  root: string;
  /** Content, templates and fonts. */
  folders: string[];
  /** The settings file, when the build reads one. */
  config: string | undefined;
  /** Never watched: the build writes them. */
  written: string[];
}

/**
 * The folders the build will read, found as build() finds them: the options, then roneo.config.json, then
 * Roneo's defaults. A settings file that cannot be read gives the defaults: the build reports its problems,
 * and the file is watched, so its fix is seen.
 */
export async function placesOf(root: string, options: BuildOptions): Promise<Places> {
  const configFile = options.config === false ? undefined : (options.config ?? CONFIG_FILE);
  const world = options.world ?? createNodeWorld(root);
  const config = configFile === undefined ? {} : ((await loadConfig(world, configFile, new Diagnostics()).catch(() => undefined)) ?? {});
  const at = (path: string) => resolve(root, path);
  const cache = options.cache ?? config.cache ?? '.cache/roneo';
  return {
    root,
    folders: [options.content ?? config.content ?? 'content', options.templates ?? config.templates ?? 'templates', options.fonts ?? config.fonts ?? 'fonts'].map(at),
    config: configFile === undefined ? undefined : at(configFile),
    written: [options.out ?? config.out ?? 'output', ...(cache === false ? [] : [cache])].map(at),
  };
}

/** What to hand chokidar: the project folder (for the settings file, and the folders inside it), and any folder outside it. */
export function watchList(places: Places): string[] {
  const outside = [...places.folders, ...(places.config ? [places.config] : [])].filter((path) => !within(path, places.root));
  return [places.root, ...new Set(outside)];
}

/**
 * Whether chokidar should leave a path alone. Inside the project folder only the watched folders (and the
 * folders on the way down to them) and the settings file are looked at: not node_modules, not .git.
 */
export function ignores(places: Places, path: string): boolean {
  if (path === places.root || path === places.config) return false;
  if (scratch(basename(path))) return true;
  // What builds write for themselves, wherever the output folder is (`--out .` puts it in the project's root).
  if (path.split(sep).some((part) => part === STAGING_DIR || part === LOCK_FILE)) return true;
  // The output folder is skipped unless a watched folder is inside it (`--out .`).
  for (const written of places.written) if (within(path, written) && !places.folders.some((folder) => within(folder, written))) return true;
  return !places.folders.some((folder) => within(path, folder) || within(folder, path));
}

/** Files editors write beside the one being edited (vim's swap files and its `4913` probe, backups, emacs locks). */
function scratch(name: string): boolean {
  return /^\.#|~$|^#.*#$|\.sw[a-px]$|^4913$|^\.DS_Store$/.test(name);
}

/** `path` is `folder` or inside it. */
export function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/** How the project's paths are printed and reported: relative to the project, with forward slashes. */
export function projectPath(root: string, path: string): string {
  const relativePath = relative(root, path);
  if (relativePath === '') return '.';
  // Elsewhere on another drive (Windows), the absolute path.
  return isAbsolute(relativePath) ? relativePath : relativePath.split(sep).join('/');
}
