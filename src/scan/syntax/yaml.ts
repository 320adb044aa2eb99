// A small YAML reader for Kubernetes manifests such as a ConfigMap: documents separated by
// `---`, block mappings by indentation, and scalars plain, '...' ('' for a quote) or "..."
// (backslash escapes) on one line. What it does not read - block scalars (`|`, `>`), flow
// collections, multi-line scalars, anchors and tags - is marked on the entry, not guessed.
import { scanQuoted, type Word } from '../text.js';

/** One `key: value` of a mapping. */
export interface YamlEntry {
  key: Word;
  /** The scalar value; null for a nested mapping, a sequence or what is not read. */
  scalar: Word | null;
  /** The nested mapping, when the value is one. */
  map: YamlMap | null;
  /** Why the value is not read (`a block scalar`, ...); null when it is. */
  unsupported: string | null;
}

export type YamlMap = Map<string, YamlEntry>;

/** One document: its top-level mapping and where it starts. */
export interface YamlDocument {
  start: number;
  root: YamlMap;
}

export interface YamlError {
  start: number;
  end: number;
  message: string;
}

interface Frame {
  indent: number;
  map: YamlMap;
  /** The entry that owns this map (its value), if any. */
  owner: YamlEntry | null;
}

/** Reads every document of a text. Linear in the text's length. */
export function readYaml(text: string): { documents: YamlDocument[]; errors: YamlError[] } {
  const documents: YamlDocument[] = [];
  const errors: YamlError[] = [];
  let doc: YamlDocument = { start: 0, root: new Map() };
  let stack: Frame[] = [{ indent: -1, map: doc.root, owner: null }];
  let last: { entry: YamlEntry; indent: number } | null = null;
  let opened: { entry: YamlEntry; indent: number } | null = null;
  let seq: number | null = null;
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at;
    at += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (doc.root.size > 0) documents.push(doc);
      doc = { start: at, root: new Map() };
      stack = [{ indent: -1, map: doc.root, owner: null }];
      last = opened = null;
      seq = null;
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#') || /^%/.test(rest)) continue;
    // Lines inside a value that is not read (block scalar, continuation, sequence) are skipped.
    if (seq !== null) {
      if (indent > seq || (indent === seq && /^-(\s|$)/.test(rest))) continue;
      seq = null;
    }
    if (last && indent > last.indent && last.entry.map === null) {
      if (last.entry.scalar !== null && last.entry.unsupported === null)
        last.entry.unsupported = 'a scalar written over several lines';
      if (last.entry.unsupported) last.entry.scalar = null;
      continue;
    }
    if (/^-(\s|$)/.test(rest)) {
      // A sequence: the value of the entry just opened (written at its indent or deeper).
      if (opened && opened.entry.map?.size === 0 && indent >= opened.indent) {
        opened.entry.map = null;
        opened.entry.unsupported = 'a sequence';
        while (stack.length > 1 && stack.at(-1)!.owner === opened.entry) stack.pop();
        seq = opened.indent;
      }
      continue;
    }
    while (stack.length > 1 && indent <= stack.at(-1)!.indent) stack.pop();
    const frame = stack.at(-1)!;
    const key = readKey(rest, start + indent);
    if (!key) {
      errors.push({ start: start + indent, end: start + line.length, message: 'a line that is not `key: value`' });
      continue;
    }
    const entry: YamlEntry = { key: key.word, scalar: null, map: null, unsupported: null };
    frame.map.set(key.word.value, entry);
    const after = indent + key.next;
    let v = after;
    while (v < line.length && line[v] === ' ') v++;
    const value = line.slice(v);
    if (value === '' || value.startsWith('#')) {
      entry.map = new Map();
      stack.push({ indent, map: entry.map, owner: entry });
      last = null;
      opened = { entry, indent };
      continue;
    }
    last = { entry, indent };
    opened = null;
    const read = readScalar(line, v, start);
    if ('unsupported' in read) entry.unsupported = read.unsupported;
    else if ('error' in read) {
      entry.unsupported = read.error;
      errors.push({ start: start + v, end: start + line.length, message: read.error });
    } else entry.scalar = read.word;
  }
  if (doc.root.size > 0) documents.push(doc);
  return { documents, errors };
}

/** The key at the start of `rest` (plain or quoted) and the index in `rest` just after its `:`. */
function readKey(rest: string, offset: number): { word: Word; next: number } | null {
  const q = rest[0];
  if (q === '"' || q === "'") {
    const r = scanQuoted(rest, 0, q, q === '"');
    if (r.end === null || rest[r.end] !== ':') return null;
    return {
      word: { value: r.value, start: offset, end: offset + r.end, valueAt: r.verbatim ? offset + 1 : null },
      next: r.end + 1,
    };
  }
  const m = /^([^\s#:][^:#]*?|[^\s#:]*:[^\s]+?)[ \t]*:(?=\s|$)/.exec(rest);
  if (!m) return null;
  const name = m[1]!;
  return { word: { value: name, start: offset, end: offset + name.length, valueAt: offset }, next: m[0].length };
}

/** A one-line scalar at `from` of `line`. */
function readScalar(
  line: string,
  from: number,
  offset: number,
): { word: Word } | { unsupported: string } | { error: string } {
  const c = line[from]!;
  if (c === '|' || c === '>') return { unsupported: 'a block scalar (`|` or `>`)' };
  if (c === '{' || c === '[') return { unsupported: 'a flow collection' };
  if (c === '&' || c === '*' || c === '!') return { unsupported: 'an anchor, alias or tag' };
  if (c === "'" || c === '"') {
    const r = c === "'" ? singleQuoted(line, from) : scanQuoted(line, from, '"', true);
    if (r.end === null) return { error: 'a quoted scalar that does not close on its line' };
    const tail = line.slice(r.end).trim();
    if (tail !== '' && !tail.startsWith('#')) return { error: 'text after a quoted scalar' };
    return {
      word: {
        value: r.value,
        start: offset + from,
        end: offset + r.end,
        valueAt: r.verbatim ? offset + from + 1 : null,
      },
    };
  }
  let end = line.length;
  const hash = line.slice(from).search(/\s#/);
  if (hash >= 0) end = from + hash;
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  return { word: { value: line.slice(from, end), start: offset + from, end: offset + end, valueAt: offset + from } };
}

function singleQuoted(line: string, open: number): { value: string; end: number | null; verbatim: boolean } {
  let value = '';
  let verbatim = true;
  for (let i = open + 1; i < line.length; i++) {
    if (line[i] === "'" && line[i + 1] === "'") {
      value += "'";
      verbatim = false;
      i++;
    } else if (line[i] === "'") return { value, end: i + 1, verbatim };
    else value += line[i];
  }
  return { value, end: null, verbatim };
}
