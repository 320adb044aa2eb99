#!/usr/bin/env node
// Benchmarks (npm run bench; not part of npm test). Each number is measured next to its
// baseline in the same run, and reported as a ratio:
//   1. expand() per call vs OpenSSL's own SSL_CTX_set_cipher_list (C, this machine's libssl),
//      per string and as a geometric mean; then per target, against the matching C library
//      where one is installed (here only the machine's OpenSSL). Each call of cipherx gets the
//      next of 64 fresh copies of its string (bench/basket.js, copiesOf).
//   1c. lint() per call against expand() on the same string; geometric mean, and the ratio of
//      the mean call over the basket
//   2. CLI cold start (cipherx expand HIGH, lint HIGH, --help) vs `node -e 0`, interleaved
//   3. time per byte for 1k / 10k / 100k / 1M-term strings (linear growth means a flat column)
//   4. suggest() on a policy and three targets
//   5. expand --batch and lint --batch over 1,000,000 lines (bench/batch-input.js says which)
// Options: --quick (shorter runs; the batch figures from 100,000 lines, scaled), --json
// (machine-readable summary on stdout).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { expand, lint, targets } from '../dist/src/index.js';
import { suggest } from '../dist/src/write/index.js';
import { BASKET, eachCallAFreshCopy } from './basket.js';
import { BATCH_STRINGS, batchInput } from './batch-input.js';
import { measureOpenSSL } from './openssl-baseline.js';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const log = (...a) => {
  if (!asJson) console.log(...a);
};
const timeMs = quick ? 200 : 1000;

// 1. expand() vs OpenSSL ---------------------------------------------------------------
const bench = new Bench({ time: timeMs, warmupTime: 200 });
for (const { label, input } of BASKET) bench.add(label, eachCallAFreshCopy(input, expand));
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

// 1b. expand() per target, against the C library of the same release where it is installed -------
// The baseline program links this machine's libssl: its major.minor names the one target it matches.
const cVersion = /OpenSSL (\d+)\.(\d+)/.exec(openssl[0].opensslVersion);
const cTarget = cVersion ? `openssl-${cVersion[1]}.${cVersion[2]}` : null;
const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const perTarget = [];
for (const target of targets) {
  const b = new Bench({ time: quick ? 100 : 300, warmupTime: 100 });
  for (const { label, input } of BASKET)
    b.add(
      label,
      eachCallAFreshCopy(input, (s) => expand(s, { target })),
    );
  await b.run();
  const means = b.tasks.map((t) => t.result.latency.mean * 1e6);
  const matched = target === cTarget;
  perTarget.push({
    target,
    geomeanNs: Math.round(geo(means)),
    // Against the C library of this release: the geometric mean of the per-string ratios.
    ratio: matched ? geo(means.map((m, i) => m / openssl[i].nsPerCall)) : null,
    worst: matched ? Math.max(...means.map((m, i) => m / openssl[i].nsPerCall)) : null,
  });
}
log('');
log('expand() per target: geometric mean over the basket (ns per call), ratio against the same release in C');
for (const r of perTarget) {
  const vs =
    r.ratio === null
      ? 'no C build of this release installed'
      : `ratio ${r.ratio.toFixed(2)} (worst string ${r.worst.toFixed(2)})`;
  log(`${r.target.padEnd(16)} ${String(r.geomeanNs).padStart(8)}  ${vs}`);
}

