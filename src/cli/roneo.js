#!/usr/bin/env node
// The `roneo` command. The TypeScript sources run without a compile step of
// their own: see compiled.js.
import { importCompiled } from './compiled.js';

const { main } = await importCompiled('src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});
