// What the live server test needs around the servers: temp folders, free loopback ports, a
// throwaway certificate, starting and stopping a process, and handshakes through probe.c.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildLibsslProgram } from '../../scripts/lib/build-libssl-program.js';

/** Every handshake and the servers run without a system configuration, as the other tests do. */
export const OPENSSL_ENV = { ...process.env, OPENSSL_CONF: '/dev/null' };

/** How long one handshake, one server start, one server stop may take. */
const HANDSHAKE_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** The machine's `openssl`: its version, the target that matches it and its default security level. */
export interface MachineOpenssl {
  version: string;
  /** cipherx's target for this release line (`openssl-3.0` for 3.0.x). */
  target: string;
  /**
   * The level the library starts with: OPENSSL_TLS_SECURITY_LEVEL from the build flags
   * (`openssl version -a`; Debian builds 3.0 with 2), else OpenSSL's own default of 1.
   */
  seclevel: number;
}

export function machineOpenssl(): MachineOpenssl {
  const r = spawnSync('openssl', ['version', '-a'], { encoding: 'utf8', env: OPENSSL_ENV });
  if (r.error || r.status !== 0) {
    throw new Error(
      `cannot run openssl (${r.error?.message ?? r.stderr}); install it: bash scripts/install-system-deps.sh`,
    );
  }
  const m = /^OpenSSL (\d+)\.(\d+)\.(\d+)/.exec(r.stdout);
  if (!m) throw new Error(`not an OpenSSL: ${r.stdout.split('\n')[0]}`);
  const level = /-DOPENSSL_TLS_SECURITY_LEVEL=(\d)/.exec(r.stdout);
  const major = Number(m[1]);
  // 1.1.1 is its own line; from 3.0 on a line is major.minor.
  const target = major === 1 ? `openssl-${m[1]}.${m[2]}.${m[3]}` : `openssl-${m[1]}.${m[2]}`;
  return { version: m[0], target, seclevel: level ? Number(level[1]) : 1 };
}

/** A folder under the system's temp folder that every user can read (Postfix and nginx workers drop root). */
export function tempFolder(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cipherx-${label}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A loopback port no one listens on now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The throwaway keys and certificates for `localhost`, and DH parameters for servers that take a file. */
export interface Credentials {
  rsaCert: string;
  rsaKey: string;
  /** Certificate and key in one file (HAProxy's `crt`). */
  rsaPem: string;
  ecdsaCert: string;
  ecdsaKey: string;
  ecdsaPem: string;
  /** RFC 7919 ffdhe2048 as PEM DH parameters (nginx's `ssl_dhparam`). */
  dhparam: string;
}

/** An RSA 2048 and an ECDSA P-256 self-signed certificate (both strong enough for security level 2). */
export function makeCredentials(dir: string): Credentials {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { encoding: 'utf8', env: OPENSSL_ENV });
    if (r.error || r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  };
  const c = {
    rsaCert: join(dir, 'rsa.crt'),
    rsaKey: join(dir, 'rsa.key'),
    rsaPem: join(dir, 'rsa.pem'),
    ecdsaCert: join(dir, 'ecdsa.crt'),
    ecdsaKey: join(dir, 'ecdsa.key'),
    ecdsaPem: join(dir, 'ecdsa.pem'),
    dhparam: join(dir, 'dhparam.pem'),
  };
  const subject = ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-days', '2', '-nodes'];
  run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', c.rsaKey, '-out', c.rsaCert, ...subject]);
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-keyout',
    c.ecdsaKey,
    '-out',
    c.ecdsaCert,
    ...subject,
  ]);
  run(['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', c.dhparam]);
  writeFileSync(c.rsaPem, readFileSync(c.rsaCert, 'utf8') + readFileSync(c.rsaKey, 'utf8'));
  writeFileSync(c.ecdsaPem, readFileSync(c.ecdsaCert, 'utf8') + readFileSync(c.ecdsaKey, 'utf8'));
  // Postfix's smtpd reads its key as root before it drops privileges; readable keys keep the
  // test independent of that order. They are throwaway keys in a temp folder.
  for (const f of Object.values(c)) chmodSync(f, 0o644);
  return c;
}

