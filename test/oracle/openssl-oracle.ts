// Test-only oracle: runs oracle.c (linked against this machine's libssl) as a
// long-lived child process and asks it how OpenSSL evaluates cipher strings.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildLibsslProgram, hinted, INSTALL_HINT } from '../../scripts/lib/build-libssl-program.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { INSTALL_HINT };
export const OPENSSL_BIN = '/usr/bin/openssl';
export const DEFAULT_TLS13_CIPHERSUITES = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, 'oracle.c');

export type ProtocolVersion = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
const PROTOCOL_NUMBERS: Record<ProtocolVersion, number> = {
  SSLv3: 0x0300,
  TLSv1: 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
};

export interface OracleOptions {
  /** TLS 1.3 suites set with SSL_CTX_set_ciphersuites first. Default ''. `null` = leave libssl's default. */
  ciphersuites?: string | Buffer | null;
  /** SSL_CTX_set_security_level before the cipher list (an @SECLEVEL in the string still overrides it). */
  securityLevel?: number;
  /** SSL_CTX_set_min/max_proto_version before the cipher list. */
  minProtocol?: ProtocolVersion | number;
  maxProtocol?: ProtocolVersion | number;
  /** Also report SSL_get1_supported_ciphers of an SSL made from the context (like `openssl ciphers -s`). */
  supported?: boolean;
  /** Set a PSK client callback / an SRP password callback first (`openssl ciphers -psk` / `-srp`). */
  psk?: boolean;
  srp?: boolean;
}

/** 'invalid-command', 'no-cipher-match', or any other raw OpenSSL reason string. */
export type OracleErrorKind = 'invalid-command' | 'no-cipher-match' | (string & {});

export interface OracleResult {
  /** Return value of SSL_CTX_set_cipher_list. */
  ok: boolean;
  /** Kind of the first error in the queue after SSL_CTX_set_cipher_list, null if none. */
  error: OracleErrorKind | null;
  /** All reason strings drained from the error queue, in order. */
  errors: string[];
  /** SSL_CTX_get_ciphers after the call; [] when ok is false. */
  ciphers: string[];
  /** SSL_CTX_get_ciphers after the call regardless of ok (what a failed call left in the context). */
  leftover: string[];
  /** SSL_CTX_get_security_level after the call. */
  securityLevel: number;
  /** Return value of SSL_CTX_set_ciphersuites; undefined when ciphersuites was null. */
  ciphersuitesOk?: boolean;
  ciphersuitesErrors?: string[];
  /** Only with opts.supported: SSL_get1_supported_ciphers (null if it returned NULL). */
  supported?: string[] | null;
  supportedErrors?: string[];
  /** A protocol bound the library refused. */
  protocolRejected?: boolean;
}

export interface Oracle {
  /** OpenSSL_version(OPENSSL_VERSION) of the library the oracle is linked against. */
  readonly libraryVersion: string;
  query(input: string | Buffer, opts?: OracleOptions): Promise<OracleResult>;
  /** Pipelined: all requests are written at once; results come back in input order. */
  queryMany(inputs: readonly (string | Buffer)[], opts?: OracleOptions): Promise<OracleResult[]>;
  close(): Promise<void>;
}

interface RawReply {
  seq: number;
  fatal?: string;
  ok?: number;
  errors?: string[];
  secLevel?: number;
  ciphers?: string[] | null;
  csOk?: number;
  csErrors?: string[];
  supported?: string[] | null;
  supportedErrors?: string[];
  minProtoRejected?: boolean;
  maxProtoRejected?: boolean;
}

interface Hello {
  hello: string;
  protocol: number;
  version: string;
}

/** `openssl version` of /usr/bin/openssl. Throws with an install hint if it is missing. */
export function opensslVersion(): string {
  if (!existsSync(OPENSSL_BIN)) throw hinted(`${OPENSSL_BIN} not found.`);
  return execFileSync(OPENSSL_BIN, ['version'], { encoding: 'utf8' }).trim();
}

/** Compiles oracle.c into the cache unless an up-to-date binary is there; returns its path. */
export function buildOracle(): Promise<string> {
  if (!existsSync(OPENSSL_BIN)) return Promise.reject(hinted(`${OPENSSL_BIN} not found.`));
  return buildLibsslProgram(SOURCE);
}

function toBytes(what: string, value: string | Buffer): Buffer {
  const buf = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (buf.includes(0)) {
    throw new TypeError(`${what} contains a NUL byte; OpenSSL would see it as the end of the string`);
  }
  return buf;
}

function protocolNumber(p: ProtocolVersion | number | undefined): number {
  if (p === undefined) return 0;
  if (typeof p === 'number') return p;
  const n = PROTOCOL_NUMBERS[p];
  if (n === undefined) throw new TypeError(`unknown protocol version ${String(p)}`);
  return n;
}

const NO_CIPHERSUITES = 0xffffffff;

function encodeHeader(opts: OracleOptions | undefined): { fixed: Buffer; cs: Buffer } {
  const o = opts ?? {};
  const csValue = o.ciphersuites === undefined ? '' : o.ciphersuites;
  const cs = csValue === null ? Buffer.alloc(0) : toBytes('ciphersuites', csValue);
  const fixed = Buffer.alloc(17);
  fixed.writeUInt8((o.supported ? 1 : 0) | (o.psk ? 2 : 0) | (o.srp ? 4 : 0), 0);
  fixed.writeInt32LE(protocolNumber(o.minProtocol), 1);
  fixed.writeInt32LE(protocolNumber(o.maxProtocol), 5);
  fixed.writeInt32LE(o.securityLevel ?? -1, 9);
  fixed.writeUInt32LE(csValue === null ? NO_CIPHERSUITES : cs.length, 13);
  return { fixed, cs };
}

