import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expand, negotiate, type PeerProfile } from '../../src/index.js';
import { protocolRank, type ProtocolVersion } from '../../src/supported/protocol.js';
import { numRuns, seed } from '../helpers/property-runs.js';
import { cipherString } from '../helpers/vocabulary.js';
import { createHandshakeOracle, type HandshakeOracle } from '../oracle/handshake-oracle.js';

// negotiate() against real handshakes: two contexts of this machine's libssl (3.0) shake hands
// in memory (test/oracle/handshake.c). One side is ours (the cipher string given to negotiate());
// the other is described to negotiate() as a peer profile made from its own effective offer, so
// what is compared is the simulation: the version, the server's pick, the certificate rule, the
// refusals of our side. Refusals of the peer's own libssl are outside a profile: a peer whose
// level is 1 or more is kept at TLS 1.2 and up (below, libssl refuses its SHA-1 signatures), and
// a peer with no suite for its highest version (it does not start) is only checked to fail.
let oracle: HandshakeOracle;
beforeAll(async () => {
  oracle = await createHandshakeOracle();
});
afterAll(async () => {
  await oracle?.close();
});

const REALISTIC = [
  'DEFAULT',
  'HIGH:!aNULL',
  'ECDHE+AESGCM',
  'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM',
  'kRSA+AES',
  'DHE+AES:kRSA',
  'AES128-SHA:AES256-SHA',
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL',
  'ALL:@SECLEVEL=0',
  'aNULL:@SECLEVEL=0',
  'CAMELLIA:ARIA',
  'AESCCM:CHACHA20',
  'ECDHE-RSA-AES256-SHA:DHE-RSA-AES256-SHA:AES256-SHA',
];
const str = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...REALISTIC) }, { weight: 1, arbitrary: cipherString });
const TLS13 = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
const suites13 = fc.option(
  fc.subarray(TLS13).map((l) => l.join(':')),
  { nil: undefined },
);
const version = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom<ProtocolVersion>('TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3') },
);
const side = fc.record({ cipherList: str, ciphersuites: suites13, minProtocol: version, maxProtocol: version });
/** OpenSSL's group names and the IANA names profiles use. */
const GROUPS: Array<[string, string]> = [
  ['X25519', 'x25519'],
  ['P-256', 'secp256r1'],
  ['P-384', 'secp384r1'],
  ['P-521', 'secp521r1'],
  ['X448', 'x448'],
  ['ffdhe2048', 'ffdhe2048'],
  ['ffdhe3072', 'ffdhe3072'],
];

const setup = fc.record({
  client: side,
  server: side,
  ours: fc.constantFrom<'client' | 'server'>('client', 'server'),
  ourLevel: fc.integer({ min: 0, max: 3 }),
  peerLevel: fc.integer({ min: 0, max: 3 }),
  serverPreference: fc.boolean(),
  certificate: fc.constantFrom<'RSA' | 'ECDSA'>('RSA', 'ECDSA'),
  // A peer server's groups (SSL_CTX_set1_groups_list), or its defaults.
  peerGroups: fc.option(fc.subarray(GROUPS, { minLength: 1 }), { nil: undefined }),
});

type SideSetup = {
  cipherList: string;
  ciphersuites?: string;
  minProtocol?: ProtocolVersion;
  maxProtocol?: ProtocolVersion;
};

const range = (x: SideSetup) => ({
  ...(x.minProtocol ? { minProtocol: x.minProtocol } : {}),
  ...(x.maxProtocol ? { maxProtocol: x.maxProtocol } : {}),
});

/** The peer side as a profile: what its context offers (or accepts) and how it chooses. */
function profileOf(
  x: SideSetup,
  seclevel: number,
  role: 'client' | 'server',
  s: { serverPreference: boolean; certificate: 'RSA' | 'ECDSA'; groups: string[] },
) {
  const r = expand(x.cipherList, {
    seclevel,
    ...(x.ciphersuites !== undefined ? { ciphersuites: x.ciphersuites } : {}),
    supported: range(x),
  });
  const profile: PeerProfile = {
    id: `live-${role}`,
    name: `libssl ${role}`,
    roles: [role],
    protocols: [...r.supported!.protocols].reverse(),
    suites: r.supported!.ciphers.map((c) => c.stdname!),
    serverPreference: s.serverPreference,
    certificate: s.certificate,
    groups: s.groups,
    dhBits: 3072, // SSL_CTX_set_dh_auto with a 128-bit-strength certificate
    sources: [],
    hazards: [],
  };
  return { ok: r.ok, profile, offer: r.supported!, configured: r.ciphers };
}

