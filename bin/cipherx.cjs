#!/usr/bin/env node
'use strict';
// The command line. CommonJS on purpose: Node starts a CommonJS file without its ES module
// loader (which reads each module through node:fs/promises and compiles it as a module record),
// and start-up time counts (README: Speed). It loads the minified bundle, one file, which loads
// the code of the command it runs and the table of the target it is asked about.
const { readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');

// Node 22.1+ keeps V8's compiled code of the CLI between runs; older Node runs the same without it.
require('node:module').enableCompileCache?.();
const { main } = require('../dist/src/cli/cipherx.min.cjs');

/** A reader that goes away (`cipherx expand -v ALL | head -1`) is not an error of ours. */
function readerGone() {
  process.exit(process.exitCode ?? 0);
}

/**
 * Standard output or error, as the commands use them. A command that prints its answer and ends
 * only calls write(): that text goes to the file descriptor directly, without making
 * process.stdout or process.stderr, streams whose set-up (a socket for a pipe, a TTY handle for a
 * terminal) costs more than the rest of a short command. Anything else a command asks of one
 * (events, drain: --batch) makes the stream, which then takes every later write, so the output
 * keeps the order of the writes. A descriptor that would block (EAGAIN) hands the rest to the
 * stream too.
 */
function output(fd, open) {
  let stream = null;
  const made = () => {
    if (stream === null) {
      stream = open();
      stream.on('error', (err) => {
        if (err.code === 'EPIPE') readerGone();
        throw err;
      });
    }
    return stream;
  };
  function write(chunk, encoding, callback) {
    if (stream !== null) return stream.write(chunk, encoding, callback);
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (err) {
        if (err.code === 'EPIPE') readerGone();
        if (err.code !== 'EAGAIN') throw err;
        return made().write(bytes.subarray(at), encoding, callback);
      }
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  }
  return new Proxy(
    {},
    {
      get(_, key) {
        if (key === 'write') return write;
        const s = made();
        const value = s[key];
        return typeof value === 'function' ? value.bind(s) : value;
      },
    },
  );
}

// Standard input and the version are read only by the commands that use them: opening standard
// input alone costs milliseconds when it is a pipe.
const io = {
  get stdin() {
    return process.stdin;
  },
  stdout: output(1, () => process.stdout),
  stderr: output(2, () => process.stderr),
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
