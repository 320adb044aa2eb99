import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASKET } from '../bench/basket.js';
import { cipherx } from './helpers/cli.js';

// The README's examples of strings written by cipherx are what the commands print: the string on
// standard output, then what standard error says (the lists may be cut with `...` in the README).
const README = readFileSync('README.md', 'utf8');
const CISCO = BASKET[0]!.input;

/** The lines shown after a command in the README, up to the end of its block. */
function shownAfter(command: string): string[] {
  const at = README.indexOf(command);
  expect(at, command).toBeGreaterThan(0);
  const start = at + command.length;
  return README.slice(start, README.indexOf('```', start)).split('\n').slice(0, -1);
}

describe('README examples of written strings', () => {
  it('suggest: the string and the proof', () => {
    const shown = shownAfter(
      '$ cipherx suggest --policy mozilla-intermediate --target openssl-1.1.1 --target openssl-3.0 --target libressl-3.3\n',
    );
    const r = cipherx([
      'suggest',
      '--policy',
      'mozilla-intermediate',
      '--target',
      'openssl-1.1.1',
      '--target',
      'openssl-3.0',
      '--target',
      'libressl-3.3',
    ]);
    expect(r.status).toBe(0);
    expect([...r.stdout.split('\n').slice(0, -1), ...r.stderr.split('\n').slice(0, -1)]).toEqual(shown);
  });

  it('minimize: the Cisco string, the changes, and the lists as far as the README shows them', () => {
    const command = `$ cipherx minimize --target openssl-1.0.2 --target openssl-1.1.1 --target openssl-3.0 \\\n    '${CISCO}'\n`;
    const shown = shownAfter(command);
    const r = cipherx([
      'minimize',
      '--target',
      'openssl-1.0.2',
      '--target',
      'openssl-1.1.1',
      '--target',
      'openssl-3.0',
      CISCO,
    ]);
    expect(r.status).toBe(0);
    const printed = [...r.stdout.split('\n').slice(0, -1), ...r.stderr.split('\n').slice(0, -1)];
    expect(printed).toHaveLength(shown.length);
    shown.forEach((line, i) => {
      if (line.endsWith(':...')) expect(printed[i]!.startsWith(line.slice(0, -3)), line).toBe(true);
      else expect(printed[i]).toBe(line);
    });
    expect(README).toContain(`becomes ${r.stdout.trim().length} characters`);
  });
});