describe(`negotiate against real handshakes (seed ${seed}, ${Math.ceil(numRuns / 4)} runs)`, () => {
  it('same outcome; when it completes, the same version and suite', async () => {
    console.log(`negotiate: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    await fc.assert(
      fc.asyncProperty(setup, async (s) => {
        // Suite B ties the certificate's curve and the key-exchange curve to the prefix; profiles
        // do not describe curves of certificates, so such strings are left out here.
        fc.pre(!s.client.cipherList.startsWith('SUITEB') && !s.server.cipherList.startsWith('SUITEB'));
        const peerRole = s.ours === 'client' ? 'server' : 'client';
        // Only a peer server gets its own groups (ours are the release's defaults), and then at
        // level 0, where it keeps them all: the profile lists what it really offers.
        const peerGroups = peerRole === 'server' ? s.peerGroups : undefined;
        const peerLevel = peerGroups ? 0 : s.peerLevel;
        const peerSide: SideSetup = { ...s[peerRole] };
        // From level 1 a 3.0 context signs with nothing below TLS 1.2 (SHA-1 and MD5+SHA-1 count
        // under 80 bits), which a profile's protocols cannot say: the peer starts at TLS 1.2 then.
        // The level is the one after the string (`@SECLEVEL=1` in it counts too).
        const peerEffective = expand(peerSide.cipherList, { seclevel: peerLevel }).seclevel ?? peerLevel;
        if (
          peerEffective >= 1 &&
          (!peerSide.minProtocol || protocolRank(peerSide.minProtocol) < protocolRank('TLSv1.2'))
        ) {
          peerSide.minProtocol = 'TLSv1.2';
        }
        const sides = {
          [s.ours]: { ...s[s.ours], seclevel: s.ourLevel },
          [peerRole]: { ...peerSide, seclevel: peerLevel },
        };
        const real = await oracle.run({
          client: sides.client!,
          server: {
            ...sides.server!,
            serverPreference: s.serverPreference,
            certificate: s.certificate,
            ...(peerGroups ? { groups: peerGroups.map(([name]) => name).join(':') } : {}),
          },
        });
        // Settings libssl refuses (a rejected list, a bad ciphersuites list) are not handshakes.
        if (!real.serverConfig || !real.clientConfig) return;
        const peer = profileOf(peerSide, peerLevel, peerRole, {
          ...s,
          groups: peerGroups ? peerGroups.map(([, iana]) => iana) : [],
        });
        expect(peer.ok).toBe(true);
        // The test certificates (RSA 3072, P-256) give 128 bits: levels 4 and 5 (set by
        // @SECLEVEL in a string) refuse them, which a profile's certificate type cannot say.
        const ourLevel = expand(s[s.ours].cipherList, { seclevel: s.ourLevel }).seclevel!;
        if (ourLevel >= 4 || peer.offer.seclevel! >= 4) return;
        // A libssl side with no suite for its highest version does not start (the client looks
        // at what it offers, the server at its configured list).
        const max = peer.offer.protocols[peer.offer.protocols.length - 1];
        const own = peerRole === 'client' ? peer.offer.ciphers : peer.configured;
        const startsAtAll = own.some((c) =>
          c.protocol === 'TLSv1.3'
            ? max === 'TLSv1.3'
            : max !== undefined &&
              max !== 'TLSv1.3' &&
              protocolRank(c.protocol as ProtocolVersion) <= protocolRank(max),
        );
        if (!startsAtAll) {
          expect(real.ok).toBe(false);
          return;
        }
        const ours = s[s.ours];
        const got = negotiate({
          local: ours.cipherList,
          role: s.ours,
          seclevel: s.ourLevel,
          ...(ours.ciphersuites !== undefined ? { ciphersuites: ours.ciphersuites } : {}),
          supported: range(ours),
          ...(s.ours === 'server' ? { certificate: s.certificate, serverPreference: s.serverPreference } : {}),
          peer: peer.profile,
        });
        const summary = (ok: boolean, v?: string | null, c?: string | null) => (ok ? { ok, v, c } : { ok });
        expect(
          summary(got.ok, got.protocol, got.suite?.name),
          `real errors: ${real.errors.join(', ')}; cipherx: ${got.failure?.code ?? ''}`,
        ).toEqual(summary(real.ok, real.version, real.cipher));
      }),
      {
        numRuns: Math.max(1, Math.ceil(numRuns / 4)),
        seed: seed + 3,
        // Counterexamples found, kept as fixed cases: a peer server whose string raises its level
        // to 1 (FC_SEED=438215005: "no suitable signature algorithm" at TLSv1).
        examples: [
          [
            {
              client: { cipherList: 'DEFAULT', ciphersuites: undefined, minProtocol: undefined, maxProtocol: 'TLSv1' },
              server: {
                cipherList: 'DEFAULT:@SECLEVEL=1',
                ciphersuites: undefined,
                minProtocol: undefined,
                maxProtocol: undefined,
              },
              ours: 'client' as const,
              ourLevel: 0,
              peerLevel: 0,
              serverPreference: false,
              certificate: 'RSA' as const,
              peerGroups: undefined,
            },
          ],
        ],
      },
    );
  });
});
