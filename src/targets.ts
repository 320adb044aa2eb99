import { libraries, type Capabilities, type Family } from './library/registry.js';
import { boringsslTable, opensslTable } from './library/tables.js';
import type { ProtocolVersion } from './supported/protocol.js';
import type { TargetName } from './library/registry.js';

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
  /** Which rule engine evaluates its strings: OpenSSL's or BoringSSL's dialect. */
  family: Family;
  /** The options a call may give for it. */
  capabilities: Capabilities;
  /** The protocol versions a default context negotiates, oldest first. */
  protocols: ProtocolVersion[];
  /** What is particular about it, in one line. */
  summary: string;
  /** The tool whose output cipherx reproduces (`openssl ciphers`, `bssl ciphers`). */
  tool: string;
}

/** Every target with its exact release and the provenance of its tables, in release order. */
export function describeTargets(): TargetInfo[] {
  return libraries().map((lib): TargetInfo => {
    const d = lib.family === 'boringssl' ? boringsslTable(lib).data : opensslTable(lib).data;
    return {
      name: lib.name,
      release: d.release,
      versionText: d.versionText,
      origin: d.origin,
      family: lib.family,
      capabilities: { ...lib.capabilities },
      protocols: [...lib.protocols] as ProtocolVersion[],
      summary: lib.summary,
      tool: lib.tool,
    };
  });
}
