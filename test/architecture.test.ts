import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The shape of src/: imports point down the layers and never form a cycle, evaluation knows
// nothing of the views built on it, the library never touches the process, and no hand-written
// file grows past 400 lines. Read from the sources themselves.

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

const ALL = files(SRC);
const rel = (p: string) => relative(SRC, p).replace(/\\/g, '/');
const generated = (p: string) => rel(p).startsWith('parser/');

/** The project files a source file imports (type-only imports too: they are dependencies of the design). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), m[1]!).replace(/\.js$/, '');
    const found = [`${target}.ts`, `${target}.js`, join(target, 'index.ts')].find((f) => ALL.includes(f));
    if (found) out.push(found);
  }
  return out;
}

const GRAPH = new Map(ALL.filter((f) => !generated(f)).map((f) => [f, importsOf(f)]));

/** The strongly connected components with more than one file (or a file importing itself). */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of GRAPH.get(v) ?? []) {
      if (!GRAPH.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(rel(w));
      } while (w !== v);
      if (scc.length > 1 || (GRAPH.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of GRAPH.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('src/ layers', () => {
  // Proves the import graph is a DAG: every layer can be read and tested from the bottom up.
  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  // Each row: a folder, and the folders its files may not import.
  // The views, built on expand(); the effective offer (supported/) is part of expand's result.
  const VIEWS = [
    'format/',
    'lint/',
    'explain/',
    'negotiate/',
    'scan/',
    'policy/',
    'write/',
    'cli/',
    'diff.ts',
    'convert.ts',
  ];
  const EVALUATION = ['family/', 'library/', 'expand.ts', 'supported/'];
  const FORBIDDEN: Array<[string, string[]]> = [
    ['diagnostics/registry.ts', ['']],
    ['diagnostics/', [...EVALUATION, ...VIEWS]],
    ['core/', [...EVALUATION, ...VIEWS]],
    // Evaluation (the families, the library records and tables, the facade, the effective
    // offer) knows no view; the families know no facade.
    ['family/', ['expand.ts', 'supported/', ...VIEWS]],
    ['library/', ['expand.ts', ...VIEWS]],
    ['supported/', ['expand.ts', ...VIEWS]],
    ['expand.ts', VIEWS],
    ['library/registry.ts', ['']],
    ['format/', ['cli/']],
    ['scan/', ['cli/']],
  ];
  it.each(FORBIDDEN)('%s imports none of %j', (layer, forbidden) => {
    const bad: string[] = [];
    let files = 0;
    for (const [file, deps] of GRAPH) {
      if (!rel(file).startsWith(layer)) continue;
      files++;
      for (const d of deps) if (forbidden.some((f) => rel(d).startsWith(f))) bad.push(`${rel(file)} -> ${rel(d)}`);
    }
    // A layer that names no file would prove nothing.
    expect(files, layer).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });

  // Proves the library is pure: only the CLI reaches the file system, the process or the console.
  it('only src/cli/ touches node: modules, process or console', () => {
    const bad = [...GRAPH.keys()]
      .filter((f) => !rel(f).startsWith('cli/'))
      .filter((f) => /from ['"]node:|\bprocess\.|\bconsole\./.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(bad).toEqual([]);
  });

  // Proves no hand-written file is over 400 lines (the generated parsers aside).
  it('no source file over 400 lines', () => {
    const long = [...GRAPH.keys()]
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
