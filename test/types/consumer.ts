// What a TypeScript user of the package writes, checked by test/types.test.ts with `tsc` under
// moduleResolution nodenext and bundler against the built declarations (dist/), imported by the
// package's own name. Every line that must not compile carries @ts-expect-error: an error that
// goes away fails the check as surely as a new one.
import {
  expand,
  lint,
  negotiate,
  renderProblem,
  type ErrorCode,
  type NegotiationFailure,
  type PeerId,
  type PeerProfile,
  type ProtocolVersion,
  type SecurityReport,
} from 'cipherx';

// ExpandResult narrows on `ok`.
const r = expand('HIGH:!aNULL', { target: 'openssl-3.5' });
if (!r.ok) {
  const code: ErrorCode = r.error.code;
  // The docs' way to render a rejection: the error with a severity.
  const text: string = renderProblem({ ...r.error, severity: 'error' }, 'HIGH:!aNULL');
  void [code, text];
} else {
  const none: null = r.error;
  void none;
}
// @ts-expect-error without narrowing, the error may be null
void expand('HIGH').error.code;

// LintResult narrows on `ok`: the error of the evaluation, or the security report.
const l = lint('HIGH', { ciphersuites: 'FOO' });
if (!l.ok) {
  const code: ErrorCode = l.result.error.code;
  const security: null = l.security;
  void [code, security];
} else {
  const security: SecurityReport = l.security;
  void security;
}

// Negotiation narrows on `ok`: the failure, or the version and the suite.
const n = negotiate({ local: 'DEFAULT', peer: 'windows-server-2016' });
if (!n.ok) {
  const failure: NegotiationFailure = n.failure.code;
  void failure;
} else {
  const protocol: ProtocolVersion = n.protocol;
  const suite: string = n.suite.name;
  void [protocol, suite];
}

// Peer ids: the built-in ones by name, a profile of one's own, nothing else.
const id: PeerId = 'java-17';
// @ts-expect-error not a built-in peer id
const unknown: PeerId = 'windows-3.11';
// @ts-expect-error not a built-in peer id
negotiate({ local: 'DEFAULT', peer: 'windows-3.11' });
const mine: PeerProfile = {
  id: 'mail-gateway',
  name: 'Mail gateway',
  roles: ['server'],
  protocols: ['TLSv1.2'],
  suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  serverPreference: true,
  certificate: 'RSA',
  groups: [],
  dhBits: null,
  sources: [],
  hazards: [],
};
const custom = negotiate({ local: 'DEFAULT', peer: mine });

export { id, unknown, custom };
