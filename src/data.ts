import boringssl from '../data/boringssl.json' with { type: 'json' };
import openssl102 from '../data/openssl-1.0.2.json' with { type: 'json' };
import openssl111 from '../data/openssl-1.1.1.json' with { type: 'json' };
import openssl30 from '../data/openssl-3.0.json' with { type: 'json' };
import openssl35 from '../data/openssl-3.5.json' with { type: 'json' };
import openssl36 from '../data/openssl-3.6.json' with { type: 'json' };
import peers from '../data/peers.json' with { type: 'json' };
import { registerBoringsslData } from './boringssl/table.js';
import { registerPeerData } from './negotiate/peers.js';
import { registerTargetData } from './table/registry.js';
import type { TargetData } from './table/target.js';

/** Registers every table of data/ (what `import 'cipherx'` gives: all targets and peers, synchronously). */
export function registerAllTargets(): void {
  for (const d of [openssl102, openssl111, openssl30, openssl35, openssl36])
    registerTargetData(d as unknown as TargetData);
  registerBoringsslData(boringssl);
  registerPeerData(peers);
}
