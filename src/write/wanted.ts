// What `suggest` is asked for, per target: the requested suites each target has, in the requested
// order and under the target's own names, split into the part a cipher string controls (TLS 1.2
// and below) and the TLS 1.3 part that is configured apart (or fixed).
import { convertNames } from '../convert.js';
import { TARGET_NAMES, requireLibrary, type TargetName } from '../library/registry.js';
import { boringsslTable, isLoaded, opensslTable } from '../library/tables.js';

/** A requested suite: the name it was asked by, and the key it is known by on every target. */
export interface RequestedSuite {
  /** As given (OpenSSL or IANA name). */
  input: string;
  /** Its IANA name where a target knows one, else the OpenSSL name given. */
  key: string;
}

/** What one target is asked to give, and what of the request it cannot. */
export interface TargetWant {
  /** The target. */
  target: TargetName;
  /** The requested TLS 1.2-and-below suites this target has, in the requested order (its OpenSSL names). */
  wanted: string[];
  /** The requested TLS 1.3 suites this target has, in the requested order (its OpenSSL names). */
  tls13: string[];
  /** Requested suites (as `RequestedSuite.key`) this target lacks: not in its build, or not available there. */
  missing: string[];
}

/** The suites of a target, by OpenSSL name: those a cipher string works on, and its TLS 1.3 suites. */
export interface TargetSuites {
  tls12: ReadonlySet<string>;
  tls13: ReadonlySet<string>;
  /** Every suite name of its table, available or not. */
  known: ReadonlySet<string>;
}

const suitesCache = new Map<TargetName, TargetSuites>();

/** The available suites of `target`, TLS 1.2-and-below and TLS 1.3 apart (computed once per target). */
export function suitesOf(target: TargetName): TargetSuites {
  const done = suitesCache.get(target);
  if (done) return done;
  const lib = requireLibrary(target, 'suggest');
  const tls12 = new Set<string>();
  const tls13 = new Set<string>();
  const known = new Set<string>();
  if (lib.family === 'boringssl') {
    for (const s of boringsslTable(lib).suites) {
      (s.data.tls13 ? tls13 : tls12).add(s.data.name);
      known.add(s.data.name);
    }
  } else {
    const t = opensslTable(lib);
    t.suites.forEach((c, i) => {
      if (t.available[i]) (c.protocol === 'TLSv1.3' ? tls13 : tls12).add(c.name);
      known.add(c.name);
    });
    for (const c of t.data.tls13Suites) {
      if (c.available) tls13.add(c.name);
      known.add(c.name);
    }
  }
  const out = { tls12, tls13, known };
  suitesCache.set(target, out);
  return out;
}

/**
 * The request's suites, each with the key that identifies it on every target (its IANA name
 * where one of `targets` knows it). Throws a TypeError for a name none of the targets knows, or a
 * suite asked for twice.
 */
export function resolveRequest(names: readonly string[], targets: readonly TargetName[]): RequestedSuite[] {
  const out: RequestedSuite[] = [];
  const seen = new Set<string>();
  // The chosen targets first, then every other target whose table is loaded: a suite the chosen
  // ones lack is still a suite, which they then lack.
  const others = TARGET_NAMES.filter((t) => !targets.includes(t) && isLoaded(requireLibrary(t, 'suggest')));
  const all = [...targets, ...others];
  const converted = all.map((target) => convertNames(names, { target }));
  names.forEach((input, i) => {
    const found = converted.map((c) => c[i]!).find((c) => c.openssl !== null);
    if (!found && !all.some((t) => suitesOf(t).known.has(input))) {
      throw new TypeError(`suggest: ${JSON.stringify(input)} is no suite name (OpenSSL or IANA) on any target`);
    }
    const key = found ? (found.iana ?? found.openssl!) : input;
    if (seen.has(key)) throw new TypeError(`suggest: the suite ${JSON.stringify(input)} is asked for twice`);
    seen.add(key);
    out.push({ input, key });
  });
  return out;
}

/** What each target is asked to give: the request's suites it has, in order, by its names. */
export function wantsOf(request: readonly RequestedSuite[], targets: readonly TargetName[]): TargetWant[] {
  const keys = request.map((r) => r.key);
  // The OpenSSL names each suite has on any of the targets: a release without IANA names (1.0.2) finds it by one.
  const loaded = TARGET_NAMES.filter((t) => !targets.includes(t) && isLoaded(requireLibrary(t, 'suggest')));
  const converted = [...targets, ...loaded].map((target) => convertNames(keys, { target }));
  return targets.map((target, ti) => {
    const { tls12, tls13, known } = suitesOf(target);
    const want: TargetWant = { target, wanted: [], tls13: [], missing: [] };
    request.forEach((r, i) => {
      const candidates = [converted[ti]![i]!.openssl, r.input, ...converted.map((c) => c[i]!.openssl)];
      const name = candidates.find((n): n is string => n !== null && known.has(n)) ?? null;
      if (name !== null && tls12.has(name)) want.wanted.push(name);
      else if (name !== null && tls13.has(name)) want.tls13.push(name);
      else want.missing.push(r.key);
    });
    return want;
  });
}

/** The strength bits (`@STRENGTH`'s key) of each of `names` on `target`; 0 for a name it lacks. */
export function strengthBits(target: TargetName, names: readonly string[]): number[] {
  const lib = requireLibrary(target, 'suggest');
  const bits = new Map<string, number>();
  if (lib.family === 'boringssl') for (const s of boringsslTable(lib).suites) bits.set(s.data.name, s.data.bits);
  else for (const c of opensslTable(lib).suites) bits.set(c.name, c.bits);
  return names.map((n) => bits.get(n) ?? 0);
}
