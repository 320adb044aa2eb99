import {
  defaultTarget,
  describeTargets,
  type CertificateType,
  type ProtocolVersion,
  type Role,
  type TargetName,
} from '../../src/index.js';

/** The second side of a comparison of targets, at first: the newest OpenSSL release line. */
const NEWEST_OPENSSL = describeTargets()
  .filter((t) => t.family === 'openssl')
  .at(-1)!.name;

/** The views of the page. */
export const VIEWS = ['list', 'compare', 'offer', 'negotiate', 'policy'] as const;
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
  /** Policy: the named policy checked against. */
  pol: string;
}

export const DEFAULT_STATE: Readonly<State> = {
  view: 'list',
  s: 'HIGH:!aNULL:!MD5',
  target: defaultTarget,
  cs: null,
  sec: null,
  strict: false,
  suite: null,
  cmp: 'targets',
  target2: NEWEST_OPENSSL,
  s2: 'ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL',
  min: null,
  max: null,
  psk: false,
  srp: false,
  peer: 'windows-server-2012-r2',
  role: 'client',
  cert: 'RSA',
  serverPref: false,
  pol: 'mozilla-intermediate',
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
  pol: 'pol',
};

function encodeValue(v: string | number | boolean | null): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/**
 * The fragment for a state: only what differs from the defaults, each value percent-encoded
 * (so `+`, `:` and `!` of a cipher string survive). The keys that may be null are null by
 * default, so an absent key means the default and a present one is always the literal value.
 */
export function toFragment(state: State): string {
  const parts: string[] = [];
  for (const k of KEYS) {
    const v = state[k];
    if (v === DEFAULT_STATE[k] || v === null) continue;
    parts.push(`${PARAM[k]}=${encodeURIComponent(encodeValue(v))}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

/** `a=b&c=d` split by hand: `+` stays a plus (URLSearchParams would make it a space). */
function params(fragment: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of fragment.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    try {
      out.set(decodeURIComponent(name), decodeURIComponent(value));
    } catch {
      // A broken escape (`%E0%A4`): that parameter keeps its default.
    }
  }
  return out;
}

/**
 * The state a fragment describes; unknown parameters are ignored, and a value of the wrong kind
 * falls back to the default (`allowed` checks the enumerations: targets, views, peers...).
 */
export function fromFragment(fragment: string, allowed: (key: Key, value: string) => boolean): State {
  const p = params(fragment);
  const state: State = { ...DEFAULT_STATE };
  const out = state as unknown as Record<Key, unknown>;
  for (const k of KEYS) {
    const raw = p.get(PARAM[k]);
    if (raw === undefined) continue;
    const d = DEFAULT_STATE[k];
    if (typeof d === 'boolean') {
      if (raw === '1' || raw === 'true') out[k] = true;
      else if (raw === '0' || raw === 'false') out[k] = false;
    } else if (k === 'sec') {
      if (/^[0-5]$/.test(raw)) out[k] = Number(raw);
    } else if (k === 's' || k === 's2' || k === 'cs' || k === 'suite') {
      out[k] = raw;
    } else if (allowed(k, raw)) out[k] = raw;
  }
  return state;
}
