#!/usr/bin/env node
// The `sieve` command: runs the compiled CLI (dist/, made by `npm run build` and shipped in the
// package). In a checkout that was never built it falls back to the TypeScript sources through
// tsx, a dev dependency.
import './heap.js';

let cli;
try {
  cli = await import('../dist/cli.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist')) throw e;
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
