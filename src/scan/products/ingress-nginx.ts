// ingress-nginx: the controller's ConfigMap (Kubernetes YAML, `kind: ConfigMap`, settings under
// `data:`). The controller writes nginx.conf from its template (rootfs/etc/nginx/template/
// nginx.tmpl): `ssl_protocols` from ssl-protocols, and - unless ssl-ciphers is empty -
// `ssl_ciphers '<ssl-ciphers>'; ssl_prefer_server_ciphers on;` in http{}; its nginx then calls
// SSL_CTX_set_cipher_list with that string. No TLS 1.3 list is written. ssl-prefer-server-ciphers
// is an Ingress annotation (per server), not a ConfigMap key: the ConfigMap cannot turn it off.
import { readYaml, type YamlEntry, type YamlMap } from '../syntax/yaml.js';
import { protocolNamed } from '../protocols.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import {
  reportUnresolved,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const KEYS = ['ssl-ciphers', 'ssl-protocols'];

export const ingressNginx: ProductReader = {
  id: 'ingress-nginx',
  recognise(path, text) {
    if (!/\.(ya?ml)$/.test(path) && !/(^|\n)apiVersion:/.test(text)) return null;
    if (!/(^|\n)kind:[ \t]*["']?ConfigMap\b/.test(text)) return null;
    return /(^|\n)[ \t]+["']?ssl-(ciphers|protocols)["']?[ \t]*:/.test(text) ||
      /ingress-nginx|nginx-configuration|nginx-ingress/.test(text)
      ? 'main'
      : null;
  },
  read(file, ctx) {
    const { documents, errors } = readYaml(file.text);
    for (const e of errors) ctx.problem(file, e.start, e.end, 'config-syntax', `ingress-nginx: ${e.message}`);
    for (const doc of documents) {
      if (doc.root.get('kind')?.scalar?.value !== 'ConfigMap') continue;
      const meta = doc.root.get('metadata')?.map;
      const name = meta?.get('name')?.scalar?.value ?? '';
      const data = doc.root.get('data');
      const hasKeys = data?.map ? KEYS.some((k) => data.map!.has(k)) : false;
      if (!hasKeys && !/(^|-)(controller|nginx-configuration)$/.test(name)) continue;
      const namespace = meta?.get('namespace')?.scalar?.value;
      report(ctx, file, data ?? null, `ConfigMap ${namespace ? `${namespace}/` : ''}${name}`, doc.root.get('kind')!);
    }
  },
};

function report(ctx: ReadContext, file: ScannedFile, data: YamlEntry | null, context: string, kind: YamlEntry): void {
  const d = ctx.defaults;
  const map: YamlMap = data?.map ?? new Map();
  for (const k of KEYS) {
    const e = map.get(k);
    if (!e) continue;
    if (e.unsupported !== null) {
      ctx.problem(
        file,
        e.key.start,
        e.key.end,
        'unresolved-value',
        `${k}: written as ${e.unsupported}, which cipherx does not read; the value is not evaluated`,
      );
      return;
    }
    const value = e.scalar ? { name: k, file, word: e.scalar } : null;
    if (reportUnresolved(ctx, [value], 'is filled in before the ConfigMap is applied')) return;
  }
  const ciphers = map.get('ssl-ciphers');
  let cipherString: ValueSource;
  let serverPreference = d.serverPreference;
  if (!ciphers?.scalar)
    cipherString = {
      kind: 'product',
      value: d.cipherString!,
      from: `ssl-ciphers not set: ingress-nginx ${d.version}'s default`,
    };
  else if (ciphers.scalar.value === '') {
    cipherString = {
      kind: 'product',
      value: d.extra.emptyCipherString!,
      from: "ssl-ciphers is empty: the template writes no ssl_ciphers, nginx's default stands",
    };
    serverPreference = false;
  } else cipherString = { kind: 'written', file, word: ciphers.scalar, directive: 'ssl-ciphers' };
  const protocolsAt = map.get('ssl-protocols')?.scalar;
  let protocols: ProtocolVersion[] | null = d.protocols;
  if (protocolsAt) {
    protocols = [];
    for (const t of protocolsAt.value.split(/\s+/).filter(Boolean)) {
      const v = protocolNamed(t);
      if (v === null)
        ctx.problem(
          file,
          protocolsAt.start,
          protocolsAt.end,
          'unknown-protocol',
          `ssl-protocols: nginx knows no protocol \`${t}\``,
        );
      else if (v !== 'none') protocols.push(v);
    }
  }
  const at = ciphers ?? data ?? kind;
  ctx.setting({
    file,
    at: at.key,
    directive: at.key.value,
    context,
    role: 'server',
    cipherString,
    ciphersuites: { kind: 'library' },
    protocols,
    seclevel: null,
    serverPreference,
  });
}
