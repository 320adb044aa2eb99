import { describe, expect, it } from 'vitest';
import { describeTerm, explain, explainSuite } from '../src/index.js';

// What a `!` element did is said in two parts: the suites it took out of the list, and those it
// only banned (they were not in the list; no later element can add them).

const CISCO =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM';

describe('`!` elements: removed from the list, or banned', () => {
  const x = explain(CISCO, { target: 'openssl-3.0', ciphersuites: '' });
  const trace = x.result.trace;
  const at = (text: string) => trace.find((e) => e.text === text)!;

  // Proves !aNULL on the Cisco string counts the 8 suites that were in the list apart from the
  // 5 it only banned (it used to say it removed 13).
  it('!aNULL: 8 from the list, 5 banned', () => {
    const e = at('!aNULL');
    expect(e.suites.length).toBe(13);
    expect(e.fromList!.length).toBe(8);
    expect(describeTerm(e, trace)).toBe(
      'removed 8 suites from the list for good and banned 5 more that were not in it',
    );
  });
  // Proves the counts add up: what the elements added, less what they took out of the list, is the final list.
  it('added minus removed from the list is the final list', () => {
    let n = 0;
    for (const e of trace) {
      if (e.effect === 'added') n += e.suites.length;
      if (e.effect === 'killed') n -= e.fromList!.length;
      if (e.effect === 'deleted') n -= e.suites.length;
    }
    expect(n).toBe(x.result.ciphers.length);
  });
  // Proves a `!` before anything was added bans without removing.
  it('a ban alone', () => {
    const y = explain('!aNULL:ALL', { target: 'openssl-3.0', ciphersuites: '' });
    expect(describeTerm(y.result.trace[0]!, y.result.trace)).toMatch(
      /^banned \d+ suites for good \(none of them was in the list\)$/,
    );
  });
  // Proves "why is NULL-SHA not there" names the ban, not a removal: no element ever added it.
  it('NULL-SHA was banned, DHE-RSA-AES256-GCM-SHA384 removed', () => {
    const banned = explainSuite(CISCO, 'NULL-SHA', { target: 'openssl-3.0', ciphersuites: '' }).answer;
    expect(banned).toMatchObject({ present: false, cause: 'banned', by: trace.indexOf(at('!eNULL')) });
    const removed = explainSuite(CISCO, 'DHE-RSA-AES256-GCM-SHA384', { target: 'openssl-3.0' }).answer;
    expect(removed).toMatchObject({ present: false, cause: 'killed', by: trace.indexOf(at('!AESGCM+DH+aRSA')) });
  });
  // Proves BoringSSL's trace says the same (one rule engine serves both families).
  it('boringssl', () => {
    const b = explain('ALL:!aPSK:!kRSA', { target: 'boringssl' });
    const e = b.result.trace.find((t) => t.text === '!kRSA')!;
    expect(e.fromList!.length).toBe(e.suites.length);
    expect(describeTerm(e, b.result.trace)).toMatch(/^removed \d+ suites from the list for good$/);
  });
});
