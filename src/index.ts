export { build, type BuildOptions, type BuildResult, type BuiltPublication } from './build.ts';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.ts';
export { formatDiagnostic } from './diagnostics/format.ts';
export type { Manifest, ManifestEntry } from './publish/manifest.ts';
export { createMemoryWorld } from './world/memory-world.ts';
export { createNodeWorld } from './world/node-world.ts';
export type { World } from './world/world.ts';
export { startServer, type RunningServer, type ServeOptions } from './serve/index.ts';
export { watch, type RebuildEvent, type Watcher, type WatchOptions } from './watch/index.ts';
