/** The refusal of a call whose list ends up with no suite. */
export type NoCipherMatch = { code: 'no-cipher-match'; message: string };

/**
 * The end of ssl_create_cipher_list() for both families: the first error fails the call; so
 * does a list that holds no suite (`selected` is 0: "no cipher match", `why` says how); the
 * suites are returned only when the call succeeds.
 */
export function outcome<E, C>(
  error: E | null,
  ciphers: C[],
  selected: number,
  why: string,
): { ok: true; error: null; ciphers: C[] } | { ok: false; error: E | NoCipherMatch; ciphers: C[] } {
  if (error) return { ok: false, error, ciphers: [] };
  if (selected === 0)
    return { ok: false, error: { code: 'no-cipher-match', message: `no cipher match: ${why}` }, ciphers: [] };
  return { ok: true, error: null, ciphers };
}
