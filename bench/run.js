#!/usr/bin/env node
// Benchmarks (npm run bench; not part of npm test). Each number is measured next to its
// baseline in the same run, and reported as a ratio:
//   1. expand() per call vs OpenSSL's own SSL_CTX_set_cipher_list (C, this machine's libssl)
//   2. CLI cold start (cipherx expand HIGH) vs `node -e 0`
//   3. time per term for 1k / 10k / 100k-term strings (linear growth means a flat column)
// Options: --quick (shorter runs), --json (machine-readable summary on stdout).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { expand, suggest, targets } from '../dist/src/index.js';
import { BASKET } from './basket.js';
import { measureOpenSSL } from './openssl-baseline.js';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const log = (...a) => {
  if (!asJson) console.log(...a);
};
const timeMs = quick ? 200 : 1000;

// 1. expand() vs OpenSSL ---------------------------------------------------------------
const bench = new Bench({ time: timeMs, warmupTime: 200 });
for (const { label, input } of BASKET) bench.add(label, () => expand(input));
await bench.run();
const openssl = await measureOpenSSL(
  BASKET.map((b) => b.input),
  { timeMs },
);

const rows = BASKET.map(({ label }, i) => {
  const task = bench.tasks.find((t) => t.name === label);
  const ours = task.result.latency.mean * 1e6; // ms → ns
  const theirs = openssl[i].nsPerCall;
  return { label, cipherxNs: Math.round(ours), opensslNs: Math.round(theirs), ratio: ours / theirs };
});
const geomean = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);

log(
  `expand() vs OpenSSL ${openssl[0].opensslVersion} SSL_CTX_set_cipher_list, same run (ns per call; ratio < 1: cipherx faster)`,
);
log(`${'string'.padEnd(36)} ${'cipherx'.padStart(9)} ${'OpenSSL'.padStart(9)} ${'ratio'.padStart(6)}`);
for (const r of rows) {
  log(
    `${r.label.padEnd(36)} ${String(r.cipherxNs).padStart(9)} ${String(r.opensslNs).padStart(9)} ${r.ratio.toFixed(2).padStart(6)}`,
  );
}
log(`${'geometric mean ratio'.padEnd(56)} ${geomean.toFixed(2).padStart(6)}`);

// 1b. expand() per target (no OpenSSL of those releases here: absolute numbers only) -----
const perTarget = [];
for (const target of targets) {
  const b = new Bench({ time: quick ? 100 : 300, warmupTime: 100 });
  for (const { label, input } of BASKET) b.add(label, () => expand(input, { target }));
  await b.run();
  const means = b.tasks.map((t) => t.result.latency.mean * 1e6);
  perTarget.push({
    target,
    geomeanNs: Math.round(Math.exp(means.reduce((s, m) => s + Math.log(m), 0) / means.length)),
  });
}
log('');
log('expand() per target: geometric mean over the basket (ns per call)');
for (const r of perTarget) log(`${r.target.padEnd(16)} ${String(r.geomeanNs).padStart(8)}`);

// 2. CLI cold start ---------------------------------------------------------------------
const bin = fileURLToPath(new URL('../bin/cipherx.js', import.meta.url));
function wall(args, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}
const runs = quick ? 9 : 31;
// Interleave so that machine noise hits both alike.
let cliMs = 0;
let nodeMs = 0;
for (let k = 0; k < 3; k++) {
  nodeMs += wall(['-e', '0'], Math.ceil(runs / 3));
  cliMs += wall([bin, 'expand', 'HIGH'], Math.ceil(runs / 3));
}
cliMs /= 3;
nodeMs /= 3;
log('');
log(
  `CLI cold start (median wall time): cipherx expand HIGH ${cliMs.toFixed(1)} ms, node -e 0 ${nodeMs.toFixed(1)} ms, ratio ${(cliMs / nodeMs).toFixed(2)}`,
);

// 3. Linearity ----------------------------------------------------------------------------
const TERMS = ['HIGH', '!aNULL', 'AES128-SHA', '-kRSA', 'ECDH+aRSA', 'FOO', '+AES256', '!MD5'];
const sizes = [1000, 10000, 100000];
log('');
log('long strings (terms cycle through ' + TERMS.join(' ') + ')');
const linear = [];
for (const n of sizes) {
  const s = Array.from({ length: n }, (_, i) => TERMS[i % TERMS.length]).join(':');
  expand(s);
  // Repeat until about a second has passed; report the median run.
  const runs = [];
  const until = Date.now() + (quick ? 300 : 1000);
  while (runs.length < 3 || Date.now() < until) {
    const t0 = process.hrtime.bigint();
    expand(s);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[Math.floor(runs.length / 2)];
  linear.push({ terms: n, bytes: s.length, ms, nsPerTerm: (ms * 1e6) / n });
  log(
    `${String(n).padStart(7)} terms (${String(s.length).padStart(7)} bytes): ${ms.toFixed(2).padStart(8)} ms, ${((ms * 1e6) / n).toFixed(0).padStart(5)} ns per term`,
  );
}

// 4. suggest: a policy on three targets (the first call fills the per-word caches) -----------
const SUGGEST_TARGETS = ['openssl-1.1.1', 'openssl-3.0', 'libressl-3.3'];
const runSuggest = () => suggest({ policy: 'mozilla-intermediate' }, { targets: SUGGEST_TARGETS });
const t0 = process.hrtime.bigint();
runSuggest();
const suggestFirstMs = Number(process.hrtime.bigint() - t0) / 1e6;
const sb = new Bench({ time: timeMs, warmupTime: 100 });
sb.add('suggest', runSuggest);
await sb.run();
const suggestMs = sb.tasks[0].result.latency.mean;
log('');
log(
  `suggest mozilla-intermediate on 3 targets (${SUGGEST_TARGETS.join(', ')}): ${suggestMs.toFixed(1)} ms per call, first call ${suggestFirstMs.toFixed(1)} ms`,
);

if (asJson) {
  console.log(
    JSON.stringify(
      {
        expand: rows,
        geomean,
        perTarget,
        cli: { cliMs, nodeMs, ratio: cliMs / nodeMs },
        linear,
        suggest: { msPerCall: suggestMs, firstCallMs: suggestFirstMs },
      },
      null,
      1,
    ),
  );
}
