import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildLibsslProgram } from '../../scripts/lib/build-libssl-program.js';
import type { ProtocolVersion } from '../../src/supported/protocol.js';

const SOURCE = fileURLToPath(new URL('./handshake.c', import.meta.url));
const NUMBERS: Record<ProtocolVersion, number> = {
  SSLv3: 0x300,
  TLSv1: 0x301,
  'TLSv1.1': 0x302,
  'TLSv1.2': 0x303,
  'TLSv1.3': 0x304,
};
const DEFAULT = 0xffffffff;

/** One side of a handshake: its settings (absent = the library default). */
export interface Side {
  cipherList?: string;
  ciphersuites?: string;
  minProtocol?: ProtocolVersion;
  maxProtocol?: ProtocolVersion;
  seclevel?: number;
}

export interface HandshakeRequest {
  client: Side;
  server: Side & { serverPreference?: boolean; certificate?: 'RSA' | 'ECDSA'; groups?: string };
}

export interface HandshakeResult {
  /** Whether each context accepted its settings (cipher lists, ciphersuites, protocol bounds). */
  clientConfig: boolean;
  serverConfig: boolean;
  ok: boolean;
  version?: ProtocolVersion;
  cipher?: string;
  errors: string[];
}

export interface HandshakeOracle {
  readonly libraryVersion: string;
  run(req: HandshakeRequest): Promise<HandshakeResult>;
  close(): Promise<void>;
}

function str(s: string | undefined): Buffer[] {
  if (s === undefined) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(DEFAULT, 0);
    return [b];
  }
  const body = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(body.length, 0);
  return [len, body];
}

function encode(req: HandshakeRequest): Buffer {
  const fixed = Buffer.alloc(25);
  fixed.writeUInt8((req.server.serverPreference ? 1 : 0) | (req.server.certificate === 'ECDSA' ? 2 : 0), 0);
  const ints = [req.client, req.server].flatMap((s) => [
    s.minProtocol ? NUMBERS[s.minProtocol] : 0,
    s.maxProtocol ? NUMBERS[s.maxProtocol] : 0,
    s.seclevel ?? -1,
  ]);
  ints.forEach((v, i) => fixed.writeInt32LE(v, 1 + 4 * i));
  const body = Buffer.concat([
    fixed,
    ...str(req.client.cipherList),
    ...str(req.client.ciphersuites),
    ...str(req.server.cipherList),
    ...str(req.server.ciphersuites),
    ...str(req.server.groups),
  ]);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(body.length, 0);
  return Buffer.concat([len, body]);
}

/**
 * Builds (once) and starts the handshake helper: real handshakes between two contexts of this
 * machine's libssl, in memory. Fails with an install hint when cc or libssl-dev is missing.
 */
export async function createHandshakeOracle(): Promise<HandshakeOracle> {
  const binary = await buildLibsslProgram(SOURCE);
  const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the handshake helper exited');
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  const hello = await next();
  if (hello.hello !== 'cipherx-handshake') throw new Error('unexpected greeting from the handshake helper');
  // One request at a time: each answer is read before the next request is written.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    libraryVersion: String(hello.version),
    run(req) {
      const result = queue.then(async () => {
        child.stdin.write(encode(req));
        const raw = await next();
        if (raw.fatal) throw new Error(`handshake helper: ${String(raw.fatal)}`);
        return {
          clientConfig: raw.clientConfig === 1,
          serverConfig: raw.serverConfig === 1 && raw.certificate === 1,
          ok: raw.ok === 1,
          ...(raw.version ? { version: raw.version as ProtocolVersion } : {}),
          ...(raw.cipher ? { cipher: raw.cipher as string } : {}),
          errors: raw.errors as string[],
        };
      });
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      child.stdin.end();
      await new Promise((r) => child.once('close', r));
    },
  };
}
