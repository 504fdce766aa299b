import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DossierSize } from '../../helpers/big-dossier.ts';
import { bundle } from '../../../src/cli/compiled.js';
import { REPO } from '../../helpers/project.ts';
import type { Measurement, Tool } from './measurement.ts';

const run = promisify(execFile);

const SCRIPTS: Record<Tool, string> = {
  roneo: 'tests/bench/scale/roneo.ts',
  pdfmake: 'tests/bench/scale/plain-pdfmake.ts',
};

/**
 * One build in a fresh process, so that its time and peak memory are its
 * own. Both scripts run as plain JavaScript, bundled the way the `roneo`
 * command runs Roneo (src/cli/compiled.js), not through tsx.
 */
export async function measure(tool: Tool, size: DossierSize): Promise<Measurement> {
  const script = await bundle(SCRIPTS[tool], ['src', 'tests/bench/scale', 'tests/helpers'], `bench-${tool}`);
  const { stdout } = await run(process.execPath, [script, '--pages', String(size)], {
    cwd: REPO,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measurement;
}

export interface Summary {
  pages: number;
  /** Median of the runs' build times, ms. */
  ms: number;
  /** Median of the runs' CPU times, ms. */
  cpuMs: number;
  /** Highest peak of the runs, MB. */
  peakMB: number;
  runs: number;
}

export interface Row {
  size: DossierSize;
  roneo: Summary;
  pdfmake: Summary;
}

export const SIZES: readonly DossierSize[] = [300, 600];
export const TOOLS: readonly Tool[] = ['roneo', 'pdfmake'];

/** The targets, reported, never asserted. */
export const TARGETS = { ratioToBaseline: 1.3, peakMB: 250, growth600: 2.1 };

/** Runs every measurement `repeats` times, the tools and sizes taking turns so that drift in the machine's load spreads evenly. */
export async function measureScale(repeats: number, onMeasurement: (m: Measurement) => void = () => {}): Promise<Measurement[]> {
  const all: Measurement[] = [];
  for (let r = 0; r < repeats; r += 1) {
    for (const size of SIZES) {
      for (const tool of TOOLS) {
        const m = await measure(tool, size);
        onMeasurement(m);
        all.push(m);
      }
    }
  }
  return all;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function summary(runs: Measurement[]): Summary {
  if (runs.length === 0) throw new Error('no measurement');
  return { pages: runs[0]!.pages, ms: median(runs.map((m) => m.ms)), cpuMs: median(runs.map((m) => m.cpuMs)), peakMB: Math.max(...runs.map((m) => m.peakMB)), runs: runs.length };
}

export function summarise(measurements: readonly Measurement[]): Row[] {
  return SIZES.filter((size) => measurements.some((m) => m.size === size)).map((size) => ({
    size,
    roneo: summary(measurements.filter((m) => m.size === size && m.tool === 'roneo')),
    pdfmake: summary(measurements.filter((m) => m.size === size && m.tool === 'pdfmake')),
  }));
}

/** The table: pages, times, ratio, peaks, and the growth from 300 to 600 pages, against the targets. */
export function formatTable(rows: readonly Row[]): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const header = ['dossier', 'Roneo pages', 'Roneo time', 'pdfmake pages', 'pdfmake time', 'ratio', 'Roneo CPU', 'pdfmake CPU', 'CPU ratio', 'Roneo peak RSS', 'pdfmake peak RSS'];
  const body = rows.map((row) => [
    `~${row.size} A5`,
    String(row.roneo.pages),
    seconds(row.roneo.ms),
    String(row.pdfmake.pages),
    seconds(row.pdfmake.ms),
    `${(row.roneo.ms / row.pdfmake.ms).toFixed(2)}×`,
    seconds(row.roneo.cpuMs),
    seconds(row.pdfmake.cpuMs),
    `${(row.roneo.cpuMs / row.pdfmake.cpuMs).toFixed(2)}×`,
    `${Math.round(row.roneo.peakMB)} MB`,
    `${Math.round(row.pdfmake.peakMB)} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  const small = rows.find((row) => row.size === 300);
  const large = rows.find((row) => row.size === 600);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  out.push('');
  const runs = rows[0]?.roneo.runs ?? 0;
  out.push(`times: the median of ${runs} run${runs === 1 ? '' : 's'}, each build in its own process (CPU: user and system, every thread); peaks: the highest of the runs`);
  if (small) {
    const ratio = small.roneo.ms / small.pdfmake.ms;
    out.push(`target: 300 pages within ${TARGETS.ratioToBaseline}× plain pdfmake: ${ratio.toFixed(2)}× (${verdict(ratio <= TARGETS.ratioToBaseline)}); CPU: ${(small.roneo.cpuMs / small.pdfmake.cpuMs).toFixed(2)}×`);
    out.push(`target: peak ≤ ${TARGETS.peakMB} MB: ${Math.round(small.roneo.peakMB)} MB at 300 pages (${verdict(small.roneo.peakMB <= TARGETS.peakMB)})`);
  }
  if (large) out.push(`        ${Math.round(large.roneo.peakMB)} MB at 600 pages (${verdict(large.roneo.peakMB <= TARGETS.peakMB)})`);
  if (small && large) {
    const growth = large.roneo.ms / small.roneo.ms;
    const baseline = large.pdfmake.ms / small.pdfmake.ms;
    out.push(`target: 600 pages ≤ ${TARGETS.growth600}× the 300-page time: ${growth.toFixed(2)}× (${verdict(growth <= TARGETS.growth600)}); plain pdfmake: ${baseline.toFixed(2)}×; CPU: ${(large.roneo.cpuMs / small.roneo.cpuMs).toFixed(2)}×`);
  }
  return out.join('\n');
}
