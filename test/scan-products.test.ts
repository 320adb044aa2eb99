import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { products } from '../src/scan/index.js';
import { fileSystemHost } from '../src/cli/config-host.js';
import productData from '../data/products.json' with { type: 'json' };
import { fixtureHost } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// Every product's recogniser against every other product's files: scanning the whole fixture
// tree at once, each file is read as the product its folder is named after, and only so.
describe('scan recognises each product’s files, and only those', () => {
  it('every fixture file is read as the product of its folder', () => {
    const root = 'test/fixtures/scan';
    // Only the fixtures: lighttpd's stock file includes /etc/lighttpd/conf-enabled/*.conf.
    const r = scan([root], fixtureHost());
    const wrong = r.files.filter((f) => f.product !== f.file.slice(root.length + 1).split('/')[0]);
    expect(wrong).toEqual([]);
    expect(new Set(r.files.map((f) => f.product))).toEqual(new Set(products));
  });

  it('the live-server fixtures too', () => {
    const root = 'test/fixtures/servers';
    const r = scan([root], fileSystemHost(new Map()));
    const wrong = r.files.filter(
      (f) => !f.file.endsWith('.cnf') && f.product !== f.file.slice(root.length + 1).split('/')[0],
    );
    expect(wrong).toEqual([]);
  });

  it('each product has its defaults in data/products.json, each value with its source', () => {
    const entries = productData as unknown as Record<string, Record<string, unknown>>;
    expect(
      Object.keys(entries)
        .filter((k) => !k.startsWith('$'))
        .sort(),
    ).toEqual([...products].sort());
    for (const id of products) {
      const e = entries[id]!;
      expect(typeof e.version, id).toBe('string');
      for (const [key, fact] of Object.entries(e)) {
        if (key.startsWith('$') || typeof fact !== 'object' || fact === null || key === 'extra') continue;
        expect(typeof (fact as { $source?: unknown }).$source, `${id}.${key}`).toBe('string');
      }
    }
  });

  // The GitHub Action scans `.` by default: a repository's README, its sources and node_modules
  // quote nginx lines (`listen 443 ssl;`) but are no configuration.
  it('a folder walk leaves out node_modules, documentation and source code; a file named is still read', () => {
    const nginx = 'server {\n    listen 443 ssl;\n    ssl_ciphers HIGH;\n}\n';
    const host = memoryHost({
      'repo/README.md': `Example:\n\n${nginx}`,
      'repo/test/scan.test.ts': `const conf = \`\n${nginx}\`;\n`,
      'repo/node_modules/pkg/nginx/site.conf': nginx,
      'repo/deploy/nginx/site.conf': nginx,
    });
    const r = scan(['repo'], host);
    expect(r.files.map((f) => f.file)).toEqual(['repo/deploy/nginx/site.conf']);
    expect(r.problems).toEqual([]);
    expect(scan(['repo/README.md'], host).files).toEqual([{ file: 'repo/README.md', product: 'nginx' }]);
  });
});
