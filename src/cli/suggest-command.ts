import { renderSuggestionNotes, renderSuggestionString } from '../format/suggest-text.js';
import { policyIds } from '../policy/policies.js';
import { suggest, type Suggestion, type SuggestRequest } from '../write/suggest.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command, Io } from './command.js';
import { loadAllLibraries, readLibraries, sharedContext, targetHelp } from './options.js';
import { readPolicy } from './policy-option.js';

export const SUGGEST_HELP = (): string => `Usage: cipherx suggest --policy NAME [--target NAME ...] [options]
       cipherx suggest --suites A,B,C [--target NAME ...] [options]

Writes the shortest cipher string it finds that gives, on every target, exactly the
requested suites that target has, in the requested order, and proves it: the string is
evaluated on each target and the list each one gives is printed. Words are aliases every
target knows and their compounds (ECDHE+AESGCM), suite names, bans (!X) first, moves (+X)
and @STRENGTH; fewest elements, then fewest characters, within that vocabulary.

Example:
  $ cipherx suggest --policy mozilla-intermediate --target openssl-3.0
  ECDH+AESGCM:+AES256:ECDH+CHACHA20
  proof: the list the string gives on each target (TLS 1.2 and below), as asked:
    openssl-3.0  ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:...

  The string goes to standard output alone, so it composes:
  nginx: ssl_ciphers $(cipherx suggest --policy mozilla-intermediate --target openssl-3.0);

Options:
  --policy NAME        a named policy: ${policyIds().join(', ')}
  --suites LIST        suites, in the order wanted, ',' or ':'-separated (OpenSSL or IANA names)
${targetHelp('; give it once per target the string must serve')}\
  --seclevel N         the security level the context starts with (0-5)
  --json               the whole answer as one JSON object on standard output
  -h, --help           this text

The list a cipher string controls is TLS 1.2 and below; the proof evaluates it with no
TLS 1.3 list. TLS 1.3 suites are set apart (SSL_CTX_set_ciphersuites, -ciphersuites): the
notes give the value per target, or say the default already gives them, or that the
library fixes them (BoringSSL). Suites a target lacks are named.

Exit status: 0 one string serves every target, 1 none does (the closest common string,
what differs, and one string per target are on standard error), 2 usage error.
`;

/** \`cipherx suggest\`: 0 one string for all, 1 none, 2 usage. */
export const suggestCommand: Command = {
  name: 'suggest',
  usage: 'suggest (--policy NAME | --suites LIST) [--target NAME ...]',
  summary: 'the shortest string giving a policy or a list on every target, proven',
  help: SUGGEST_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('suggest', args, {
    policy: { type: 'string' },
    suites: { type: 'string' },
    target: { type: 'string', multiple: true },
    seclevel: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SUGGEST_HELP());
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `suggest takes no cipher string (got ${JSON.stringify(positionals[0])}); see cipherx suggest --help`,
    );
  }
  const request = readRequest(values.policy, values.suites);
  const libs = await readLibraries(values.target, io.stderr);
  const targets = libs.map((l) => l.name);
  // A suite is looked up by its names on every release (1.0.2 has no IANA names).
  await loadAllLibraries();
  const { seclevel } = sharedContext(libs, { seclevel: values.seclevel });
  let answer: Suggestion;
  try {
    answer = suggest(request, { targets, ...(seclevel === undefined ? {} : { seclevel }) });
  } catch (e) {
    // The library's refusals of the request (an unknown name, a suite twice) are usage errors here.
    if (e instanceof TypeError && e.message.startsWith('suggest: ')) {
      throw new UsageError(e.message.slice('suggest: '.length));
    }
    throw e;
  }
  if (values.json) io.stdout.write(JSON.stringify(answer) + '\n');
  else {
    io.stdout.write(renderSuggestionString(answer));
    io.stderr.write(renderSuggestionNotes(answer));
  }
  return answer.ok ? 0 : 1;
}

function readRequest(policy: string | undefined, suites: string | undefined): SuggestRequest {
  if (policy !== undefined && suites !== undefined) throw new UsageError('give --policy or --suites, not both');
  if (policy !== undefined) {
    return { policy: readPolicy(policy) };
  }
  if (suites !== undefined) {
    const names = suites.split(/[,:]/).map((s) => s.trim());
    if (names.some((n) => n === '')) throw new UsageError('--suites takes names separated by , or : (an empty name)');
    return { suites: names };
  }
  throw new UsageError(
    'suggest needs --policy NAME or --suites LIST, e.g. cipherx suggest --policy mozilla-intermediate (see cipherx suggest --help)',
  );
}
