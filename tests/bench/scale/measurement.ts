import type { DossierSize } from '../../helpers/big-dossier.ts';

/** What a measuring child process prints on stdout, as one line of JSON. */
export interface Measurement {
  tool: Tool;
  /** The dossier's aimed length. */
  size: DossierSize;
  /** Pages of the PDF made. */
  pages: number;
  bytes: number;
  /** Wall time of the build alone: the project is made and the modules loaded before the clock starts. */
  ms: number;
  /** CPU time (user and system, all of the process's threads) over the same span: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident set size of the whole process (process.resourceUsage().maxRSS), in MB. */
  peakMB: number;
  /** Resident set size just before the build started, in MB: node, the modules and the project in memory. */
  startMB: number;
}

/** `roneo`: Roneo's build(); `pdfmake`: plain pdfmake given the same text, none of Roneo's features. */
export type Tool = 'roneo' | 'pdfmake';

export function sizeArgument(argv: readonly string[]): DossierSize {
  const value = argv[argv.indexOf('--pages') + 1];
  if (value === '300' || value === '600') return Number(value) as DossierSize;
  throw new Error(`usage: node --import tsx ${argv[1] ?? 'script.ts'} --pages 300|600`);
}

/** Starts the clocks; the function returned gives the wall and CPU time since, in ms. */
export function stopwatch(): () => { ms: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: Math.round(performance.now() - wall), cpuMs: Math.round((used.user + used.system) / 1000) };
  };
}

/** The resident set size now, in MB. */
export const rssMB = () => megabytes(process.memoryUsage.rss());

const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Prints the measurement for the parent, with the process's peak memory so far (maxRSS is in KiB). */
export function report(measurement: Omit<Measurement, 'peakMB'>): void {
  const peakMB = megabytes(process.resourceUsage().maxRSS * 1024);
  process.stdout.write(`${JSON.stringify({ ...measurement, peakMB })}\n`);
}
