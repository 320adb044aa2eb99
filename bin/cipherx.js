#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { main } from '../dist/src/cli/main.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`cipherx: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
