#!/usr/bin/env node
'use strict';
// The command line. CommonJS on purpose: Node starts a CommonJS file without its ES module
// loader (which reads each module through node:fs/promises and compiles it as a module record),
// and start-up time counts (README: Speed). It loads the minified bundle, one file, which loads
// the code of the command it runs and the table of the target it is asked about.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Node 22.1+ keeps V8's compiled code of the CLI between runs; older Node runs the same without it.
require('node:module').enableCompileCache?.();
const { main } = require('../dist/src/cli/cipherx.min.cjs');

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
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
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
