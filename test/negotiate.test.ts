import { describe, expect, it } from 'vitest';
import { expand, negotiate, peers, targets, type NegotiateOptions, type PeerProfile } from '../src/index.js';
import { BUILT_IN_PEER_IDS } from '../src/negotiate/peers.js';
import { parsePeerFile } from '../src/negotiate/peer-file.js';

const CISCO =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM';

function outcome(o: NegotiateOptions) {
  const n = negotiate(o);
  return {
    ok: n.ok,
    protocol: n.protocol,
    suite: n.suite?.name ?? null,
    failure: n.failure?.hazard ?? n.failure?.code ?? null,
    hazards: n.hazards.map((h) => h.id),
  };
}

// Expected values follow from the profiles' documented lists (data/peers/) and the TLS rules:
// the server takes the highest version both have, then the first suite of the deciding order.
describe('negotiate: the Cisco / Exchange 2013 case', () => {
  for (const target of ['openssl-1.1.1', 'openssl-3.0'] as const) {
    for (const [label, local] of [
      ['DEFAULT', 'DEFAULT'],
      ['the workaround string', CISCO],
    ] as const) {
      it(`${target}, ${label}, against Windows Server 2012 R2: TLS 1.2 and the server's first ECDHE-RSA CBC suite`, () => {
        // 2012 R2 has no ECDHE-RSA GCM suite; its list starts with TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384.
        expect(outcome({ local, target, peer: 'windows-server-2012-r2' })).toMatchObject({
          ok: true,
          protocol: 'TLSv1.2',
          suite: 'ECDHE-RSA-AES256-SHA384',
        });
      });
    }
  }

  it('Exchange 2013 before CU8 speaks TLS 1.0 only: 1.1.1 completes with ECDHE-RSA-AES256-SHA', () => {
    expect(outcome({ local: CISCO, target: 'openssl-1.1.1', peer: 'exchange-2013-smtp-pre-cu8' })).toMatchObject({
      ok: true,
      protocol: 'TLSv1',
      suite: 'ECDHE-RSA-AES256-SHA',
    });
  });

  it('3.0 picks the same suite at TLS 1.0 but cannot verify its SHA-1 signature at level 1', () => {
    const o = outcome({ local: CISCO, target: 'openssl-3.0', peer: 'exchange-2013-smtp-pre-cu8' });
    expect(o).toMatchObject({ ok: false, protocol: 'TLSv1', failure: 'openssl3-legacy-tls-sha1-signatures' });
    // At level 0 the signature is allowed again.
    expect(
      outcome({ local: `${CISCO}:@SECLEVEL=0`, target: 'openssl-3.0', peer: 'exchange-2013-smtp-pre-cu8' }).ok,
    ).toBe(true);
    // RSA key exchange carries no such signature: a kRSA-only string gets through at level 1.
    expect(outcome({ local: 'kRSA+AES', target: 'openssl-3.0', peer: 'exchange-2013-smtp-pre-cu8' })).toMatchObject({
      ok: true,
      suite: 'AES256-SHA',
    });
  });

  it('as the server for such a client, 3.0 at level 1 refuses TLS 1.0 even for RSA key exchange', () => {
    const asServer = {
      target: 'openssl-3.0' as const,
      role: 'server' as const,
      peer: 'exchange-2013-smtp-pre-cu8' as const,
    };
    expect(outcome({ ...asServer, local: 'kRSA+AES' })).toMatchObject({
      ok: false,
      protocol: 'TLSv1',
      failure: 'openssl3-server-legacy-tls',
    });
    expect(outcome({ ...asServer, local: 'kRSA+AES:@SECLEVEL=0' }).ok).toBe(true);
  });

  it('3.5 (level 2) has no TLS 1.0 at all: no shared protocol until @SECLEVEL=0', () => {
    expect(outcome({ local: 'DEFAULT', target: 'openssl-3.5', peer: 'exchange-2013-smtp-pre-cu8' })).toMatchObject({
      ok: false,
      protocol: null,
      failure: 'no-shared-protocol',
    });
    // The hazard of the version the server offers and our side refuses says why.
    expect(outcome({ local: 'DEFAULT', target: 'openssl-3.5', peer: 'exchange-2013-smtp-pre-cu8' }).hazards).toContain(
      'openssl-3.2-no-legacy-tls',
    );
    expect(
      outcome({ local: 'DEFAULT:@SECLEVEL=0', target: 'openssl-3.5', peer: 'exchange-2013-smtp-pre-cu8' }).protocol,
    ).toBe('TLSv1');
  });
});

