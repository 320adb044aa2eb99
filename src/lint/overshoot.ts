import type { TermTrace } from '../core/trace.js';
import type { Cipher, Diagnostic } from '../core/types.js';
import { severityOf } from '../diagnostics/registry.js';
import { knownSuiteId, suiteId } from './suite-ids.js';
import type { ExpandResult } from '../types.js';

/** Suite families a broad alias brings in that a server with a certificate cannot or should not use. */
const FAMILIES: Array<{ name: string; test: (c: Cipher) => boolean; exclude: string; boringssl?: string }> = [
  // BoringSSL prints ECDHE-PSK as Kx=ECDH Au=PSK, and its `PSK` is plain PSK only: `aPSK` covers both.
  { name: 'PSK', test: (c) => c.kx.includes('PSK') || c.au === 'PSK', exclude: '!PSK', boringssl: '!aPSK' },
  { name: 'SRP', test: (c) => c.kx.startsWith('SRP'), exclude: '!SRP' },
  { name: 'anonymous', test: (c) => c.au === 'None', exclude: '!aNULL' },
  { name: 'NULL-encryption', test: (c) => c.enc === 'None', exclude: '!eNULL' },
  { name: 'CCM8', test: (c) => c.enc.startsWith('AESCCM8'), exclude: '!AESCCM8' },
  { name: 'GOST', test: (c) => c.kx.includes('GOST') || c.au.includes('GOST'), exclude: '!kGOST' },
];

/**
 * Broad aliases (`AES128`, `HIGH`, `ALL`...) that bring suites of families the user probably did
 * not mean and that stay in the final list: PSK and SRP need a pre-shared key or SRP set up,
 * anonymous and NULL suites give no authentication or no encryption, CCM8 has a short tag.
 */
export function overshoot(
  result: ExpandResult & { trace: TermTrace[] },
  input: string,
  boring: boolean,
  emit: (d: Diagnostic) => void,
): void {
  // The families of each suite of the final list, as bits over FAMILIES, entered in `final`.
  const final = nextFinal();
  let any = false;
  for (const c of result.ciphers) {
    const bits = familiesOf(c);
    if (bits !== 0) {
      enter(final, c.name, bits);
      any = true;
    }
  }
  if (!any) return;
  // An equal-preference group is judged item by item: each item is an element of its own.
  for (const x of result.trace) {
    if (x.items) for (const e of x.items) overshootOf(e, final, input, boring, emit);
    else overshootOf(x, final, input, boring, emit);
  }
}

/**
 * The family bits of the final list's suites, by name, without a map made per call: by the
 * numbers of their names (suite-ids.ts), a call's entries being those stamped with its `epoch`
 * (lint is synchronous, so one call at a time uses them).
 */
interface FinalFamilies {
  epoch: number;
}
let stamps = new Int32Array(256);
let familyOfId = new Int32Array(256);
let epoch = 0;

function nextFinal(): FinalFamilies {
  // Stamps are 32-bit: after 2^31 calls they start again from a clean slate.
  if (++epoch > 0x7fffffff) {
    stamps.fill(0);
    epoch = 1;
  }
  return { epoch };
}

function enter(final: FinalFamilies, name: string, bits: number): void {
  const id = suiteId(name);
  if (id >= stamps.length) {
    const size = Math.max(2 * stamps.length, id + 1);
    const grownStamps = new Int32Array(size);
    grownStamps.set(stamps);
    stamps = grownStamps;
    const grownFamilies = new Int32Array(size);
    grownFamilies.set(familyOfId);
    familyOfId = grownFamilies;
  }
  stamps[id] = final.epoch;
  familyOfId[id] = bits;
}

/** The families of a suite of the final list by name; 0 for a suite not in it (or of no family). */
function familiesIn(final: FinalFamilies, name: string): number {
  const id = knownSuiteId(name);
  return id !== undefined && id < stamps.length && stamps[id] === final.epoch ? familyOfId[id]! : 0;
}

/** The families of a suite, as bits over FAMILIES; a table's frozen suites are judged once. */
function familiesOf(c: Cipher): number {
  let bits = familyBits.get(c);
  if (bits !== undefined) return bits;
  bits = 0;
  for (let f = 0; f < FAMILIES.length; f++) if (FAMILIES[f]!.test(c)) bits |= 1 << f;
  if (Object.isFrozen(c)) familyBits.set(c, bits);
  return bits;
}
const familyBits = new WeakMap<Cipher, number>();

function overshootOf(
  e: TermTrace,
  final: FinalFamilies,
  input: string,
  boring: boolean,
  emit: (d: Diagnostic) => void,
): void {
  if (e.effect !== 'added' || e.words.length === 0) return;
  for (const w of e.words) if (w.kind !== 'alias') return;
  // The suites of each family, in the element's order, read in one pass; an element names each
  // suite it added once, so `count` counts distinct suites.
  let byFamily: string[][] | null = null;
  let count = 0;
  for (const n of e.suites) {
    const bits = familiesIn(final, n);
    if (bits === 0) continue;
    byFamily ??= FAMILIES.map(() => []);
    count++;
    for (let k = 0; k < FAMILIES.length; k++) if ((bits & (1 << k)) !== 0) byFamily[k]!.push(n);
  }
  if (byFamily === null) return;
  // Plain loops: flatMap and join cost more than the rest of lint on a broad alias.
  let excludes = '';
  let what = '';
  let names = '';
  let suites = '';
  for (let k = 0; k < FAMILIES.length; k++) {
    const list = byFamily[k]!;
    if (list.length === 0) continue;
    const f = FAMILIES[k]!;
    excludes += `:${(boring && f.boringssl) || f.exclude}`;
    what += `${what ? ', ' : ''}${list.length} ${f.name}`;
    names += `${names ? ',' : ''}${f.name}`;
    for (const n of list) suites = suites ? suites + ',' + n : n;
  }
  emit({
    code: 'overshoot',
    severity: severityOf('overshoot'),
    message: `\`${e.text}\` brings in suites that stay in the final list and a certificate server cannot or should not use: ${what}`,
    span: e.span,
    args: {
      term: e.text,
      count,
      families: names,
      suites,
    },
    fix: {
      description: `Append \`${excludes}\` to exclude them.`,
      replacement: { span: { start: input.length, end: input.length }, text: excludes },
    },
  });
}
