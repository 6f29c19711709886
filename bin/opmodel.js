#!/usr/bin/env node
// opmodel's command-line entry point: runs the compiled CLI in dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('opmodel is not built yet: run `npm install` in the opmodel folder first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
