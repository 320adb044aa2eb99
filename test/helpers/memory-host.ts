import type { ConfigHost } from '../../src/scan/types.js';

/** A file system in memory for `scan`: paths to texts (folders are implied by the paths). */
export function memoryHost(files: Record<string, string>): ConfigHost {
  const texts = new Map(Object.entries(files));
  return {
    readFile(path) {
      const text = texts.get(path);
      return text === undefined ? { error: 'no such file' } : { text };
    },
    listDirectory(path) {
      const prefix = path === '/' ? '/' : `${path}/`;
      const names = new Set<string>();
      for (const p of texts.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
      return names.size === 0 || texts.has(path) ? null : [...names];
    },
  };
}
