// The page's one door to the library: which options each target takes, and the calls built
// from the page's state.
import {
  describeTargets,
  expand,
  peers,
  targets,
  type ExpandOptions,
  type PeerProfile,
  type ProtocolVersion,
  type TargetName,
} from '../../src/index.js';
import type { State } from './state.js';

export const PROTOCOLS: readonly ProtocolVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** What a target accepts among the page's options, asked of the library itself. */
export interface Capabilities {
  tls13: boolean;
  seclevel: boolean;
  strict: boolean;
  srp: boolean;
  /** The protocol versions the release can negotiate at all (at level 0 where it has levels). */
  protocols: readonly ProtocolVersion[];
}

/** What each target takes, as the library's registry records it. */
const CAPABILITIES = new Map<TargetName, Capabilities>(
  describeTargets().map((t) => [
    t.name,
    {
      tls13: t.capabilities.tls13Configurable,
      seclevel: t.capabilities.securityLevels,
      strict: t.capabilities.strict,
      srp: t.capabilities.srp,
      protocols: t.protocols,
    },
  ]),
);

export function capabilities(target: TargetName): Capabilities {
  return CAPABILITIES.get(target)!;
}

/** The targets whose results the view shows: both sides when comparing two targets. */
export function targetsInView(state: State): TargetName[] {
  return state.view === 'compare' && state.cmp === 'targets' ? [state.target, state.target2] : [state.target];
}

/** Which options at least one target in view takes (so its control is shown). */
export function anyCapability(state: State): Omit<Capabilities, 'protocols'> {
  const caps = targetsInView(state).map(capabilities);
  return {
    tls13: caps.some((c) => c.tls13),
    seclevel: caps.some((c) => c.seclevel),
    strict: caps.some((c) => c.strict),
    srp: caps.some((c) => c.srp),
  };
}

/** The protocol versions `target` has, oldest first. */
export function protocolsOf(target: TargetName): readonly ProtocolVersion[] {
  return capabilities(target).protocols;
}

const RELEASES = new Map(describeTargets().map((t) => [t.name, t.release]));
const TOOLS = new Map(describeTargets().map((t) => [t.name, t.family === 'openssl' ? `${t.tool} -v` : t.tool]));

/** The tool whose `-v` style output the page shows for `target`. */
export function vTool(target: TargetName): string {
  return TOOLS.get(target) ?? '';
}

/** `openssl-3.0 (OpenSSL 3.0.20)`. */
export function targetLabel(target: TargetName): string {
  return `${target} (${RELEASES.get(target) ?? '?'})`;
}

export function isTarget(name: string): name is TargetName {
  return (targets as readonly string[]).includes(name);
}

/** The expand() options the state gives for `target`, leaving out what that target does not take. */
export function optionsFor(state: State, target: TargetName): ExpandOptions {
  const caps = capabilities(target);
  const o: ExpandOptions = { target };
  if (caps.tls13 && state.cs !== null) o.ciphersuites = state.cs;
  if (caps.seclevel && state.sec !== null) o.seclevel = state.sec;
  if (caps.strict) o.strict = state.strict;
  return o;
}

/** The built-in peers that can play the other side of `role`. */
export function peersFor(role: 'client' | 'server'): PeerProfile[] {
  const other = role === 'client' ? 'server' : 'client';
  return peers().filter((p) => p.roles.includes(other));
}

export function isPeer(id: string): boolean {
  return peers().some((p) => p.id === id);
}

/** The target's default TLS 1.3 list, as the names `SSL_CTX_set_ciphersuites` takes. */
export function defaultCiphersuites(target: TargetName): string {
  return expand('ALL', { target })
    .ciphers.filter((c) => c.protocol === 'TLSv1.3')
    .map((c) => c.stdname ?? c.name)
    .join(':');
}
