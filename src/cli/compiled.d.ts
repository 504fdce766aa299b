/** Where bundles are kept: inside node_modules, so that they find the packages they import. */
export const CACHE: string;
/** The module at `entry` (relative to the package) run as bundled JavaScript, or through tsx when it cannot be bundled. */
export function importCompiled(entry: string, options?: { sources?: string[]; name?: string }): Promise<Record<string, unknown>>;
/** Bundles `entry` into `CACHE/<name>.mjs` unless the bundle is newer than every file under `sources`; returns its path. */
export function bundle(entry: string, sources: string[], name: string): Promise<string>;