// 1c. lint() against expand() ----------------------------------------------------------------
// Both in one bench, string by string, so that machine noise hits both alike.
const lintBench = new Bench({ time: quick ? 200 : 600, warmupTime: 200 });
for (const { label, input } of BASKET) {
  lintBench.add(`expand ${label}`, eachCallAFreshCopy(input, expand));
  lintBench.add(`lint ${label}`, eachCallAFreshCopy(input, lint));
}
await lintBench.run();
const meanNs = (name) => lintBench.tasks.find((t) => t.name === name).result.latency.mean * 1e6;
const lintRows = BASKET.map(({ label }) => {
  const ns = meanNs(`lint ${label}`);
  return {
    label,
    lintNs: Math.round(ns),
    expandNs: Math.round(meanNs(`expand ${label}`)),
    ratio: ns / meanNs(`expand ${label}`),
  };
});
const lintGeomean = geo(lintRows.map((r) => r.ratio));
// Per call over the basket: the mean time of a lint call on a string drawn from the basket, over
// the same for expand (long strings weigh more here than in the geometric mean).
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const lintMeanRatio = sum(lintRows.map((r) => r.lintNs)) / sum(lintRows.map((r) => r.expandNs));
log('');
log('lint() vs expand() on the same string, same run (ns per call; ratio: lint / expand)');
log(`${'string'.padEnd(36)} ${'expand'.padStart(9)} ${'lint'.padStart(9)} ${'ratio'.padStart(6)}`);
for (const r of lintRows) {
  log(
    `${r.label.padEnd(36)} ${String(r.expandNs).padStart(9)} ${String(r.lintNs).padStart(9)} ${r.ratio.toFixed(1).padStart(6)}`,
  );
}
log(`${'geometric mean ratio'.padEnd(56)} ${lintGeomean.toFixed(1).padStart(6)}`);
log(`${'ratio of the mean call over the basket'.padEnd(56)} ${lintMeanRatio.toFixed(1).padStart(6)}`);

