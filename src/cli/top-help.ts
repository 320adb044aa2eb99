import type { Command } from './command.js';

// Kept apart from the commands' own help texts (help.ts), which read the library registry:
// `cipherx --help` loads this file and main.ts only.

/** `cipherx --help`: every command with its usage, then examples. */
export function topHelp(commands: ReadonlyArray<Pick<Command, 'usage' | 'summary'>>): string {
  const width = 50;
  const lines = commands.map((c) => {
    const usage = `  cipherx ${c.usage}`;
    return usage.length + 2 <= width
      ? `${usage.padEnd(width)}${c.summary}\n`
      : `${usage}\n${' '.repeat(width)}${c.summary}\n`;
  });
  return `cipherx: evaluate OpenSSL cipher strings exactly as OpenSSL does, without OpenSSL.

Usage:
${lines.join('')}  cipherx help [command] | --help | --version

Examples:
  cipherx expand 'HIGH:!aNULL:!MD5'                 like: openssl ciphers 'HIGH:!aNULL:!MD5'
  cipherx expand -v 'ECDH+aRSA:!AESGCM+RSA'         like: openssl ciphers -v ...
  cipherx expand --target openssl-1.1.1 DEFAULT     as OpenSSL 1.1.1 would
  cipherx expand -- '-ALL:HIGH'                     strings starting with - go after --
  cipherx expand -s --seclevel 2 'ALL'              what a context really offers at level 2
  cipherx expand --batch < strings.txt              one string per line
  cipherx lint --target openssl-1.1.1 'AES128:!RC4' unknown words, dead terms, weak suites
  cipherx explain 'HIGH:!aNULL' AES128-SHA          why AES128-SHA is there
  cipherx explain --target boringssl '[AES128-SHA|AES256-SHA]:ECDHE'   groups, item by item
  cipherx diff --target openssl-1.1.1 --target openssl-3.5 'HIGH'   upgrade impact
  cipherx negotiate --peer windows-server-2012-r2 DEFAULT            a simulated handshake
  cipherx check --policy mozilla-intermediate 'HIGH:!aNULL'           meets the policy? why not
  cipherx suggest --policy mozilla-intermediate --target openssl-3.0  a string written and proven
  cipherx minimize --target openssl-1.1.1 --target openssl-3.0 'HIGH:!aNULL:!MD5'
                                                    shorter, the same lists
  cipherx fix 'HIGH:DEFAULT:!RC4'                   lint's fixes applied, each said

Run \`cipherx help <command>\` for every option of a command.
`;
}