function encodeRecord(header: { fixed: Buffer; cs: Buffer }, input: Buffer): Buffer[] {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.fixed.length + header.cs.length + input.length, 0);
  return [len, header.fixed, header.cs, input];
}

export function errorKind(reason: string): OracleErrorKind {
  if (reason === 'invalid command') return 'invalid-command';
  if (reason === 'no cipher match') return 'no-cipher-match';
  return reason;
}

function toResult(raw: RawReply): OracleResult {
  if (raw.fatal !== undefined) throw new Error(`oracle rejected request: ${raw.fatal}`);
  const ok = raw.ok === 1;
  const errors = raw.errors ?? [];
  const leftover = raw.ciphers ?? [];
  const first = errors[0];
  const result: OracleResult = {
    ok,
    error: first === undefined ? null : errorKind(first),
    errors,
    ciphers: ok ? leftover : [],
    leftover,
    securityLevel: raw.secLevel ?? -1,
  };
  if (raw.csOk !== undefined) {
    result.ciphersuitesOk = raw.csOk === 1;
    result.ciphersuitesErrors = raw.csErrors ?? [];
  }
  if (raw.supported !== undefined) {
    result.supported = raw.supported;
    result.supportedErrors = raw.supportedErrors ?? [];
  }
  if (raw.minProtoRejected || raw.maxProtoRejected) result.protocolRejected = true;
  return result;
}

interface Pending {
  resolve(raw: RawReply): void;
  reject(err: Error): void;
}

class ChildOracle implements Oracle {
  libraryVersion = '';
  private readonly pending: Pending[] = [];
  private partial = '';
  private stderr = '';
  private dead: Error | null = null;
  private helloWaiter: Pending | null = null;
  private exited: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onData(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    child.stdin.on('error', () => {
      /* reported through 'exit' */
    });
    this.exited = new Promise((resolveExit) => {
      // 'close' (not 'exit') so that every answer already written has been read.
      child.on('close', (code, signal) => {
        this.fail(
          new Error(`OpenSSL oracle exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr}` : ''}`),
        );
        resolveExit();
      });
      child.on('error', (err) => {
        this.fail(hinted(`could not start the OpenSSL oracle: ${err.message}`));
        resolveExit();
      });
    });
  }

  async start(): Promise<void> {
    const hello = await new Promise<RawReply>((res, rej) => {
      this.helloWaiter = { resolve: res, reject: rej };
    });
    const h = hello as unknown as Hello;
    if (h.hello !== 'cipherx-oracle' || h.protocol !== 1) throw new Error('unexpected greeting from OpenSSL oracle');
    this.libraryVersion = h.version;
    this.updateRef();
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    const waiters = this.pending.splice(0);
    if (this.helloWaiter) waiters.push(this.helloWaiter);
    this.helloWaiter = null;
    for (const p of waiters) p.reject(err);
  }

  private onData(chunk: string): void {
    let text = this.partial + chunk;
    let nl: number;
    while ((nl = text.indexOf('\n')) !== -1) {
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      const raw = JSON.parse(line) as RawReply;
      const waiter = this.helloWaiter ?? this.pending.shift();
      this.helloWaiter = null;
      if (waiter) waiter.resolve(raw);
    }
    this.partial = text;
    this.updateRef();
  }

  // The child only keeps Node alive while answers are outstanding.
  private updateRef(): void {
    const busy = this.pending.length > 0 || this.helloWaiter !== null;
    const handles = [this.child, this.child.stdout, this.child.stderr, this.child.stdin] as unknown as {
      ref?(): void;
      unref?(): void;
    }[];
    for (const h of handles) {
      if (busy) h.ref?.();
      else h.unref?.();
    }
  }

  private send(chunks: Buffer[], count: number): Promise<RawReply>[] {
    if (this.dead) throw this.dead;
    const promises: Promise<RawReply>[] = [];
    for (let i = 0; i < count; i++) {
      promises.push(new Promise<RawReply>((res, rej) => this.pending.push({ resolve: res, reject: rej })));
    }
    this.updateRef();
    this.child.stdin.write(Buffer.concat(chunks));
    return promises;
  }

  async query(input: string | Buffer, opts?: OracleOptions): Promise<OracleResult> {
    const results = await this.queryMany([input], opts);
    return results[0] as OracleResult;
  }

  async queryMany(inputs: readonly (string | Buffer)[], opts?: OracleOptions): Promise<OracleResult[]> {
    const header = encodeHeader(opts);
    const chunks: Buffer[] = [];
    for (const input of inputs) chunks.push(...encodeRecord(header, toBytes('cipher string', input)));
    if (inputs.length === 0) return [];
    const raws = await Promise.all(this.send(chunks, inputs.length));
    return raws.map(toResult);
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.stdin.end();
      this.child.ref();
    }
    await this.exited;
  }
}

/** Builds (if needed) and starts the oracle. Throws with an install hint when cc/libssl-dev/openssl are missing. */
export async function createOracle(): Promise<Oracle> {
  const binary = await buildOracle();
  const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  const oracle = new ChildOracle(child);
  try {
    await oracle.start();
  } catch (err) {
    child.kill();
    throw hinted(`the OpenSSL oracle did not start: ${(err as Error).message}`);
  }
  return oracle;
}
