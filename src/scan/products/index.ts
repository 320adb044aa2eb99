// The products `scan` reads, in the order their recognisers are asked, and their defaults.
import data from '../../../data/products.json' with { type: 'json' };
import type { ProtocolVersion } from '../../supported/protocol.js';
import type { ProductDefaults, ProductReader } from '../product.js';
import type { ProductId } from '../types.js';
import { apache } from './apache.js';
import { dovecot } from './dovecot.js';
import { exim } from './exim.js';
import { haproxy } from './haproxy.js';
import { ingressNginx } from './ingress-nginx.js';
import { lighttpd } from './lighttpd.js';
import { mysql } from './mysql.js';
import { nginx } from './nginx.js';
import { openvpn } from './openvpn.js';
import { opensslCnf } from './openssl-cnf.js';
import { postfix } from './postfix.js';
import { postgresql } from './postgresql.js';
import { redis } from './redis.js';
import { stunnel } from './stunnel.js';

/** Every reader, the most specific recognisers first. */
export const PRODUCTS: readonly ProductReader[] = [
  nginx,
  haproxy,
  postfix,
  apache,
  dovecot,
  lighttpd,
  exim,
  stunnel,
  openvpn,
  postgresql,
  mysql,
  redis,
  opensslCnf,
  ingressNginx,
];

const BY_ID: ReadonlyMap<string, ProductReader> = new Map(PRODUCTS.map((p) => [p.id, p]));

/** The reader of a product id (a Map: ids typed by a user are only looked up). */
export function productById(id: string): ProductReader | undefined {
  return BY_ID.get(id);
}

/** The ids of every product, in recogniser order. */
export const PRODUCT_IDS: readonly ProductId[] = PRODUCTS.map((p) => p.id);

interface Fact<T> {
  value: T;
}
interface StoredDefaults {
  name: string;
  version: string;
  cipherString: Fact<string | null>;
  ciphersuites: Fact<string | null>;
  protocols: Fact<ProtocolVersion[] | null>;
  serverPreference: Fact<boolean | null>;
  dhe?: Fact<boolean | null>;
  prioritizeChaCha?: Fact<boolean | null>;
  certificateChoice?: Fact<'by-suite' | 'ecdsa-first' | null>;
  extra?: Record<string, Fact<string>>;
}

const DEFAULTS = new Map<string, ProductDefaults>(
  Object.entries(data as unknown as Record<string, StoredDefaults | string>).flatMap(([id, d]) => {
    if (typeof d === 'string') return [];
    const extra: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(d.extra ?? {})) extra[k] = v.value;
    const defaults: ProductDefaults = {
      name: d.name,
      version: d.version,
      cipherString: d.cipherString.value,
      ciphersuites: d.ciphersuites.value,
      protocols: d.protocols.value,
      serverPreference: d.serverPreference.value,
      dhe: d.dhe?.value ?? null,
      prioritizeChaCha: d.prioritizeChaCha?.value ?? null,
      certificateChoice: d.certificateChoice?.value ?? null,
      extra: Object.freeze(extra),
    };
    return [[id, Object.freeze(defaults)]];
  }),
);

/** A product's defaults as data/products.json records them. */
export function productDefaults(id: ProductId): ProductDefaults {
  const d = DEFAULTS.get(id);
  if (!d) throw new Error(`data/products.json has no entry for ${id}`);
  return d;
}
