#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code of the CLI between runs (start-up time); older Node has
// no such call, and the CLI runs the same without it.
module.enableCompileCache?.();
const { main } = await import('../dist/src/cli/cipherx.min.js');

// A reader that goes away (`cipherx expand -v ALL | head -1`) is not an error of ours.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
// Standard input and the version are read only by the commands that use them: opening standard
// input alone costs milliseconds when it is a pipe.
const io = {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  get version() {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  },
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`cipherx: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
