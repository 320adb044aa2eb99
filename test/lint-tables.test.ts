// The CLI loads other releases' tables only as lint needs them (lint-command.ts tablesOnDemand);
// the library has every table. This proves the two give the same lint result, on every target,
// for strings that use each finding that looks at other releases: aliases a later release
// dropped, commands and names in another case, DEFAULT in lower case, words unknown here but
// known elsewhere, and strings with none of these.
import { describe, expect, it } from 'vitest';
import { lint, targets } from '../src/index.js';
import { cipherx } from './helpers/cli.js';

const STRINGS = [
  'HIGH',
  'DEFAULT',
  'ALL:COMPLEMENTOFALL',
  'HIGH:!aNULL:!MD5',
  'SSLv3:HIGH',
  'FIPS:!aNULL',
  'HIGH:@strength',
  'HIGH:@seclevel=1',
  'HIGH:@STRENGTH:@SECLEVEL=2',
  'default:!RC4',
  'high:!anull',
  'aes128-sha:AES256-SHA',
  'HIGH:EXPORT',
  'HIGH:!EXPORT:!SSLv2:!LOW',
  'kEDH+AESGCM:ECDHE+CHACHA20',
  'TLSv1.2:!aNULL:!eNULL',
  'ECDH+AESGCM:DH+AESGCM:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:RSA+AESGCM:RSA+AES:!aNULL:!MD5:!DSS',
];

describe('lint on the command line = lint() with every table', () => {
  it.each([...targets])('%s', (target) => {
    const r = cipherx(['lint', '--batch', '--json', '--target', target], STRINGS.join('\n') + '\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(STRINGS.length);
    lines.forEach((line, k) => {
      const input = STRINGS[k]!;
      const l = lint(input, { target });
      expect(JSON.parse(line), input).toEqual(
        JSON.parse(JSON.stringify({ input, target, ok: l.ok, diagnostics: l.diagnostics, security: l.security })),
      );
    });
  });
});
