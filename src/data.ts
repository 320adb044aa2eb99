import boringssl from '../data/boringssl.json' with { type: 'json' };
import openssl102 from '../data/openssl-1.0.2.json' with { type: 'json' };
import openssl111 from '../data/openssl-1.1.1.json' with { type: 'json' };
import openssl30 from '../data/openssl-3.0.json' with { type: 'json' };
import openssl35 from '../data/openssl-3.5.json' with { type: 'json' };
import openssl36 from '../data/openssl-3.6.json' with { type: 'json' };
import peers from '../data/peers.json' with { type: 'json' };
import { registerBoringsslData } from './boringssl/table.js';
import { registerPeerData } from './negotiate/peers.js';
import { resolveTargetTables, type TableDelta } from './table/extend.js';
import { registerTargetData } from './table/registry.js';
import type { TargetData } from './table/target.js';
import type { OpenSSLTargetName } from './types.js';

/** The OpenSSL tables as data/ stores them: full, or a delta against the table they extend. */
const STORED: Record<OpenSSLTargetName, TargetData | TableDelta> = {
  'openssl-1.0.2': openssl102 as unknown as TargetData,
  'openssl-1.1.1': openssl111,
  'openssl-3.0': openssl30 as unknown as TargetData,
  'openssl-3.5': openssl35,
  'openssl-3.6': openssl36,
};

/** Registers every table of data/ (what `import 'cipherx'` gives: all targets and peers, synchronously). */
export function registerAllTargets(): void {
  for (const table of resolveTargetTables(STORED).values()) registerTargetData(table);
  registerBoringsslData(boringssl);
  registerPeerData(peers);
}
