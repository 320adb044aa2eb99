import { boringsslTarget } from './boringssl/table.js';
import { OPENSSL_TARGET_NAMES, getTarget } from './table/registry.js';
import type { TargetName } from './types.js';

/** What `cipherx targets` shows about one release line. */
export interface TargetInfo {
  /** The target's name, as `options.target` takes it. */
  name: TargetName;
  /** The exact release the tables were recorded from, e.g. `OpenSSL 3.0.20`. */
  release: string;
  /** What the release calls itself (`OpenSSL_version()`). */
  versionText: string;
  /** Where the recorded tables come from. */
  origin: string;
}

/** Every target with its exact release and the provenance of its tables, in release order. */
export function describeTargets(): TargetInfo[] {
  const openssl = OPENSSL_TARGET_NAMES.map((name): TargetInfo => {
    const d = getTarget(name)!.data;
    return { name, release: d.release, versionText: d.versionText, origin: d.origin };
  });
  const b = boringsslTarget().data;
  return [
    ...openssl,
    {
      name: 'boringssl',
      release: b.release,
      versionText: b.versionText,
      origin: `BoringSSL revision ${b.commit} as built by Debian bookworm (android-libboringssl 13.0.0+r24-2)`,
    },
  ];
}
