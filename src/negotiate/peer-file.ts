import { boringsslRegistered, boringsslTarget } from '../boringssl/table.js';
import { isProtocolVersion, protocolRank, type ProtocolVersion } from '../supported/protocol.js';
import { OPENSSL_TARGET_NAMES, getTarget } from '../table/registry.js';
import type { CertificateType, PeerProfile } from './peers.js';

/** A line of a peer file that was not understood or needs a word of warning. */
export interface PeerFileProblem {
  /** 1-based line number. */
  line: number;
  severity: 'warning' | 'info';
  message: string;
}

/** Schannel's curve suffixes on ECDHE suites of Windows 7 / 8.1 (`..._P256`). */
const CURVE_SUFFIX: Readonly<Record<string, string>> = { P256: 'secp256r1', P384: 'secp384r1', P521: 'secp521r1' };

const DEFAULT_PROTOCOLS: ProtocolVersion[] = ['TLSv1.3', 'TLSv1.2'];

/**
 * Reads a peer profile written by hand or pasted from a tool: one suite per line (IANA names,
 * OpenSSL names, or Schannel's names with a curve suffix), as `Get-TlsCipherSuite | Format-Table
 * Name` prints them (its `Name` / `----` header is skipped), or several on a line separated by
 * `:` or `,`. Lines starting with `#` are comments. Settings are lines `key: value`:
 * `protocols` (e.g. `TLSv1.2 TLSv1.3`), `server-preference` (yes/no, default yes),
 * `certificate` (RSA, ECDSA, RSA+ECDSA; default RSA), `groups`, `dh-bits`, `name`.
 * `protocols` given as an argument win over the file's. Pure: the caller reads the file.
 */
export function parsePeerFile(
  text: string,
  options: { id: string; protocols?: ProtocolVersion[] },
): { profile: PeerProfile; problems: PeerFileProblem[] } {
  const problems: PeerFileProblem[] = [];
  const known = suiteNames();
  const suites: string[] = [];
  const groups: string[] = [];
  let protocols: ProtocolVersion[] | null = null;
  let serverPreference = true;
  let certificate: CertificateType = 'RSA';
  let dhBits: number | null = null;
  let name = options.id;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#') || text === 'Name' || /^-+$/.test(text)) return;
    const setting = /^([A-Za-z-]+)\s*[:=]\s*(.*)$/.exec(text);
    if (setting) {
      const [, key, value] = setting as unknown as [string, string, string];
      switch (key.toLowerCase()) {
        case 'protocols': {
          const list = value.split(/[\s,:]+/).filter(Boolean);
          const bad = list.filter((v) => !isProtocolVersion(v));
          if (bad.length) {
            problems.push({
              line,
              severity: 'warning',
              message: `unknown protocol ${bad.join(', ')} (use SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)`,
            });
          }
          protocols = list.filter(isProtocolVersion);
          return;
        }
        case 'server-preference':
          if (!/^(yes|no|true|false)$/i.test(value)) {
            problems.push({ line, severity: 'warning', message: 'server-preference takes yes or no' });
          } else serverPreference = /^(yes|true)$/i.test(value);
          return;
        case 'certificate':
          if (value === 'RSA' || value === 'ECDSA' || value === 'RSA+ECDSA') certificate = value;
          else problems.push({ line, severity: 'warning', message: 'certificate takes RSA, ECDSA or RSA+ECDSA' });
          return;
        case 'groups':
          groups.push(...value.split(/[\s,:]+/).filter(Boolean));
          return;
        case 'dh-bits':
          if (/^\d+$/.test(value)) dhBits = Number(value);
          else problems.push({ line, severity: 'warning', message: 'dh-bits takes a number of bits' });
          return;
        case 'name':
          name = value;
          return;
        default:
          problems.push({ line, severity: 'warning', message: `unknown setting \`${key}\`` });
          return;
      }
    }
    for (const word of text.split(/[\s,:]+/).filter(Boolean)) {
      const curve = /^(TLS_ECDHE_\w+?)_(P256|P384|P521)$/.exec(word);
      const base = curve ? curve[1]! : word;
      if (curve && !groups.includes(CURVE_SUFFIX[curve[2]!]!)) groups.push(CURVE_SUFFIX[curve[2]!]!);
      const iana = known.get(base);
      if (iana === undefined) {
        problems.push({
          line,
          severity: 'warning',
          message: `\`${word}\` is not a suite name cipherx knows: left out`,
        });
        continue;
      }
      if (!suites.includes(iana)) suites.push(iana);
    }
  });

  const chosen = options.protocols ?? protocols;
  if (!chosen) {
    problems.push({ line: 0, severity: 'info', message: 'no protocols given: assuming TLSv1.3 and TLSv1.2' });
  }
  const versions = [...(chosen ?? DEFAULT_PROTOCOLS)].sort((a, b) => protocolRank(b) - protocolRank(a));
  if (suites.length === 0) problems.push({ line: 0, severity: 'warning', message: 'the file names no suite' });
  return {
    profile: {
      id: options.id,
      name,
      roles: ['server', 'client'],
      protocols: versions,
      suites,
      serverPreference,
      certificate,
      groups,
      dhBits,
      sources: [],
      hazards: [],
    },
    problems,
  };
}

/** IANA and OpenSSL names of every suite of the registered tables, to its IANA name. */
function suiteNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (openssl: string, iana: string | null) => {
    if (!iana) return;
    names.set(iana, iana);
    if (!names.has(openssl)) names.set(openssl, iana);
  };
  for (const target of OPENSSL_TARGET_NAMES) {
    const t = getTarget(target);
    if (!t) continue;
    for (const c of [...t.suites, ...t.data.tls13Suites]) add(c.name, c.stdname);
  }
  if (boringsslRegistered()) for (const s of boringsslTarget().suites) add(s.cipher.name, s.cipher.stdname);
  return names;
}