/** A server the test started: stopped (and waited for) by `stop`. */
export class RunningServer {
  private exited: Promise<void>;
  private output = '';
  private gone = false;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => {
      child.on('exit', () => {
        this.gone = true;
        resolve();
      });
      child.on('error', (e) => {
        this.output += `\n${e.message}`;
        this.gone = true;
        resolve();
      });
    });
  }

  /** What the server printed (its log). */
  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return !this.gone;
  }

  /** SIGTERM (each server shuts down its workers on it), then SIGKILL after a while. */
  async stop(): Promise<void> {
    if (this.gone) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Starts `command` and waits until `port` accepts connections; fails with the server's output when it does not. */
export async function startServer(
  name: string,
  command: string,
  args: string[],
  port: number,
  cwd: string,
): Promise<RunningServer> {
  if (!existsSync(command)) {
    throw new Error(
      `${command} is missing: the live server test needs nginx, HAProxy and Postfix; install them with: bash scripts/install-server-deps.sh`,
    );
  }
  const child = spawn(command, args, { cwd, env: OPENSSL_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = new RunningServer(name, child);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!server.running) throw new Error(`${name} exited at start:\n${server.log}`);
    if (await accepts(port)) return server;
    await sleep(50);
  }
  await server.stop();
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${server.log}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Where and how a client reaches a server's TLS. */
export interface Endpoint {
  port: number;
  /** SMTP: plain text first, then STARTTLS. */
  starttls?: 'smtp';
}

const PROBE_SOURCE = fileURLToPath(new URL('./probe.c', import.meta.url));

/**
 * Handshakes with one server through probe.c (this machine's libssl), `width` client processes
 * at once: the client offers `suites` in the order given, TLS 1.3 alone or TLS 1.0 to 1.2 at
 * security level 0 (so the client itself drops nothing: what fails is what the server refuses).
 */
export class Prober {
  private constructor(private readonly workers: ProbeWorker[]) {}

  static async open(at: Endpoint, width: number): Promise<Prober> {
    const binary = await buildLibsslProgram(PROBE_SOURCE);
    const args = [String(at.port), ...(at.starttls ? [at.starttls] : [])];
    return new Prober(Array.from({ length: width }, () => new ProbeWorker(binary, args)));
  }

  /** The suite the server chose, or null when the handshake failed. */
  handshake(tls13: boolean, suites: readonly string[]): Promise<string | null> {
    const worker = this.workers.reduce((a, b) => (b.pending < a.pending ? b : a));
    return worker.ask(`${tls13 ? 1 : 0} ${suites.join(':')}`);
  }

  close(): void {
    for (const w of this.workers) w.close();
  }
}

class ProbeWorker {
  private readonly child: ChildProcess;
  private readonly waiting: Array<{
    resolve: (s: string | null) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  }> = [];
  private stderr = '';

  constructor(binary: string, args: string[]) {
    this.child = spawn(binary, args, { env: OPENSSL_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const w = this.waiting.shift();
      if (!w) return;
      clearTimeout(w.timer);
      if (line.startsWith('! ')) w.reject(new Error(`probe 127.0.0.1:${args.join(' ')}: ${line.slice(2)}`));
      else w.resolve(line === '-' ? null : line);
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.on('exit', (code, signal) => {
      for (const w of this.waiting.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new Error(`the probe ended (${signal ?? code}): ${this.stderr}`));
      }
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  ask(request: string): Promise<string | null> {
    return new Promise((resolve, reject) => {
      // A hung handshake ends the worker: every request it holds fails (its answers would no longer match).
      const timer = setTimeout(() => {
        this.stderr += `no answer within ${HANDSHAKE_TIMEOUT_MS} ms to ${request}`;
        this.child.kill('SIGKILL');
      }, HANDSHAKE_TIMEOUT_MS);
      this.waiting.push({ resolve, reject, timer });
      this.child.stdin!.write(request + '\n');
    });
  }

  close(): void {
    this.child.stdin!.end();
    this.child.kill('SIGTERM');
  }
}
