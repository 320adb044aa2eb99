// Packs the package as `npm publish` would, checks that the tarball holds exactly what users
// need, installs it into a scratch project and uses it there: the library from ESM, the
// `cipherx` bin, and the types under `moduleResolution` nodenext and bundler.
//
//   node scripts/check-package.js [--keep]   (--keep leaves the scratch directory in place)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const keep = process.argv.includes('--keep');
const failures = [];
const fail = (message) => failures.push(message);

function run(command, args, cwd, options = {}) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const scratch = mkdtempSync(join(tmpdir(), 'cipherx-pack-'));
try {
  // 1. Pack (runs `prepack`, a clean build; nothing runs when the tarball is installed).
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], root));
  const tarball = join(scratch, packed.filename);
  const files = packed.files.map((f) => f.path).sort();

  // 2. Exactly what users need: the bin, the compiled library (JS and declarations; the CLI's
  //    JS but not its declarations), the JSON tables the library imports from dist/data/.
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^CHANGELOG\.md$/,
    /^bin\/cipherx\.cjs$/,
    /^dist\/src\/cli\/[^/]+\.cjs$/,
    /^dist\/src\/(?!cli\/).+\.(js|d\.ts)$/,
    /^dist\/src\/cli\/[^/]+\.js$/,
    /^dist\/data\/[^/]+\.json$/,
    /^dist\/data\/policies\/[^/]+\.json$/,
    /^docs\/diagnostics\/[^/]+\.md$/,
  ];
  for (const f of files) if (!allowed.some((re) => re.test(f))) fail(`unexpected file in the tarball: ${f}`);
  const tables = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.json'));
  // The tables of targets: the data files that name the library they belong to.
  const targetTables = tables.filter(
    (f) => typeof JSON.parse(readFileSync(join(root, 'data', f), 'utf8')).target === 'string',
  );
  const required = [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'bin/cipherx.cjs',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/cli/main.js',
    ...tables.map((f) => `dist/data/${f}`),
    // The named policies the library imports.
    ...readdirSync(join(root, 'data', 'policies')).map((f) => `dist/data/policies/${f}`),
    // The pages the help texts and messages point at, one per code.
    ...readdirSync(join(root, 'docs', 'diagnostics')).map((f) => `docs/diagnostics/${f}`),
  ];
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) {
    if (manifest.scripts?.[hook])
      fail(`package.json has a ${hook} script, which would run when users install the tarball`);
  }
  for (const f of required) if (!files.includes(f)) fail(`missing from the tarball: ${f}`);
  console.log(
    `tarball: ${packed.filename}, ${files.length} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`,
  );

  // 3. Install it, offline: the package has no run-time dependencies.
  const consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], consumer);

  // 4. The library, imported by name.
  const library = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { expand, formatCiphers, targets, negotiate, lint } from 'cipherx';
       import { scan } from 'cipherx/scan';
       import { suggest, minimize, fix } from 'cipherx/write';
       const r = expand('HIGH:!aNULL', { target: 'openssl-3.0' });
       if (!r.ok || r.ciphers.length === 0) throw new Error('expand failed');
       if (targets.length !== ${targetTables.length}) throw new Error('targets: ' + targets.join());
       for (const t of targets) if (!expand('DEFAULT', { target: t }).ok) throw new Error('DEFAULT on ' + t);
       if (!negotiate({ local: 'DEFAULT', peer: 'java-17' }).ok) throw new Error('negotiate failed');
       lint('HIGH:!RC4', { target: 'openssl-3.0' });
       const host = { readFile: () => ({ text: 'http { server { listen 443 ssl; ssl_ciphers HIGH; } }' }), listDirectory: () => null };
       if (scan(['/etc/nginx/nginx.conf'], host).settings[0]?.string !== 'HIGH') throw new Error('scan failed');
       if (!suggest({ policy: 'mozilla-intermediate' }, { targets: ['openssl-3.0'] }).ok) throw new Error('suggest failed');
       if (!minimize('HIGH:!aNULL:!aNULL', { targets: ['openssl-3.0'] }).ok) throw new Error('minimize failed');
       if (!fix('HIGH:FOO', { targets: ['openssl-3.0'] }).ok) throw new Error('fix failed');
       process.stdout.write(formatCiphers(r.ciphers, 'plain'));`,
    ],
    consumer,
  );
  const expected = run(process.execPath, [join(root, 'bin/cipherx.cjs'), 'expand', 'HIGH:!aNULL'], root);
  if (library !== expected)
    fail(`the installed library prints\n${library}\nwhere the repository's CLI prints\n${expected}`);

  // 5. The bin, as npx finds it, on tables loaded on demand and on the peer profiles.
  for (const args of [
    ['expand', 'HIGH'],
    ['expand', '--target', 'boringssl', '-v', 'ALL'],
    ['expand', '--target', 'openssl-3.6', '-v', 'ALL'], // a delta: loads 3.6, 3.5 and 3.0 (data/README.md)
    ['negotiate', '--peer', 'windows-server-2012-r2', 'DEFAULT'],
    ['--version'],
  ]) {
    const got = run('npx', ['--no-install', 'cipherx', ...args], consumer);
    const want = run(process.execPath, [join(root, 'bin/cipherx.cjs'), ...args], root);
    if (got !== want) fail(`npx cipherx ${args.join(' ')} prints\n${got}\nwhere the repository prints\n${want}`);
  }

  // 6. The types, as a TypeScript user sees them: no @types/node, declarations checked too.
  writeFileSync(
    join(consumer, 'consumer.ts'),
    `import { expand, formatCiphers, negotiate, peers, type ExpandResult, type TargetName, type PeerProfile } from 'cipherx';
const target: TargetName = 'openssl-3.5';
const result: ExpandResult = expand('HIGH:!aNULL', { target, supported: true });
const text: string = formatCiphers(result.ciphers, 'v', target);
const profiles: readonly PeerProfile[] = peers();
const suite: string | undefined = negotiate({ local: 'DEFAULT', peer: 'java-17' }).suite?.name;
// @ts-expect-error not a target
expand('HIGH', { target: 'openssl-9.9' });
export { text, profiles, suite };
`,
  );
  // A tsconfig, not flags: `types: []` has no command-line spelling.
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        target: 'es2022',
        lib: ['es2022'],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  for (const [module, moduleResolution] of [
    ['nodenext', 'nodenext'],
    ['preserve', 'bundler'],
  ]) {
    try {
      run(process.execPath, [tsc, '-p', '.', '--module', module, '--moduleResolution', moduleResolution], consumer);
      console.log(`types: moduleResolution ${moduleResolution} ok`);
    } catch (err) {
      fail(`tsc --moduleResolution ${moduleResolution}:\n${err.stdout}${err.stderr}`);
    }
  }
} catch (err) {
  fail(`${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  for (const f of failures) console.error(`check-package: ${f}`);
  process.exit(1);
}
console.log('check-package: the packed package installs and works');
