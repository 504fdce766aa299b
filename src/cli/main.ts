import { resolve } from 'node:path';
import { build } from '../build.ts';
import { parseCommand } from './args.ts';
import { publicationLine, summaryLines } from './report.ts';

export interface Io {
  stdout(line: string): void;
  stderr(line: string): void;
  cwd: string;
}

/** The whole CLI: parse, call the API, print, choose the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const command = parseCommand(argv);
  if (command.kind === 'help') {
    io.stdout(command.text);
    return 0;
  }
  if (command.kind === 'usage-error') {
    io.stderr(`roneo: ${command.message}`);
    io.stderr(command.text);
    return 2;
  }
  try {
    const result = await build({
      root: resolve(io.cwd),
      content: command.content,
      templates: command.templates,
      fonts: command.fonts,
      out: command.out,
      only: command.only,
      ...(command.profiles ? { profiles: command.profiles } : {}),
      onPublication: (publication) => io.stdout(publicationLine(publication)),
    });
    for (const line of summaryLines(result)) io.stderr(line);
    return result.ok ? 0 : 1;
  } catch (error) {
    // Content and template problems arrive as diagnostics; reaching here is a bug in Roneo.
    io.stderr(`roneo: internal error: ${(error as Error).stack ?? String(error)}`);
    io.stderr('Please report this with the command you ran.');
    return 1;
  }
}
