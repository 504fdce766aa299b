#!/usr/bin/env node
// The `roneo` command. The TypeScript sources run without a compile step of
// their own: see compiled.js.
import { importCompiled } from './compiled.js';

const { main } = await importCompiled('src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  // A live status line only for a person at a terminal; CI logs and pipes get plain lines.
  ...(process.stderr.isTTY && !process.env.CI ? { status: (text) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
});
