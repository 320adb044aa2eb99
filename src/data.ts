import awsLc from '../data/aws-lc.json' with { type: 'json' };
import boringssl from '../data/boringssl.json' with { type: 'json' };
import boringssl2026 from '../data/boringssl-2026.json' with { type: 'json' };
import openssl102 from '../data/openssl-1.0.2.json' with { type: 'json' };
import openssl111 from '../data/openssl-1.1.1.json' with { type: 'json' };
import openssl30 from '../data/openssl-3.0.json' with { type: 'json' };
import openssl35 from '../data/openssl-3.5.json' with { type: 'json' };
import openssl36 from '../data/openssl-3.6.json' with { type: 'json' };
import openssl40 from '../data/openssl-4.0.json' with { type: 'json' };
import libressl33 from '../data/libressl-3.3.json' with { type: 'json' };
import libressl43 from '../data/libressl-4.3.json' with { type: 'json' };
import peers from '../data/peers.json' with { type: 'json' };
import { findLibrary } from './library/registry.js';
import { registerLibraryData } from './library/tables.js';
import { registerPeerData } from './negotiate/peers.js';

/** Every table of data/, as stored (full or a delta); each names the library it belongs to. */
const TABLES: ReadonlyArray<{ target: string }> = [
  openssl102,
  openssl111,
  openssl30,
  openssl35,
  openssl36,
  openssl40,
  libressl43,
  libressl33,
  boringssl,
  boringssl2026,
  awsLc,
];

/** Registers every table of data/ (what `import 'cipherx'` gives: all targets and peers, synchronously). */
export function registerAllTargets(): void {
  for (const table of TABLES) {
    const lib = findLibrary(table.target);
    if (!lib) throw new Error(`data/ holds a table for ${JSON.stringify(table.target)}, which is no library`);
    registerLibraryData(lib, table);
  }
  registerPeerData(peers);
}
