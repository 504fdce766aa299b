/** Where bundles are kept: inside node_modules, so that they find the packages they import. */
export const CACHE: string;
/** The module at `entry` (relative to the package) run as bundled JavaScript, or through tsx when it cannot be bundled. */
export function importCompiled(entry: string, options?: { sources?: string[]; name?: string }): Promise<Record<string, unknown>>;
/** Bundles `entry` into `CACHE/<name>-<stamp>/` (code split: dynamic imports stay lazy) unless that bundle is there; returns the entry module's path. */
export function bundle(entry: string, sources: string[], name: string): Promise<string>;
