// The live server test (npm run test:servers): real nginx, HAProxy and Postfix, started on a
// loopback port from each fixture of test/fixtures/servers/, are asked what they accept, one
// handshake per suite, and in which order they choose where they enforce their own; that must
// equal what `cipherx scan` predicts for the same file on the target of this machine's OpenSSL.
// A disagreement is a bug in the product's data (data/products.json, src/scan/products/), or a
// product fact missing from scan's data (data/products.json); never a reason to loosen this test.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import {
  OPENSSL_ENV,
  Prober,
  freePort,
  machineOpenssl,
  makeCredentials,
  removeFolder,
  tempFolder,
  type Credentials,
} from './harness.js';
import { prepare, type ServerProduct } from './launch.js';
import {
  factsOf,
  expectedPick,
  expectedServerOrder,
  isChacha,
  negotiable,
  type CertKind,
  type PredictedSuite,
} from './product-facts.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/servers/', import.meta.url));

/** OpenSSL 3.0's TLS 1.3 suites (ssl/s3_lib.c tls13_ciphers): `openssl ciphers` lists only the enabled ones. */
const TLS13_SUITES = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_AES_128_CCM_8_SHA256',
];

/** Client processes per server: handshakes at once. */
const WIDTH = 4;

const machine = machineOpenssl();

