import type { CertificateType, ProtocolVersion, Role, TargetName } from '../../src/index.js';

/** The views of the page. */
export const VIEWS = ['list', 'compare', 'offer', 'negotiate'] as const;
export type View = (typeof VIEWS)[number];

/** Everything the page shows is a function of this; the URL fragment carries it. */
export interface State {
  view: View;
  /** The cipher string. */
  s: string;
  target: TargetName;
  /** The TLS 1.3 list; null: the target's default. */
  cs: string | null;
  /** The security level before the string; null: the release's default. */
  sec: number | null;
  /** BoringSSL strict mode. */
  strict: boolean;
  /** The suite whose presence is explained (OpenSSL or IANA name), or null. */
  suite: string | null;
  /** Compare: two targets for one string, or two strings on one target. */
  cmp: 'targets' | 'strings';
  target2: TargetName;
  s2: string;
  /** Effective offer: protocol range (null: the release's), PSK and SRP callbacks. */
  min: ProtocolVersion | null;
  max: ProtocolVersion | null;
  psk: boolean;
  srp: boolean;
  /** Negotiation. */
  peer: string;
  role: Role;
  cert: CertificateType;
  serverPref: boolean;
}

export const DEFAULT_STATE: Readonly<State> = {
  view: 'list',
  s: 'HIGH:!aNULL:!MD5',
  target: 'openssl-3.0',
  cs: null,
  sec: null,
  strict: false,
  suite: null,
  cmp: 'targets',
  target2: 'openssl-3.5',
  s2: 'ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL',
  min: null,
  max: null,
  psk: false,
  srp: false,
  peer: 'windows-server-2012-r2',
  role: 'client',
  cert: 'RSA',
  serverPref: false,
};

type Key = keyof State;
const KEYS = Object.keys(DEFAULT_STATE) as Key[];

/** Short fragment names, so that links stay readable. */
const PARAM: Record<Key, string> = {
  view: 'v',
  s: 's',
  target: 't',
  cs: 'cs',
  sec: 'sec',
  strict: 'strict',
  suite: 'suite',
  cmp: 'cmp',
  target2: 't2',
  s2: 's2',
  min: 'min',
  max: 'max',
  psk: 'psk',
  srp: 'srp',
  peer: 'peer',
  role: 'role',
  cert: 'cert',
  serverPref: 'sp',
};

function encodeValue(v: string | number | boolean | null): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/**
 * The fragment for a state: only what differs from the defaults, as URL parameters. A value
 * that is null where the default is not is written as an empty `~` marker.
 */
export function toFragment(state: State): string {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = state[k];
    if (v === DEFAULT_STATE[k]) continue;
    p.set(PARAM[k], v === null ? '~' : encodeValue(v));
  }
  const text = p.toString();
  return text ? `#${text}` : '';
}

/**
 * The state a fragment describes; unknown parameters are ignored, and a value of the wrong kind
 * falls back to the default (`allowed` checks the enumerations: targets, views, peers...).
 */
export function fromFragment(fragment: string, allowed: (key: Key, value: string) => boolean): State {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const state: State = { ...DEFAULT_STATE };
  const out = state as unknown as Record<Key, unknown>;
  for (const k of KEYS) {
    const raw = p.get(PARAM[k]);
    if (raw === null) continue;
    const d = DEFAULT_STATE[k];
    if (raw === '~') {
      if (k === 'cs' || k === 'sec' || k === 'suite' || k === 'min' || k === 'max') out[k] = null;
      continue;
    }
    if (typeof d === 'boolean') out[k] = raw === '1';
    else if (k === 'sec') {
      const n = Number(raw);
      if (Number.isInteger(n) && n >= 0 && n <= 5) out[k] = n;
    } else if (allowed(k, raw)) out[k] = raw;
  }
  return state;
}
