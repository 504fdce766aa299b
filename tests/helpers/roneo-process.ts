import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './project.ts';

const BIN = join(REPO, 'src/cli/roneo.js');

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/**
 * The real `roneo` command in plain-line mode (CI set), in `cwd`, with the given SOURCE_DATE_EPOCH; `onLine`
 * sees each line of stdout as it comes. Every child started is in `children` until it ends, for a test's
 * afterEach to kill whatever a failure left running.
 */
export function startRoneo(cwd: string, args: readonly string[], options: { epoch: number; children: Set<ChildProcess>; onLine?: (line: string, child: ChildProcess, count: number) => void }): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '1', SOURCE_DATE_EPOCH: String(options.epoch) } });
  options.children.add(child);
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      options.onLine?.(line, child, lines.length);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      options.children.delete(child);
      resolve({ code, signal, lines, stderr });
    }),
  );
  return { child, done };
}
