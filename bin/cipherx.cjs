#!/usr/bin/env node
'use strict';
// The command line. CommonJS on purpose: Node starts a CommonJS file without its ES module
// loader (which reads each module through node:fs/promises and compiles it as a module record),
// and start-up time counts (README: Speed). It loads the minified bundle, one file, which loads
// the code of the command it runs and the table of the target it is asked about.
const { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');

const BUNDLE = join(__dirname, '..', 'dist', 'src', 'cli', 'cipherx.min.cjs');

/**
 * Loads the bundle, and the chunks it requires, keeping V8's compiled code of them between
 * runs: compiling the bundle and the functions a command runs is most of what the CLI adds to
 * Node's own start-up (README: Speed). Node 22.1+ does this itself (module.enableCompileCache);
 * on older Node the bundle's files are compiled here, as vm.Scripts given the code V8 made for
 * them last time. That code is kept beside them, in dist/src/cli/.code-cache/<node version>-<arch>/,
 * so it goes with the files it was made from (a new build or install replaces the folder): one
 * file for each file's size and modification time and each command, written once (again when
 * V8 refuses it: other flags), atomically. Where the package cannot be written to, or
 * NODE_DISABLE_COMPILE_CACHE is set, the CLI runs the same without it.
 */
function loadBundle() {
  const module = require('node:module');
  if (module.enableCompileCache) {
    module.enableCompileCache();
    return require(BUNDLE);
  }
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(BUNDLE);
  const vm = require('node:vm');
  const cacheDir = join(dirname(BUNDLE), '.code-cache', `${process.version}-${process.arch}`);
  const word = process.argv[2] ?? '';
  const command = /^[a-z]{1,16}$/.test(word) ? word : 'none';
  const loaded = new Map();
  const toWrite = [];
  const load = (file) => {
    const done = loaded.get(file);
    if (done) return done.exports;
    const m = { exports: {} };
    loaded.set(file, m); // before it runs: chunks require each other
    // Named by the file's size and time (V8 checks only the length of the source it is given),
    // and by the command: the code kept is that of the functions the run compiled, so each
    // command keeps its own.
    const { size, mtimeMs } = statSync(file);
    const name = `${file.slice(dirname(file).length + 1)}-${size}-${Math.round(mtimeMs)}-${command}.v8`;
    const cacheFile = join(cacheDir, name);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
    const script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`,
      { filename: file, cachedData },
    );
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, cacheFile });
    const requireHere = (id) => (id.startsWith('./') ? load(join(dirname(file), id)) : require(id));
    script.runInThisContext().call(m.exports, m.exports, requireHere, m, file, dirname(file));
    return m.exports;
  };
  // At exit the code holds every function the command ran, not only the top level.
  process.once('exit', () => {
    for (const { script, cacheFile } of toWrite) {
      const partial = `${cacheFile}.${process.pid}`;
      let fd;
      try {
        mkdirSync(cacheDir, { recursive: true });
        fd = openSync(partial, 'w');
      } catch {
        return; // a package folder we may not write to: no code is made for it
      }
      try {
        writeSync(fd, script.createCachedData());
        closeSync(fd);
        renameSync(partial, cacheFile);
      } catch {
        rmSync(partial, { force: true });
        return;
      }
    }
  });
  return load(BUNDLE);
}
const { main } = loadBundle();

/**
 * Standard output or error, as the commands use them. A command that prints its answer and ends
 * only calls write(): that text goes to the file descriptor directly, without making
 * process.stdout or process.stderr, streams whose set-up (a socket for a pipe, a TTY handle for a
 * terminal) costs more than the rest of a short command. Anything else a command asks of one
 * (events, drain: --batch) makes the stream, which then takes every later write, so the output
 * keeps the order of the writes. A descriptor that would block (EAGAIN) hands the rest to the
 * stream too.
 * A write that fails does not stop the command, as with the streams, whose errors come later:
 * once standard output's reader has gone (EPIPE: `cipherx expand -v ALL | head -1`) what is left
 * of it is dropped and the command ends with its own status; any other failure to write it
 * (a full disk) is said on standard error once, and a command that would have succeeded exits 1.
 * Standard error's own failures are ignored, as the stream's are.
 */
let outputFailed = false;
function output(fd, open) {
  let stream = null;
  let gone = false;
  const made = () => {
    if (stream === null) {
      stream = open();
      // The stream's failures are met as the direct writes' are (a command that listens for
      // them too, --batch, stops writing): nothing is thrown, the run ends with its status.
      stream.on('error', (err) => failed(err));
    }
    return stream;
  };
  /** A write failed: nothing more is written here; on standard output, unless its reader has gone, that is said once and fails the run. */
  const failed = (err) => {
    if (gone) return;
    gone = true;
    if (fd === 1 && err.code !== 'EPIPE') {
      outputFailed = true;
      stderr.write(`cipherx: cannot write the output: ${err.message}\n`);
    }
  };
  function write(chunk, encoding, callback) {
    if (stream !== null) return stream.write(chunk, encoding, callback);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (!gone) {
      const bytes =
        typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
      for (let at = 0; at < bytes.length;) {
        try {
          at += writeSync(fd, bytes, at);
        } catch (err) {
          if (err.code === 'EAGAIN') return made().write(bytes.subarray(at), encoding, callback);
          failed(err);
          break;
        }
      }
    }
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
const stdout = output(1, () => process.stdout);
const stderr = output(2, () => process.stderr);

// Standard input and the version are read only by the commands that use them: opening standard
// input alone costs milliseconds when it is a pipe.
const io = {
  get stdin() {
    return process.stdin;
  },
  stdout,
  stderr,
  get version() {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
  },
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = outputFailed && code === 0 ? 1 : code;
  },
  (err) => {
    process.stderr.write(`cipherx: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
