import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, offered, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// ingress-nginx controller v1.15.1 (kubernetes/ingress-nginx dbb11b92d):
// internal/ingress/controller/config/config.go (sslCiphers, sslProtocols "TLSv1.2 TLSv1.3"),
// rootfs/etc/nginx/template/nginx.tmpl (ssl_ciphers '...' and ssl_prefer_server_ciphers on unless
// ssl-ciphers is empty); docs/user-guide/nginx-configuration/configmap.md.
describe('scan: ingress-nginx', () => {
  it("reads the controller's ConfigMap among several documents", () => {
    const r = scan(['/k8s'], memoryHost(fixtureFiles('ingress-nginx', '/k8s')));
    expect(r.problems).toEqual([]);
    expect(r.settings).toHaveLength(1);
    const s = r.settings[0]!;
    expect(s).toMatchObject({
      product: 'ingress-nginx',
      directive: 'ssl-ciphers',
      context: 'ConfigMap ingress-nginx/ingress-nginx-controller',
      role: 'server',
      string: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
      ciphersuites: null,
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(s)).toBe('/k8s/configmap.yaml:16:3');
    expect(s.stringFrom.place).toMatchObject({ line: 16, column: 17 });
    // openssl ciphers -s 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384' (OpenSSL 3.0.19)
    expect(offered(s).join(':')).toBe(
      'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
    );
  });

  it("uses the controller's defaults, and nginx's when ssl-ciphers is empty", () => {
    const base = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingress-nginx-controller\ndata:\n';
    const d = scan(['/c.yaml'], memoryHost({ '/c.yaml': `${base}  use-gzip: "true"\n` })).settings[0]!;
    expect(d.string).toBe(
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256',
    );
    expect(d).toMatchObject({
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
      context: 'ConfigMap ingress-nginx-controller',
    });
    const e = scan(['/c.yaml'], memoryHost({ '/c.yaml': `${base}  ssl-ciphers: ""\n  ssl-protocols: TLSv1.3\n` }))
      .settings[0]!;
    expect(e).toMatchObject({ string: 'HIGH:!aNULL:!MD5', serverPreference: false, protocols: ['TLSv1.3'] });
  });

  it('reads quoted keys and values; reports block scalars and templates as unresolved', () => {
    const base = 'kind: ConfigMap\nmetadata:\n  name: ingress-nginx-controller\ndata:\n';
    const q = scan(['/c.yaml'], memoryHost({ '/c.yaml': `${base}  "ssl-ciphers": 'HIGH:!aNULL'\n` })).settings[0]!;
    expect(q.string).toBe('HIGH:!aNULL');
    const block = scan(['/c.yaml'], memoryHost({ '/c.yaml': `${base}  ssl-ciphers: |\n    HIGH:!aNULL\n` }));
    expect(block.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unresolved-value', 5, 3]]);
    expect(block.settings).toEqual([]);
    const helm = scan(['/c.yaml'], memoryHost({ '/c.yaml': `${base}  ssl-ciphers: "{{ .Values.ciphers }}"\n` }));
    expect(helm.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unresolved-value', 5, 16]]);
  });

  it('claims no other YAML', () => {
    const r = scan(
      ['/d.yaml'],
      memoryHost({ '/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n' }),
    );
    expect(r.files).toEqual([]);
  });
});
