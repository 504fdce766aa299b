import type { BuildResult, BuiltPublication } from '../build.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';
import type { RebuildEvent } from '../watch/index.ts';

export function publicationLine(p: BuiltPublication): string {
  const pages = `${p.pages} ${p.pages === 1 ? 'page' : 'pages'}`;
  if (p.unchanged) return `${p.id.padEnd(36)} ${pages.padStart(9)} ${formatBytes(p.bytes).padStart(9)}  unchanged`;
  const line = `${p.id.padEnd(36)} ${pages.padStart(9)} ${formatBytes(p.bytes).padStart(9)} ${(p.milliseconds / 1000).toFixed(2).padStart(6)} s`;
  // Fitted to its pages: the size its type was set at.
  return p.scale === undefined ? line : `${line}  type at ${Math.floor(p.scale * 100)}%`;
}

export function summaryLines(result: BuildResult, kind: 'build' | 'check' = 'build'): string[] {
  const lines = result.diagnostics.map(formatDiagnostic);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const unchanged = result.publications.filter((p) => p.unchanged).length;
  const done = kind === 'check' ? result.checked.length : result.publications.length - unchanged;
  const parts = [`${done} ${done === 1 ? 'publication' : 'publications'} ${kind === 'check' ? 'checked' : 'built'}`];
  if (unchanged > 0) parts.push(`${unchanged} unchanged`);
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  lines.push(parts.join(', '));
  return lines;
}

/** `--json`: what a script needs from a build, in one object on stdout. */
export function jsonSummary(result: BuildResult, kind: 'build' | 'check', milliseconds: number) {
  return {
    command: kind,
    ok: result.ok,
    milliseconds: Math.round(milliseconds),
    ...(kind === 'check' ? { checked: result.checked } : {}),
    publications: result.publications.map((p) => ({
      id: p.id,
      layout: p.layout,
      title: p.title,
      pages: p.pages,
      bytes: p.bytes,
      milliseconds: Math.round(p.milliseconds),
      ...(p.unchanged ? { unchanged: true } : {}),
      ...(p.scale !== undefined ? { scale: p.scale } : {}),
      files: (p.files ?? []).map(({ profile, kind: fileKind, file, bytes, sha256 }) => ({ profile, kind: fileKind, path: `${p.path.slice(0, -p.file.length)}${file}`, bytes, sha256 })),
    })),
    diagnostics: result.diagnostics.map((d) => ({ ...d, text: formatDiagnostic(d) })),
  };
}

/**
 * `roneo watch`: the one line that tells what a build of the watch did, and how long it took:
 * `built 8 publications in 6.20 s` or `nothing to build: 8 unchanged (0.15 s)` (the first), `rebuilt pamphlets/janaozen-2011, dossier in 0.41 s`,
 * `no change (0.02 s)`, `not rebuilt (0.05 s); 1 error`. A leaflet's variants are named once, with their number.
 */
export function rebuildLine(event: RebuildEvent): string {
  const time = `${(event.milliseconds / 1000).toFixed(2)} s`;
  const problems = problemCount(event.diagnostics);
  const after = problems === '' ? '' : `; ${problems}`;
  if (event.sequence === 0) {
    if (event.built.length === 0 && event.unchanged.length > 0) return `nothing to build: ${event.unchanged.length} unchanged (${time})${after}`;
    const parts = [`built ${event.built.length} ${event.built.length === 1 ? 'publication' : 'publications'}`];
    if (event.unchanged.length > 0) parts.push(`${event.unchanged.length} unchanged`);
    return `${parts.join(', ')} in ${time}${after}`;
  }
  if (event.built.length > 0) return `rebuilt ${builtNames(event).join(', ')} in ${time}${after}`;
  if (!event.ok) return `not rebuilt (${time})${after}`;
  return `no change (${time})${after}`;
}

/** The publications a build made, in the order it made them, a leaflet's variants once as `id (3 variants)`. */
function builtNames(event: RebuildEvent): string[] {
  const made = event.result?.publications.filter((p) => !p.unchanged) ?? [];
  if (made.length === 0) return event.built;
  const counts = new Map<string, number>();
  for (const p of made) {
    const name = p.variant?.of ?? p.id;
    counts.set(name, (counts.get(name) ?? 0) + (p.variant ? 1 : 0));
  }
  return [...counts].map(([name, variants]) => (variants > 0 ? `${name} (${variants} ${variants === 1 ? 'variant' : 'variants'})` : name));
}

function problemCount(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** `roneo watch`, once the first build is done: what it watches. */
export function watchingLine(paths: readonly string[]): string {
  const list = paths.length > 1 ? `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}` : (paths[0] ?? '');
  return `watching ${list} for changes (Ctrl+C to stop)`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