/** Every suite of TLS 1.2 and below this OpenSSL knows, in its order. */
function tls12Suites(): string[] {
  const r = spawnSync('openssl', ['ciphers', '-v', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], {
    encoding: 'utf8',
    env: OPENSSL_ENV,
  });
  if (r.error || r.status !== 0) throw new Error(`openssl ciphers failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1] !== 'TLSv1.3')
    .map((f) => f[0]!);
}

/** The fixtures of a product: nginx/*.conf, haproxy/*.cfg, postfix/NAME/main.cf. */
function fixtures(product: ServerProduct): Array<{ name: string; file: string }> {
  const dir = join(FIXTURES, product);
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (product === 'postfix') return statSync(path).isDirectory() ? [{ name, file: join(path, 'main.cf') }] : [];
      return /\.(conf|cfg)$/.test(name) ? [{ name: name.replace(/\.(conf|cfg)$/, ''), file: path }] : [];
    });
}

interface ScanSettingJson {
  file: string;
  line: number;
  role: string;
  target: string;
  context: string;
  string: string;
  ciphersuites: string | null;
  protocols: string[];
  serverPreference: boolean | null;
  dhe: boolean | null;
  prioritizeChaCha: boolean | null;
  certificateChoice: 'by-suite' | 'ecdsa-first' | null;
  result: { ok: boolean; supported?: { ciphers: PredictedSuite[]; protocols: string[]; seclevel: number } };
}

/** `cipherx scan --json` on the files the server runs: the one server-side setting. */
function predict(paths: string[]): ScanSettingJson {
  const args = ['scan', '--json', '--target', machine.target, '--seclevel', String(machine.seclevel), ...paths];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.error) throw r.error;
  let report: { settings: ScanSettingJson[]; problems: unknown[] };
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`cipherx ${args.join(' ')} printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const servers = report.settings.filter((s) => s.role === 'server' && s.target === machine.target);
  if (servers.length !== 1) {
    throw new Error(
      `cipherx scan found ${servers.length} server settings in ${paths.join(' ')} (the fixture has one TLS server):\n` +
        JSON.stringify({ settings: servers.map(({ result: _r, ...s }) => s), problems: report.problems }, null, 2),
    );
  }
  return servers[0]!;
}

/** The certificates a fixture gives its server, by the placeholders it uses. */
function certKinds(template: string): Set<CertKind> {
  const kinds = new Set<CertKind>();
  if (/@RSA_(CERT|PEM)@/.test(template)) kinds.add('RSA');
  if (/@ECDSA_(CERT|PEM)@/.test(template)) kinds.add('ECDSA');
  return kinds;
}

/** Which of `suites` the server accepts, each offered alone. */
async function accepted(probe: Prober, tls13: boolean, suites: string[]): Promise<string[]> {
  const chosen = await Promise.all(suites.map((s) => probe.handshake(tls13, [s])));
  return suites.filter((s, i) => {
    if (chosen[i] !== null && chosen[i] !== s) throw new Error(`offered only ${s}, the server chose ${chosen[i]}`);
    return chosen[i] === s;
  });
}

/**
 * A client's offer of `suites` that starts with no ChaCha20 suite where it can, so that a server
 * with SSL_OP_PRIORITIZE_CHACHA shows its plain order.
 */
function offerOf(suites: readonly string[]): string[] {
  return [...suites.filter((s) => !isChacha(s)), ...suites.filter(isChacha)];
}

/**
 * Whether the server chooses by its own order among `suites` (all accepted): offered in two
 * orders, it chooses the same. Its order is then read by offering what is left each time.
 */
async function serverOrder(
  probe: Prober,
  tls13: boolean,
  suites: string[],
): Promise<{ enforced: boolean; order: string[] }> {
  if (suites.length < 2) return { enforced: false, order: suites };
  // Two offers that start differently: without a ChaCha20 suite first where two others can lead,
  // else (one other suite or none) simply forward and reversed.
  const avoid = suites.filter((s) => !isChacha(s)).length >= 2;
  const forward = avoid ? offerOf(suites) : [...suites];
  const backward = avoid ? offerOf([...suites].reverse()) : [...suites].reverse();
  const [a, b] = await Promise.all([probe.handshake(tls13, forward), probe.handshake(tls13, backward)]);
  if (a !== b) return { enforced: false, order: [] };
  const order: string[] = [];
  let left = [...suites];
  while (left.length > 1) {
    const pick = order.length === 0 ? a : await probe.handshake(tls13, offerOf(left));
    if (pick === null || !left.includes(pick)) throw new Error(`offered ${left.join(':')}, the server chose ${pick}`);
    order.push(pick);
    left = left.filter((s) => s !== pick);
  }
  return { enforced: true, order: [...order, ...left] };
}

interface Row {
  fixture: string;
  predicted: number;
  live: number;
  agree: number;
  order: string;
}
const rows: Row[] = [];

let work = '';
let credentials: Credentials;
let allTls12: string[] = [];

beforeAll(() => {
  work = tempFolder('servers');
  credentials = makeCredentials(work);
  allTls12 = tls12Suites();
});

afterAll(() => {
  if (work) removeFolder(work);
  if (rows.length === 0) return;
  const lines = rows.map(
    (r) =>
      `${r.fixture.padEnd(28)} ${String(r.predicted).padStart(9)} ${String(r.live).padStart(5)} ${String(r.agree).padStart(6)}  ${r.order}`,
  );
  console.log(
    `live servers vs cipherx scan (${machine.version}, --target ${machine.target} --seclevel ${machine.seclevel})\n` +
      `${'fixture'.padEnd(28)} predicted  live  agree  order\n${lines.join('\n')}`,
  );
});

for (const product of ['nginx', 'haproxy', 'postfix'] as const) {
  describe(product, () => {
    for (const { name, file } of fixtures(product)) {
      it(`${name}: the live server accepts and orders what scan predicts`, async () => {
        const run = tempFolder(`${product}-${name}`);
        const template = readFileSync(file, 'utf8');
        const port = await freePort();
        const prepared = prepare(product, file, port, run, credentials);
        const setting = predict(prepared.scanPaths);
        expect(setting.result.ok, `${file}: the string is refused`).toBe(true);
        const facts = factsOf(setting);
        const certs = certKinds(template);
        const offer = setting.result.supported?.ciphers ?? [];
        const predictedSuites = offer.filter((s) => negotiable(s, certs, facts));
        const predicted = predictedSuites.map((s) => s.name);
        const auOf = (name: string) => offer.find((s) => s.name === name)?.au ?? '?';

        const server = await prepared.start();
        const probe = await Prober.open(prepared.endpoint, WIDTH);
        try {
          const live13 = await accepted(probe, true, TLS13_SUITES);
          const live12 = await accepted(probe, false, allTls12);
          const live = [...live13, ...live12];
          const row: Row = {
            fixture: `${product}/${name}`,
            predicted: predicted.length,
            live: live.length,
            agree: live.filter((s) => predicted.includes(s)).length,
            order: '',
          };
          rows.push(row);
          const missing = predicted.filter((s) => !live.includes(s));
          const extra = live.filter((s) => !predicted.includes(s));
          expect(
            { notAcceptedButPredicted: missing, acceptedButNotPredicted: extra },
            `${product}/${name}: accepted suites (scan: ${setting.string}${setting.ciphersuites === null ? '' : ` / ${setting.ciphersuites}`}, ${setting.protocols.join(' ')})`,
          ).toEqual({ notAcceptedButPredicted: [], acceptedButNotPredicted: [] });

          // The order: by TLS 1.3 and by TLS 1.2 and below, since a client's offer holds one or the other.
          const orders: string[] = [];
          for (const [tls13, group] of [
            [true, live13],
            [false, live12],
          ] as const) {
            if (group.length < 2) continue;
            const seen = await serverOrder(probe, tls13, group);
            const label = tls13 ? 'TLS 1.3' : 'TLS 1.2';
            if (setting.serverPreference === true) {
              expect(seen.enforced, `${product}/${name}: scan says the server enforces its order (${label})`).toBe(
                true,
              );
              const expected = expectedServerOrder(
                predictedSuites.filter((s) => group.includes(s.name)),
                certs,
                facts,
              );
              expect(seen.order, `${product}/${name}: the server's order (${label})`).toEqual(expected);
              // A client that starts with a ChaCha20 suite: the server's ChaCha20 suites first
              // where the product sets SSL_OP_PRIORITIZE_CHACHA, else the plain order.
              const chachaFirst = [...group.filter(isChacha), ...group.filter((s) => !isChacha(s))];
              if (group.some(isChacha) && !group.every(isChacha)) {
                expect(
                  await probe.handshake(tls13, chachaFirst),
                  `${product}/${name}: the choice when the client's first suite is ChaCha20 (${label}, prioritizeChacha ${facts.prioritizeChacha})`,
                ).toBe(expectedPick(chachaFirst, expected, facts, auOf, certs));
              }
              orders.push(
                `${label} server order (${group.length}) agrees${group.some(isChacha) && !group.every(isChacha) ? ', ChaCha20-first too' : ''}`,
              );
            } else {
              expect(
                seen.enforced,
                `${product}/${name}: scan says the client's order wins (serverPreference ${setting.serverPreference}) (${label})`,
              ).toBe(false);
              orders.push(`${label} client order`);
            }
          }
          row.order = orders.join('; ');
        } catch (e) {
          console.error(`--- ${product}/${name}: the server's log ---\n${server.log.slice(-4000)}`);
          throw e;
        } finally {
          probe.close();
          await server.stop();
          removeFolder(run);
        }
      });
    }
  });
}
