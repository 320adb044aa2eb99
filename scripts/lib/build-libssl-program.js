// Builds the small C programs that talk to this machine's libssl (the test oracle and the
// benchmark baseline), once, into node_modules/.cache/cipherx-oracle/.
import { execFile } from 'node:child_process';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_HINT = 'apt-get install -y libssl-dev openssl gcc (or: bash scripts/install-system-deps.sh)';
const CACHE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'node_modules',
  '.cache',
  'cipherx-oracle',
);

/** An Error whose message ends with the command that installs what is missing. */
export function hinted(message) {
  return new Error(`${message}\nInstall the OpenSSL development files and a C compiler: ${INSTALL_HINT}`);
}

const building = new Map();

/**
 * Compiles `source` (a .c file) with `cc -O2 ... -lssl -lcrypto` unless the cached binary is
 * newer; resolves to the binary's path. Parallel callers (test workers) build privately and
 * rename, so none sees a half-written file. Failures name what is missing and how to install it.
 * @param {string} source
 * @returns {Promise<string>}
 */
export function buildLibsslProgram(source) {
  let p = building.get(source);
  if (!p) {
    p = doBuild(source).catch((err) => {
      building.delete(source);
      throw err;
    });
    building.set(source, p);
  }
  return p;
}

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  return new Promise((resolvePromise, reject) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolvePromise({ stdout, stderr });
    });
  });
}

async function doBuild(source) {
  const binary = join(CACHE_DIR, basename(source, '.c'));
  const [src, bin] = await Promise.all([mtime(source), mtime(binary)]);
  if (src === null) throw new Error(`missing ${source}`);
  if (bin !== null && bin >= src) return binary;
  await mkdir(CACHE_DIR, { recursive: true });
  const tmp = `${binary}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await run('cc', ['-O2', '-o', tmp, source, '-lssl', '-lcrypto']);
  } catch (err) {
    await rm(tmp, { force: true });
    if (err.code === 'ENOENT') throw hinted(`C compiler \`cc\` not found; it is needed to build ${basename(source)}.`);
    const stderr = err.stderr || String(err);
    if (/openssl\/\w+\.h/.test(stderr) && /No such file|not found/i.test(stderr)) {
      throw hinted(`OpenSSL headers (openssl/ssl.h) not found while building ${basename(source)}:\n${stderr}`);
    }
    if (/-lssl|-lcrypto|undefined reference/.test(stderr)) {
      throw hinted(`libssl/libcrypto could not be linked while building ${basename(source)}:\n${stderr}`);
    }
    throw hinted(`building ${basename(source)} failed:\n${stderr}`);
  }
  await rename(tmp, binary);
  return binary;
}
