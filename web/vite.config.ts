// Builds the page into one self-contained HTML file (dist-web/index.html): the script and the
// styles are inlined, so it opens from a file:// URL (where Chromium refuses external module
// scripts) and makes no request of its own. Its Content-Security-Policy allows that one inlined
// script by its sha256 hash, computed here, and no other inline script.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Puts every emitted script and stylesheet into the HTML, and drops the separate files. */
function inlineAssets(): Plugin {
  return {
    name: 'cipherx-inline-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      const scripts: string[] = [];
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && file.isEntry) {
          const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${escape(name)}"></script>`);
          if (!tag.test(text)) throw new Error(`inline: no script tag for ${name}`);
          // `</script` cannot occur inside the inlined text; `<\/script` means the same in JavaScript.
          const code = file.code.replace(/<\/(script)/gi, '<\\/$1');
          text = text.replace(tag, () => `<script type="module">${code}</script>`);
          scripts.push(code);
          delete bundle[name];
        } else if (file.type === 'asset' && name.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*${escape(name)}">`);
          if (!tag.test(text)) throw new Error(`inline: no stylesheet link for ${name}`);
          const css = String(file.source).replace(/<\/(style)/gi, '<\\/$1');
          text = text.replace(tag, () => `<style>${css}</style>`);
          delete bundle[name];
        }
      }
      const left = Object.keys(bundle).filter((n) => n !== html.fileName);
      if (left.length) throw new Error(`inline: files left outside the page: ${left.join(', ')}`);
      html.source = allowScripts(text, scripts);
    },
  };
}

/**
 * Puts the sha256 hashes of the inlined scripts (their exact text, as the browser hashes it) in
 * place of the page's `script-src` sources: the page runs those scripts and no other.
 */
function allowScripts(html: string, scripts: readonly string[]): string {
  if (scripts.length === 0) throw new Error('csp: no script was inlined');
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;
  const found = meta.exec(html);
  if (!found) throw new Error('csp: the page has no Content-Security-Policy');
  // The browser hashes the script's text after the HTML parser turned CR LF and CR into LF.
  const hash = (code: string) => createHash('sha256').update(code.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
  const hashes = scripts.map((code) => `'sha256-${hash(code)}'`);
  const directives = found[2]!.split(';').map((d) => d.trim());
  const at = directives.findIndex((d) => d.startsWith('script-src '));
  if (at === -1) throw new Error('csp: the policy has no script-src');
  directives[at] = `script-src ${hashes.join(' ')}`;
  return html.replace(meta, (_m, open: string, _policy: string, close: string) => open + directives.join('; ') + close);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [inlineAssets()],
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // CIPHERX_WEB_MINIFY=0 keeps the names, for a readable CPU profile (e2e/speed.test.ts).
    minify: process.env.CIPHERX_WEB_MINIFY !== '0',
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    reportCompressedSize: true,
  },
});
