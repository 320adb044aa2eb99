import type { Target } from './target.js';

/** The library's name as its messages say it: `OpenSSL` or `LibreSSL`, from the recorded release. */
export function productOf(t: Target): string {
  return t.data.release.split(' ')[0]!;
}