// 2. CLI cold start ---------------------------------------------------------------------
// Each run of a round spawns every case once, so machine noise (other processes on the two
// cores) hits them alike; the figure is the median wall time of each, and its ratio to node's.
// Beside it, the children's CPU time (user + system, from /proc where there is one), which
// noise from other processes changes less.
const bin = fileURLToPath(new URL('../bin/cipherx.cjs', import.meta.url));
const COLD = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'cipherx expand HIGH', args: [bin, 'expand', 'HIGH'] },
  { label: 'cipherx lint HIGH', args: [bin, 'lint', 'HIGH'] },
  { label: 'cipherx --help', args: [bin, '--help'] },
];
/** The CPU time of this process's waited-for children so far, in ms; null without /proc. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in 10 ms ticks
  } catch {
    return null;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds = quick ? 9 : 31;
const wallMs = COLD.map(() => []);
const cpuMs = COLD.map(() => 0);
for (let k = 0; k < rounds; k++) {
  COLD.forEach(({ args, label }, i) => {
    const c0 = childrenCpuMs();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    wallMs[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (c0 !== null) cpuMs[i] += childrenCpuMs() - c0;
    // lint exits 1 on HIGH's warnings only with --fail-on warning; any other status is a failure here.
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
  });
}
const nodeWall = median(wallMs[0]);
const nodeCpu = cpuMs[0] / rounds;
const cold = COLD.map(({ label }, i) => ({
  label,
  ms: median(wallMs[i]),
  ratio: median(wallMs[i]) / nodeWall,
  cpuMs: childrenCpuMs() === null ? null : cpuMs[i] / rounds,
  cpuRatio: childrenCpuMs() === null ? null : cpuMs[i] / rounds / nodeCpu,
}));
log('');
log(`CLI cold start: median wall time of ${rounds} interleaved runs (ratio to node -e 0), mean CPU time`);
for (const c of cold) {
  log(
    `${c.label.padEnd(22)} ${c.ms.toFixed(1).padStart(7)} ms ${c.ratio.toFixed(2).padStart(5)}x` +
      (c.cpuMs === null ? '' : `   cpu ${c.cpuMs.toFixed(1).padStart(6)} ms ${c.cpuRatio.toFixed(2).padStart(5)}x`),
  );
}

// 3. Linearity ----------------------------------------------------------------------------
const TERMS = ['HIGH', '!aNULL', 'AES128-SHA', '-kRSA', 'ECDH+aRSA', 'FOO', '+AES256', '!MD5'];
const sizes = [1000, 10000, 100000, 1000000];
log('');
log('long strings (terms cycle through ' + TERMS.join(' ') + '); linear growth is a flat ns-per-byte column');
const linear = [];
for (const n of sizes) {
  const s = Array.from({ length: n }, (_, i) => TERMS[i % TERMS.length]).join(':');
  expand(s);
  // Repeat until about a second has passed (at least 3 runs); report the fastest run, the one
  // least disturbed by the rest of a shared machine (a median there moves by 2x between runs).
  let ms = Infinity;
  let count = 0;
  const until = Date.now() + (quick ? 300 : 1000);
  while (count++ < 3 || Date.now() < until) {
    const t0 = process.hrtime.bigint();
    expand(s);
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const nsPerByte = (ms * 1e6) / s.length;
  linear.push({ terms: n, bytes: s.length, ms, nsPerTerm: (ms * 1e6) / n, nsPerByte });
}
// A text plot: one bar per size, scaled to the largest.
const widest = Math.max(...linear.map((r) => r.nsPerByte));
for (const r of linear) {
  const bar = '#'.repeat(Math.max(1, Math.round((40 * r.nsPerByte) / widest)));
  log(
    `${String(r.terms).padStart(8)} terms (${String(r.bytes).padStart(8)} bytes): ${r.ms.toFixed(2).padStart(9)} ms, ${r.nsPerTerm.toFixed(0).padStart(5)} ns per term, ${r.nsPerByte.toFixed(1).padStart(6)} ns per byte ${bar}`,
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

// 5. --batch -------------------------------------------------------------------------------
// The input is generated here (bench/batch-input.js: lines drawn from 1,250 distinct strings),
// written to a temporary file that is the child's standard input; its standard output and error
// go to /dev/null, so the figure is cipherx's work, not a disk's. --quick runs 50,000 and 100,000
// lines and extends the line through them to 1,000,000 (the distinct strings cost the same in
// both, so scaling one run would overstate the time).
const LINES = 1_000_000;
const batchSizes = quick ? [LINES / 20, LINES / 10] : [LINES];
const dir = mkdtempSync(join(tmpdir(), 'cipherx-bench-'));
const batchRuns = [];
try {
  const seconds = { expand: [], lint: [] };
  for (const n of batchSizes) {
    const file = join(dir, `${n}.txt`);
    writeFileSync(file, batchInput(n));
    for (const command of ['expand', 'lint']) {
      const fd = openSync(file, 'r');
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, command, '--batch'], { stdio: [fd, 'ignore', 'ignore'] });
      seconds[command].push(Number(process.hrtime.bigint() - t0) / 1e9);
      closeSync(fd);
      // Exit 1: one of the strings empties the list and is rejected, as intended.
      if (r.status !== 1) throw new Error(`${command} --batch exited ${r.status}`);
    }
  }
  for (const command of ['expand', 'lint']) {
    const [a, b] = seconds[command];
    const perMillion = quick ? b + ((b - a) / (batchSizes[1] - batchSizes[0])) * (LINES - batchSizes[1]) : a;
    batchRuns.push({ command, lines: batchSizes, seconds: seconds[command], perMillion });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
log('');
log(
  `--batch over ${LINES.toLocaleString('en')} lines (${BATCH_STRINGS.length} distinct strings; bench/batch-input.js)` +
    (quick ? ': --quick ran 50,000 and 100,000 lines and extends the line through them' : ''),
);
for (const b of batchRuns) {
  log(
    `cipherx ${b.command} --batch`.padEnd(24) +
      `${b.perMillion.toFixed(1).padStart(7)} s` +
      (quick ? `   (${b.seconds.map((x) => x.toFixed(2)).join(' s, ')} s)` : ''),
  );
}

if (asJson) {
  console.log(
    JSON.stringify(
      {
        expand: rows,
        geomean,
        perTarget,
        lint: lintRows,
        lintGeomean,
        lintMeanRatio,
        cold,
        linear,
        batch: batchRuns,
        suggest: { msPerCall: suggestMs, firstCallMs: suggestFirstMs },
      },
      null,
      1,
    ),
  );
}