describe('negotiate: the rules', () => {
  it("a server that prefers its own order decides; an OpenSSL server follows the client's by default", () => {
    // java-8 as a client lists ECDHE-ECDSA suites first; our RSA certificate cannot do them.
    const local = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384';
    const clientOrder = negotiate({ local, role: 'server', peer: 'java-8', supported: { maxProtocol: 'TLSv1.2' } });
    expect(clientOrder.preference).toBe('client');
    expect(clientOrder.suite?.name).toBe('ECDHE-RSA-AES256-GCM-SHA384');
    const ours = negotiate({
      local,
      role: 'server',
      peer: 'java-8',
      serverPreference: true,
      supported: { maxProtocol: 'TLSv1.2' },
    });
    expect([ours.preference, ours.suite?.name]).toEqual(['server', 'ECDHE-RSA-AES128-GCM-SHA256']);
  });

  it('the server can only pick what its certificate authenticates', () => {
    const o = negotiate({
      local: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
      role: 'server',
      peer: 'java-8',
      certificate: 'ECDSA',
      supported: { maxProtocol: 'TLSv1.2' },
    });
    expect(o.suite?.name).toBe('ECDHE-ECDSA-AES128-GCM-SHA256');
    expect(o.shared.map((c) => c.name)).toEqual(['ECDHE-ECDSA-AES128-GCM-SHA256']);
  });

  it('an OpenSSL client with no suite for its highest version does not start', () => {
    expect(outcome({ local: 'HIGH', ciphersuites: '', peer: 'windows-server-2022' }).failure).toBe(
      'no-ciphers-for-max-version',
    );
    expect(
      outcome({ local: 'HIGH', ciphersuites: '', peer: 'windows-server-2022', supported: { maxProtocol: 'TLSv1.2' } })
        .ok,
    ).toBe(true);
  });

  it('an OpenSSL server with no configured suite for its highest version does not start either', () => {
    expect(outcome({ local: 'HIGH', ciphersuites: '', role: 'server', peer: 'java-17' }).failure).toBe(
      'no-ciphers-for-max-version',
    );
  });

  it('no suite in common at the negotiated version', () => {
    expect(
      outcome({
        local: 'AES128-CCM8',
        peer: 'windows-server-2012-r2',
        ciphersuites: '',
        supported: { maxProtocol: 'TLSv1.2' },
      }).failure,
    ).toBe('no-shared-suite');
  });

  it('DHE with a 1024-bit server group: refused at level 2, a Schannel warning at level 1', () => {
    const dheOnly = 'DHE-RSA-AES256-GCM-SHA384';
    const opts = {
      local: dheOnly,
      ciphersuites: '',
      supported: { maxProtocol: 'TLSv1.2' as const },
      peer: 'windows-server-2012-r2' as const,
    };
    expect(outcome({ ...opts, seclevel: 2 }).failure).toBe('openssl-dh-key-too-small');
    const at1 = outcome({ ...opts, seclevel: 1 });
    expect([at1.ok, at1.suite]).toEqual([true, 'DHE-RSA-AES256-GCM-SHA384']);
    expect(at1.hazards).toContain('windows-dhe-leading-zero');
  });

  it('BoringSSL: a server with its fixed TLS 1.3 suites, a client that starts from TLS 1.0', () => {
    expect(outcome({ local: 'ECDHE+AESGCM', target: 'boringssl', role: 'server', peer: 'java-17' })).toMatchObject({
      ok: true,
      protocol: 'TLSv1.3',
    });
    // Its default range starts at TLS 1.0 at the recorded revision: the old Schannel speaks it.
    expect(outcome({ local: 'ALL', target: 'boringssl', peer: 'windows-server-2008-r2' })).toMatchObject({
      ok: true,
      protocol: 'TLSv1',
      suite: 'ECDHE-RSA-AES256-SHA',
    });
  });

  it('1.0.2 has no TLS 1.3 and no X25519: TLS 1.2 with a NIST curve', () => {
    expect(
      outcome({ local: 'ECDHE-RSA-AES128-GCM-SHA256', target: 'openssl-1.0.2', peer: 'windows-server-2016' }),
    ).toMatchObject({
      ok: true,
      protocol: 'TLSv1.2',
      suite: 'ECDHE-RSA-AES128-GCM-SHA256',
    });
  });

  it('groups: TLS 1.3 needs one in common (1.1.1 has no FFDHE groups), ECDHE needs a curve', () => {
    const ffdheOnly: PeerProfile = {
      id: 'ffdhe-only',
      name: 'a server with FFDHE groups only',
      roles: ['server'],
      protocols: ['TLSv1.3', 'TLSv1.2'],
      suites: [
        'TLS_AES_128_GCM_SHA256',
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      ],
      serverPreference: true,
      certificate: 'RSA',
      groups: ['ffdhe2048'],
      dhBits: 2048,
      sources: [],
      hazards: [],
    };
    expect(outcome({ local: 'DEFAULT', target: 'openssl-1.1.1', peer: ffdheOnly }).failure).toBe('no-shared-group');
    expect(outcome({ local: 'DEFAULT', target: 'openssl-3.0', peer: ffdheOnly })).toMatchObject({
      ok: true,
      suite: 'TLS_AES_128_GCM_SHA256',
    });
    // At TLS 1.2 the ECDHE suite needs a curve in common: the DHE one is taken instead.
    expect(
      outcome({
        local: 'ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256',
        peer: ffdheOnly,
        supported: { maxProtocol: 'TLSv1.2' },
      }).suite,
    ).toBe('DHE-RSA-AES128-GCM-SHA256');
  });

  it('a profile of your own is checked field by field; server-only options need the server role', () => {
    const base = {
      local: 'DEFAULT',
      peer: { id: 'x', name: 'x', roles: ['server'], protocols: ['TLSv1.2'], suites: [] },
    };
    expect(() => negotiate(base as never)).toThrow(/serverPreference/);
    expect(() => negotiate({ ...base, peer: { ...base.peer, roles: undefined } } as never)).toThrow(/roles/);
    expect(() => negotiate({ local: 'DEFAULT', peer: 'windows-server-2016', certificate: 'ECDSA' })).toThrow(
      /role 'server'/,
    );
  });

  it('a rejected string has no hazards; the ClientHello-size note is not about BoringSSL, which pads', () => {
    expect(outcome({ local: 'NOSUCH', peer: 'windows-server-2016' }).hazards).toEqual([]);
    expect(outcome({ local: 'ALL', target: 'boringssl', peer: 'windows-server-2016' }).hazards).not.toContain(
      'f5-clienthello-255-511',
    );
  });

  it('a rejected string, an unknown peer, a peer in the wrong role', () => {
    expect(outcome({ local: 'NOSUCH', peer: 'windows-server-2016' }).failure).toBe('local-string-rejected');
    // @ts-expect-error not a built-in id: a TypeScript caller is told, a JavaScript one gets a TypeError.
    expect(() => negotiate({ local: 'ALL', peer: 'windows-3.11' })).toThrow(/unknown peer/);
    expect(() => negotiate({ local: 'ALL', peer: 'android-10' })).toThrow(/not a server/);
  });
});

