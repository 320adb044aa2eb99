import { libraries } from '../library/registry.js';
import { boringsslTable, isLoaded, opensslTable } from '../library/tables.js';
import { isProtocolVersion, protocolRank, type ProtocolVersion } from '../supported/protocol.js';
import { peerData, peersRegistered, type CertificateType, type PeerProfile } from './peers.js';

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

const SETTINGS = ['protocols', 'server-preference', 'certificate', 'groups', 'dh-bits', 'name'];

/** Lines past this many problems are summed up in one: a binary file must not flood the output. */
const MAX_PROBLEMS = 20;

/** A word as it can be shown safely: control and non-ASCII characters as escapes. */
function printable(word: string): string {
  const shown = word.length > 60 ? `${word.slice(0, 60)}…` : word;
  return shown.replace(/[^\x20-\x7e…]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
    // `key: value` is a setting when the key is one; `word: value` with a space after the colon
    // is a mistyped setting; anything else is suite names (`AES128-SHA:AES256-SHA` too).
    const setting = /^([A-Za-z-]+)\s*[:=]\s*(.*)$/.exec(text);
    const key = setting?.[1]?.toLowerCase() ?? '';
    if (setting && (SETTINGS.includes(key) || (/^[A-Za-z-]+\s*[:=]\s/.test(text) && !known.has(setting[1]!)))) {
      const value = setting[2] ?? '';
      switch (key) {
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
          problems.push({
            line,
            severity: 'warning',
            message: `unknown setting \`${printable(setting[1]!)}\` (settings: ${SETTINGS.join(', ')})`,
          });
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
          message: `\`${printable(word)}\` is not a suite name cipherx knows: left out`,
        });
        continue;
      }
      if (!suites.includes(iana)) suites.push(iana);
    }
  });

  const chosen = options.protocols ?? protocols;
  if (!chosen && suites.length > 0) {
    problems.push({ line: 0, severity: 'info', message: 'no protocols given: assuming TLSv1.3 and TLSv1.2' });
  }
  const versions = [...(chosen ?? DEFAULT_PROTOCOLS)].sort((a, b) => protocolRank(b) - protocolRank(a));
  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, rest, {
      line: 0,
      severity: 'warning',
      message: `${rest} more ${rest === 1 ? 'problem' : 'problems'} left out`,
    });
  }
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
  for (const lib of libraries()) {
    if (!isLoaded(lib)) continue;
    if (lib.family === 'boringssl') {
      for (const s of boringsslTable(lib).suites) add(s.cipher.name, s.cipher.stdname);
    } else {
      const t = opensslTable(lib);
      for (const c of [...t.suites, ...t.data.tls13Suites]) add(c.name, c.stdname);
    }
  }
  if (peersRegistered()) for (const name of peerData().extraNames) add(name, name);
  return names;
}
