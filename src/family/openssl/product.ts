import type { Target } from './target.js';

const products = new WeakMap<Target, string>();

/** The library's name as its messages say it: `OpenSSL` or `LibreSSL`, from the recorded release. */
export function productOf(t: Target): string {
  let name = products.get(t);
  if (name === undefined) products.set(t, (name = t.data.release.split(' ')[0]!));
  return name;
}