describe('peer files', () => {
  it('reads PowerShell Get-TlsCipherSuite output, Schannel curve suffixes, OpenSSL names and settings', () => {
    const text = [
      '# exported from the mail server',
      'protocols: TLSv1.2',
      'server-preference: no',
      '',
      'Name',
      '----',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256',
      'AES128-SHA',
      'NOT_A_SUITE',
    ].join('\r\n');
    const { profile, problems } = parsePeerFile(text, { id: 'mail.txt' });
    expect(profile.suites).toEqual(['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    expect(profile.groups).toEqual(['secp384r1', 'secp256r1']);
    expect(profile.protocols).toEqual(['TLSv1.2']);
    expect(profile.serverPreference).toBe(false);
    expect(problems).toEqual([
      { line: 10, severity: 'warning', message: '`NOT_A_SUITE` is not a suite name cipherx knows: left out' },
    ]);
  });

  it('names only the project knows from peers (RC4), a colon list that is not a setting, garbage capped and escaped', () => {
    const { profile, problems } = parsePeerFile('TLS_RSA_WITH_RC4_128_SHA\nIDEA-CBC-SHA:AES128-SHA\n', { id: 'f' });
    expect(profile.suites).toEqual([
      'TLS_RSA_WITH_RC4_128_SHA',
      'TLS_RSA_WITH_IDEA_CBC_SHA',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['info']);
    const garbage = parsePeerFile(Array.from({ length: 50 }, (_, i) => `x\u0007${i}`).join('\n'), { id: 'g' });
    expect(garbage.problems).toHaveLength(21);
    expect(garbage.problems[0]!.message).toBe('`x\\u00070` is not a suite name cipherx knows: left out');
    expect(garbage.problems[20]!.message).toBe('30 more problems left out');
  });

  it('protocols given by the caller win; none at all is said and assumed TLS 1.2 and 1.3', () => {
    expect(
      parsePeerFile('protocols: TLSv1\nAES128-SHA', { id: 'f', protocols: ['TLSv1.2'] }).profile.protocols,
    ).toEqual(['TLSv1.2']);
    const none = parsePeerFile('AES128-SHA:AES256-SHA', { id: 'f' });
    expect(none.profile.protocols).toEqual(['TLSv1.3', 'TLSv1.2']);
    expect(none.profile.suites).toEqual(['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA']);
    expect(none.problems.map((p) => p.severity)).toEqual(['info']);
  });
});

describe('what the library hands out cannot change its later answers', () => {
  it('peers(): a changed list or profile leaves the next call and negotiate() as they were', () => {
    const before = JSON.stringify(peers());
    const n = JSON.stringify(negotiate({ local: 'DEFAULT', peer: 'windows-server-2016' }));
    const got = peers();
    const p = got.find((x) => x.id === 'windows-server-2016')!;
    p.suites.length = 0;
    p.protocols.push('SSLv3');
    p.sources[0]!.url = 'changed';
    got.length = 0;
    expect(JSON.stringify(peers())).toBe(before);
    expect(JSON.stringify(negotiate({ local: 'DEFAULT', peer: 'windows-server-2016' }))).toBe(n);
  });

  it("negotiate()'s hazard sources: changing them changes no later result", () => {
    const options = { local: 'DEFAULT', target: 'openssl-1.1.1' as const, peer: 'windows-server-2012-r2' as const };
    const first = negotiate(options);
    const before = JSON.stringify(first);
    expect(first.hazards.some((h) => h.sources.length > 0)).toBe(true);
    for (const h of first.hazards) {
      h.sources[0]!.title = 'changed';
      h.sources.length = 0;
    }
    expect(JSON.stringify(negotiate(options))).toBe(before);
  });

  it('targets is frozen: it cannot be changed, and what cipherx accepts stays the same', () => {
    const before = [...targets];
    expect(() => (targets as string[]).push('openssl-9.9')).toThrow(TypeError);
    expect(() => ((targets as string[])[0] = 'openssl-9.9')).toThrow(TypeError);
    expect(targets).toEqual(before);
    expect(() => expand('HIGH', { target: 'openssl-9.9' as never })).toThrow(/unknown target/);
  });

  it('the PeerId type lists exactly the built-in profiles', () => {
    expect([...BUILT_IN_PEER_IDS].sort()).toEqual(
      peers()
        .map((p) => p.id)
        .sort(),
    );
  });
});
