// How each product is started from a fixture: the fixture's placeholders filled in (ports, the
// certificate's and the run folder's paths), written where the server reads it, and the server
// run in the foreground as a child of the test, so that stopping the child stops it all.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENSSL_ENV, startServer, type Credentials, type Endpoint, type RunningServer } from './harness.js';

export type ServerProduct = 'nginx' | 'haproxy' | 'postfix';

/** A fixture made ready to run: the file(s) the server runs, which `scan` reads too. */
export interface Prepared {
  /** The paths to hand to `cipherx scan`. */
  scanPaths: string[];
  /** The configuration text after substitution (product facts read it). */
  text: string;
  /** Where the TLS is. */
  endpoint: Endpoint;
  start(): Promise<RunningServer>;
}

/** The binaries, as Debian installs them. */
export const BINARIES: Record<ServerProduct, string> = {
  nginx: '/usr/sbin/nginx',
  haproxy: '/usr/sbin/haproxy',
  postfix: '/usr/lib/postfix/sbin/master',
};

/** `@PORT@`, `@RUN@`, `@RSA_CERT@`, ... replaced; an unknown placeholder is an error in the fixture. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/@([A-Z_]+)@/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`fixture placeholder ${whole} has no value`);
    return values[name]!;
  });
}

function placeholders(port: number, run: string, c: Credentials): Record<string, string> {
  return {
    PORT: String(port),
    RUN: run,
    RSA_CERT: c.rsaCert,
    RSA_KEY: c.rsaKey,
    RSA_PEM: c.rsaPem,
    ECDSA_CERT: c.ecdsaCert,
    ECDSA_KEY: c.ecdsaKey,
    ECDSA_PEM: c.ecdsaPem,
    DHPARAM: c.dhparam,
  };
}

/**
 * Prepares one fixture in `run` (a fresh temp folder). nginx: `nginx -p RUN -c FILE -g 'daemon
 * off; ...'` (the run-time settings on the command line, so the fixture stays as written);
 * HAProxy: `haproxy -db -f FILE`; Postfix: a private instance (main.cf from the fixture,
 * master.cf with only the services smtpd needs on the port, queue and data folders in RUN) whose
 * master runs in the foreground (`master -d -c DIR`).
 */
export function prepare(product: ServerProduct, fixture: string, port: number, run: string, c: Credentials): Prepared {
  const values = placeholders(port, run, c);
  const text = substitute(readFileSync(fixture, 'utf8'), values);
  const tcp: Endpoint = { port };
  switch (product) {
    case 'nginx': {
      const file = join(run, 'nginx.conf');
      writeFileSync(file, text);
      const globals = `daemon off; pid ${join(run, 'nginx.pid')}; error_log stderr notice;`;
      return {
        scanPaths: [file],
        text,
        endpoint: tcp,
        start: () => startServer('nginx', BINARIES.nginx, ['-p', run, '-c', file, '-g', globals], port, run),
      };
    }
    case 'haproxy': {
      const file = join(run, 'haproxy.cfg');
      writeFileSync(file, text);
      return {
        scanPaths: [file],
        text,
        endpoint: tcp,
        start: () => startServer('haproxy', BINARIES.haproxy, ['-db', '-f', file], port, run),
      };
    }
    case 'postfix': {
      const conf = join(run, 'conf');
      mkdirSync(conf);
      const mainCf = join(conf, 'main.cf');
      writeFileSync(mainCf, text);
      const masterCf = join(conf, 'master.cf');
      writeFileSync(masterCf, substitute(readFileSync(join(fixture, '..', '..', 'master.cf'), 'utf8'), values));
      // Whatever else the fixture's folder holds (an openssl.cnf that main.cf names) goes beside main.cf.
      for (const other of readdirSync(join(fixture, '..'))) {
        if (other !== 'main.cf')
          writeFileSync(join(conf, other), substitute(readFileSync(join(fixture, '..', other), 'utf8'), values));
      }
      for (const d of ['queue', 'data']) mkdirSync(join(run, d));
      return {
        scanPaths: [conf],
        text,
        endpoint: { port, starttls: 'smtp' },
        start: async () => {
          if (!existsSync(BINARIES.postfix)) {
            throw new Error(
              `${BINARIES.postfix} is missing: install Postfix with: bash scripts/install-server-deps.sh`,
            );
          }
          postfixOwn(join(run, 'data'));
          // `postfix check` makes the queue's folders with the owners and modes master expects.
          const check = spawnSync('/usr/sbin/postfix', ['-c', conf, 'check'], { encoding: 'utf8', env: OPENSSL_ENV });
          if (check.error || check.status !== 0)
            throw new Error(`postfix -c ${conf} check failed: ${check.error?.message ?? ''}${check.stderr}`);
          return startServer('postfix', BINARIES.postfix, ['-d', '-c', conf], port, run);
        },
      };
    }
  }
}

/** Postfix's data_directory belongs to mail_owner (`postfix`, made by Debian's package). */
function postfixOwn(dir: string): void {
  const r = spawnSync('id', ['-u', 'postfix'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postfix'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0)
    throw new Error('no `postfix` user: install Postfix with: bash scripts/install-server-deps.sh');
  chownSync(dir, Number(r.stdout.trim()), Number(g.stdout.trim()));
}
