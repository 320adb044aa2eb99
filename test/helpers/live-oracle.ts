import { afterAll, beforeAll } from 'vitest';
import { createOracle, type Oracle } from '../oracle/openssl-oracle.js';

/** The live libssl of this machine for one test file, started before and closed after it. */
export interface LiveOracle {
  oracle: Oracle;
  /** This build's default security level (Debian compiles 3.0 with 2, upstream uses 1). */
  baseSeclevel: number;
}

/** Registers the hooks; the returned object is filled in by the time tests run. */
export function useLiveOracle(): LiveOracle {
  const live = {} as LiveOracle;
  beforeAll(async () => {
    live.oracle = await createOracle();
    live.baseSeclevel = (await live.oracle.query('ALL')).securityLevel;
  });
  afterAll(async () => {
    await live.oracle?.close();
  });
  return live;
}
