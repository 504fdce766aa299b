export { type RebuildEvent, type Watcher, type WatchOptions, watch } from './watch.ts';
