// Paths as configuration files name them, handled without the file system: joined, made
// absolute against the including file's folder, and globs matched against a folder's names.
import type { ConfigHost } from './types.js';

/** The folder part of a path (`.` for a bare name). */
export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

/** `rel` against `base` (kept when absolute), with `.` and `..` segments resolved. */
export function joinPath(base: string, rel: string): string {
  const whole = rel.startsWith('/') ? rel : `${base}/${rel}`;
  const out: string[] = [];
  for (const seg of whole.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(seg);
  }
  const joined = out.join('/');
  return whole.startsWith('/') ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Whether a path segment holds glob characters. */
export function hasGlob(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/**
 * Whether `name` matches the glob `pattern` (`*`, `?`, `[...]`, `[!...]`), as fnmatch does for one
 * path segment; names starting with `.` match only a pattern starting with `.`. Iterative, in
 * time proportional to the product of the lengths at worst: no pattern makes it explode.
 */
export function matchGlob(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const step = p < pattern.length ? matchOne(pattern, p, name[n]!) : null;
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (step !== null && step.ok) {
      p = step.next;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether the pattern's element at `p` (not `*`) matches `c`, and where the next element starts. */
function matchOne(pattern: string, p: number, c: string): { ok: boolean; next: number } {
  const e = pattern[p]!;
  if (e === '?') return { ok: true, next: p + 1 };
  if (e === '[') {
    const close = pattern.indexOf(']', p + 2);
    if (close > 0) {
      let body = pattern.slice(p + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      let hit = false;
      for (let i = 0; i < body.length; i++) {
        if (body[i + 1] === '-' && i + 2 < body.length) {
          if (c >= body[i]! && c <= body[i + 2]!) hit = true;
          i += 2;
        } else if (body[i] === c) hit = true;
      }
      return { ok: hit !== negate, next: close + 1 };
    }
  }
  if (e === '*') return { ok: false, next: p };
  return { ok: e === c, next: p + 1 };
}

/**
 * The files (not folders) a path with glob segments names, sorted as a shell sorts them (by
 * code unit); a path without globs is returned as it is unless it is a folder, whether or not
 * it exists.
 */
export function expandGlob(path: string, host: ConfigHost): string[] {
  const segments = path.split('/');
  if (!segments.some(hasGlob)) return host.listDirectory(path) === null ? [path] : [];
  let found = [path.startsWith('/') ? '' : '.'];
  segments.forEach((seg, i) => {
    if (seg === '' || (seg === '.' && i > 0)) return;
    const next: string[] = [];
    for (const dir of found) {
      const at = dir === '' ? '/' : dir;
      if (!hasGlob(seg)) next.push(dir === '.' && i === 0 ? seg : `${dir}/${seg}`);
      else
        for (const name of [...(host.listDirectory(at) ?? [])].sort())
          if (matchGlob(seg, name)) next.push(dir === '.' ? name : `${dir}/${name}`);
    }
    found = next;
  });
  return found.filter((f) => host.listDirectory(f) === null);
}
