import type { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { escapeControls } from '../core/characters.js';
import { renderNegotiation, renderNegotiationMatrix } from '../format/negotiate-text.js';
import { negotiate, peers, type NegotiateOptions, type Negotiation, type Role } from '../negotiate/negotiate.js';
import { parsePeerFile } from '../negotiate/peer-file.js';
import { registerPeerData, type CertificateType, type PeerId, type PeerProfile } from '../negotiate/peers.js';
import { isProtocolVersion, type ProtocolVersion } from '../supported/protocol.js';
import { UsageError, parseCommandArgs } from './args.js';
import { readFileCapped } from './read-file.js';
import type { Command, Io } from './command.js';
import { contextHelp, contextOptions, loadAllLibraries, readLibrary, targetHelp } from './options.js';
import { peerFileText } from './peer-file-text.js';

export const NEGOTIATE_HELP =
  (): string => `Usage: cipherx negotiate (--peer ID | --peer-file FILE | --all-peers) [options] [--] <cipher-string>
       cipherx negotiate --list-peers

Simulates the handshake between our side (a context set up with <cipher-string> on the
target release) and a known peer: the protocol version they settle on, the suite the
server picks from what both can use at that version (by the server's own order when it
prefers it, else by the client's), and the known hazards of that peer, version and suite,
each with its source. Our side offers what \`cipherx expand -s\` shows.

Examples:
  cipherx negotiate --target openssl-3.0 --peer windows-server-2012-r2 DEFAULT
  cipherx negotiate --peer exchange-2013-smtp-pre-cu8 'HIGH:!aNULL'
  cipherx negotiate --role server --peer java-8 'ECDHE+AESGCM'
  cipherx negotiate --all-peers --target openssl-3.5 DEFAULT      a compatibility matrix
  cipherx negotiate --peer-file suites.txt --peer-protocols TLSv1.2 DEFAULT

The peer:
  --peer ID            a built-in profile (--list-peers shows them, with their sources)
  --peer-file FILE     your own: suite names one per line (IANA or OpenSSL names, or
                       several separated by ':' or ','; the output of PowerShell
                       \`Get-TlsCipherSuite | Format-Table Name\` works as it is, UTF-8 or
                       UTF-16; at most 4 MiB), '#' comments, and optional settings, one
                       per line:
                         protocols: TLSv1.2 TLSv1.3      default TLSv1.2 and TLSv1.3
                         server-preference: yes|no       default yes (as Schannel)
                         certificate: RSA|ECDSA|RSA+ECDSA  default RSA
                         groups: x25519 secp256r1        default: not recorded (any)
                         dh-bits: 2048                   its DHE group size as a server
                         name: Mail server               shown in the output
  --peer-protocols L   with --peer-file: its protocol versions, e.g. TLSv1.2,TLSv1.3
  --all-peers          every built-in profile that can play the other role: one row each

Our side:
${targetHelp()}\
  --role client|server our role (default client: we connect to the peer)
${contextHelp(['ciphersuites', 'seclevel', 'strict'])}\
  --min-protocol V, --max-protocol V
                       our protocol range (SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)
  --psk, --srp         PSK / SRP is set up on our side
  --cert TYPE          as server: our certificate, RSA (default), ECDSA or RSA+ECDSA
  --server-preference  as server: choose by our order (OpenSSL's default is the client's)

Output:
  --json               the negotiation object(s) of the library's negotiate() as JSON
  -h, --help           this text

The model covers what the cipher configuration decides: versions, suites, preference,
certificate type, shared curves. What it does not see (signature algorithms of real
certificates, extensions, middleboxes) enters only through the cited hazards.

Exit status: 0 the handshake completes (--all-peers: with every peer), 1 it fails (with
any peer) or our string is rejected, 2 usage error.
`;

/** `cipherx negotiate`: a simulated handshake with a known peer. */
export const negotiateCommand: Command = {
  name: 'negotiate',
  usage: 'negotiate (--peer ID | --peer-file FILE | --all-peers) [options] [--] <string>',
  summary: 'which protocol and suite a known peer ends up with',
  help: NEGOTIATE_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('negotiate', args, {
    peer: { type: 'string' },
    'peer-file': { type: 'string' },
    'peer-protocols': { type: 'string' },
    'all-peers': { type: 'boolean' },
    'list-peers': { type: 'boolean' },
    target: { type: 'string' },
    role: { type: 'string' },
    ciphersuites: { type: 'string' },
    seclevel: { type: 'string' },
    strict: { type: 'boolean' },
    'min-protocol': { type: 'string' },
    'max-protocol': { type: 'string' },
    psk: { type: 'boolean' },
    srp: { type: 'boolean' },
    cert: { type: 'string' },
    'server-preference': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(NEGOTIATE_HELP());
    return 0;
  }
  await loadPeers();
  if (values['list-peers']) {
    io.stdout.write(values.json ? JSON.stringify(peers()) + '\n' : listPeers(peers()));
    return 0;
  }
  const chosen = [values.peer, values['peer-file'], values['all-peers']].filter((v) => v !== undefined);
  if (chosen.length !== 1) throw new UsageError('name the peer with one of --peer ID, --peer-file FILE or --all-peers');
  if (values['peer-protocols'] !== undefined && values['peer-file'] === undefined) {
    throw new UsageError('--peer-protocols goes with --peer-file (a built-in profile has its own)');
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'negotiate needs our cipher string, e.g. cipherx negotiate --peer windows-server-2016 DEFAULT'
        : `negotiate takes one cipher string, got ${positionals.length}; quote the string so the shell keeps it whole`,
    );
  }
  const lib = await readLibrary(values.target, io.stderr);
  const role = values.role ?? 'client';
  if (role !== 'client' && role !== 'server') throw new UsageError('--role takes client or server');
  // Peer files may use OpenSSL names of any release: every table is needed to read them.
  if (values['peer-file'] !== undefined) await loadAllLibraries();
  const { target, ciphersuites, seclevel, strict } = contextOptions(lib, values);

  const base: Omit<NegotiateOptions, 'peer'> = {
    local: positionals[0]!,
    target: target!,
    role,
    ...(ciphersuites !== undefined ? { ciphersuites } : {}),
    ...(seclevel !== undefined ? { seclevel } : {}),
    ...(strict !== undefined ? { strict } : {}),
    supported: {
      ...(values['min-protocol'] !== undefined
        ? { minProtocol: protocolOf('--min-protocol', values['min-protocol']) }
        : {}),
      ...(values['max-protocol'] !== undefined
        ? { maxProtocol: protocolOf('--max-protocol', values['max-protocol']) }
        : {}),
      ...(values.psk ? { psk: true } : {}),
      ...(values.srp ? { srp: true } : {}),
    },
    ...(values.cert !== undefined ? { certificate: certificateOf(values.cert, role) } : {}),
    ...(values['server-preference'] ? { serverPreference: serverPreferenceOf(role) } : {}),
  };

  const results = await runNegotiations(values, base, role, io);
  if (values.json) io.stdout.write(JSON.stringify(values['all-peers'] ? results : results[0]) + '\n');
  else io.stdout.write(values['all-peers'] ? renderNegotiationMatrix(results) : renderNegotiation(results[0]!));
  return results.every((n) => n.ok) ? 0 : 1;
}

async function runNegotiations(
  values: { peer?: string; 'peer-file'?: string; 'peer-protocols'?: string; 'all-peers'?: boolean },
  base: Omit<NegotiateOptions, 'peer'>,
  role: Role,
  io: { stderr: Writable },
): Promise<Negotiation[]> {
  // A built-in id is checked by negotiate() itself: an unknown one is its TypeError, a usage error here.
  const run = (peer: PeerId | PeerProfile) => {
    try {
      return negotiate({ ...base, peer });
    } catch (e) {
      if (e instanceof TypeError) throw new UsageError(e.message.replace(/^(negotiate|expand): /, ''));
      throw e;
    }
  };
  if (values['all-peers']) {
    const peerRole = role === 'client' ? 'server' : 'client';
    return peers()
      .filter((p) => p.roles.includes(peerRole))
      .map((p) => run(p.id as PeerId));
  }
  if (values.peer !== undefined) return [run(values.peer as PeerId)];
  const file = values['peer-file']!;
  const bytes = await readFileCapped(file, '--peer-file');
  const text = peerFileText(bytes);
  const protocols = values['peer-protocols'] !== undefined ? protocolList(values['peer-protocols']) : undefined;
  const { profile, problems } = parsePeerFile(text, { id: basename(file), ...(protocols ? { protocols } : {}) });
  const shownFile = escapeControls(file);
  for (const p of problems)
    io.stderr.write(`${shownFile}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${escapeControls(p.message)}\n`);
  if (profile.suites.length === 0) throw new UsageError(`--peer-file ${shownFile} names no suite cipherx knows`);
  return [run(profile)];
}

/** The peer profiles, read as a file as the tables are (load-target.ts): the bundle keeps no copy. */
async function loadPeers(): Promise<void> {
  registerPeerData(JSON.parse(readFileSync(new URL('../../data/peers.json', import.meta.url), 'utf8')) as unknown);
}

function listPeers(list: readonly PeerProfile[]): string {
  return list
    .map(
      (p) =>
        `${p.id.padEnd(28)} ${p.name}\n${' '.repeat(29)}plays: ${p.roles.join(', ')}; ${p.protocols.join(' ')}; ${p.suites.length} suites\n` +
        p.sources.map((s) => `${' '.repeat(29)}${s.title} <${s.url}>\n`).join(''),
    )
    .join('');
}

function protocolOf(flag: string, v: string): ProtocolVersion {
  if (!isProtocolVersion(v))
    throw new UsageError(`${flag} takes SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3, not ${JSON.stringify(v)}`);
  return v;
}

function protocolList(text: string): ProtocolVersion[] {
  return text
    .split(/[\s,:]+/)
    .filter(Boolean)
    .map((v) => protocolOf('--peer-protocols', v));
}

function certificateOf(text: string, role: Role): CertificateType {
  if (role !== 'server') throw new UsageError('--cert describes our certificate as a server: add --role server');
  const upper = text.toUpperCase();
  if (upper !== 'RSA' && upper !== 'ECDSA' && upper !== 'RSA+ECDSA')
    throw new UsageError('--cert takes RSA, ECDSA or RSA+ECDSA');
  return upper;
}

function serverPreferenceOf(role: Role): boolean {
  if (role !== 'server') throw new UsageError('--server-preference applies to our side as a server: add --role server');
  return true;
}
