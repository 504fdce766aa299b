import type { BuildResult, BuiltPublication } from '../build.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';

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

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
