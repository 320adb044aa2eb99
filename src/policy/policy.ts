// Named policies (data/policies/*.json): which suites a published recommendation allows, requires
// and forbids, with the document each entry was checked against.

/** Where a policy comes from: the published document and the edition its entries were checked against. */
export interface PolicySource {
  /** Who publishes it, e.g. `Mozilla`. */
  publisher: string;
  /** The document, e.g. `Server Side TLS guidelines`. */
  document: string;
  /** The edition or version the entries follow, e.g. `6.0`, `2025-01`. */
  edition: string;
  /** Where the document can be read. */
  url: string;
}

/** What every entry of a policy says about where it comes from. */
export interface PolicyCitation {
  /** The part of the document, e.g. `configurations.intermediate.ciphers` or `3.3.1.1`. */
  section: string;
  /** What that part says, in a sentence of our own. */
  says: string;
  /** When the entry was checked against the document (YYYY-MM-DD). */
  verified: string;
}

/** Suites a policy allows, in the document's order (`ordered`: the document asks for that order). */
export interface AllowEntry extends PolicyCitation {
  /** The kind of entry: suites allowed. */
  kind: 'allow';
  /** IANA names, as the document lists them. */
  suites: string[];
  /** The document asks the server to prefer the suites in this order. */
  ordered: boolean;
}

/** Suites a policy requires a server to offer. */
export interface RequireEntry extends PolicyCitation {
  /** The kind of entry: suites required. */
  kind: 'require';
  /** IANA names. */
  suites: string[];
}

/** Suites a policy forbids by name (besides everything it does not allow, when `allowedOnly`). */
export interface ForbidEntry extends PolicyCitation {
  /** The kind of entry: suites forbidden. */
  kind: 'forbid';
  /** IANA names. */
  suites: string[];
}

/** The protocol versions a policy allows. */
export interface ProtocolsEntry extends PolicyCitation {
  /** The kind of entry: protocol bounds. */
  kind: 'protocols';
  /** The lowest version allowed, e.g. `TLSv1.2`. */
  min: string;
  /** The highest version allowed, null for no bound. */
  max: string | null;
}

/** Minimum key sizes in bits (what a cipher string cannot set; reported, never checked against a string). */
export interface KeySizesEntry extends PolicyCitation {
  /** The kind of entry: minimum key sizes. */
  kind: 'key-sizes';
  /** RSA keys (certificates). */
  rsa?: number;
  /** Finite-field Diffie-Hellman groups. */
  dh?: number;
  /** Elliptic-curve Diffie-Hellman groups. */
  ecdh?: number;
}

/** One fact of a policy, with its citation. */
export type PolicyEntry = AllowEntry | RequireEntry | ForbidEntry | ProtocolsEntry | KeySizesEntry;

/** A named policy as data/policies/ stores it. */
export interface Policy {
  /** Its id, e.g. `mozilla-intermediate` (`--policy`). */
  id: string;
  /** A title for people. */
  title: string;
  /** The document it follows. */
  source: PolicySource;
  /** Suites outside the `allow` entries are forbidden (the document lists what a server may offer). */
  allowedOnly: boolean;
  /** Its facts, each with the part of the document that states it. */
  entries: PolicyEntry[];
}

/** A policy's facts, gathered: what `check` and `suggest` work from. */
export interface PolicyRules {
  /** Every allowed suite (IANA names), in the document's order; null when the policy lists none. */
  allowed: string[] | null;
  /** Whether the document asks for its order (every allow entry is `ordered`). */
  ordered: boolean;
  /** Suites the policy requires (IANA names). */
  required: string[];
  /** Suites the policy forbids by name (IANA names). */
  forbidden: string[];
  /** Protocol bounds, or null when the policy states none. */
  protocols: {
    /** The lowest version allowed. */
    min: string;
    /** The highest version allowed, null for no bound. */
    max: string | null;
  } | null;
  /** Minimum key sizes, or null. */
  keySizes: {
    /** RSA keys, in bits. */
    rsa?: number;
    /** Finite-field Diffie-Hellman groups, in bits. */
    dh?: number;
    /** Elliptic-curve Diffie-Hellman groups, in bits. */
    ecdh?: number;
  } | null;
}

/** Gathers a policy's entries into the rules `check` and `suggest` apply. */
export function rulesOf(policy: Policy): PolicyRules {
  const allows = policy.entries.filter((e): e is AllowEntry => e.kind === 'allow');
  const protocols = policy.entries.find((e): e is ProtocolsEntry => e.kind === 'protocols');
  const keys = policy.entries.find((e): e is KeySizesEntry => e.kind === 'key-sizes');
  return {
    allowed: allows.length > 0 || policy.allowedOnly ? allows.flatMap((e) => e.suites) : null,
    ordered: allows.length > 0 && allows.every((e) => e.ordered),
    required: policy.entries.flatMap((e) => (e.kind === 'require' ? e.suites : [])),
    forbidden: policy.entries.flatMap((e) => (e.kind === 'forbid' ? e.suites : [])),
    protocols: protocols ? { min: protocols.min, max: protocols.max } : null,
    keySizes: keys ? { rsa: keys.rsa, dh: keys.dh, ecdh: keys.ecdh } : null,
  };
}
