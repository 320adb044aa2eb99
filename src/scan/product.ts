// What a product reader is: it recognises its files and reports the TLS settings in them.
// Everything product-specific lives in one reader per product (src/scan/products/) and its
// defaults in data/products.json; the scan itself knows no product.
import type { DiagnosticCode } from '../diagnostics/registry.js';
import type { ProtocolVersion } from '../supported/protocol.js';
import { looksUnresolved, type Word } from './text.js';
import type { ProductId, ScanRole } from './types.js';

/** A file as a reader sees it. */
export interface ScannedFile {
  /** Its path, as given or as an include named it. */
  path: string;
  /** Its text. */
  text: string;
}

/** Where a value the library receives comes from. */
export type ValueSource =
  /** Written in a file. */
  | { kind: 'written'; file: ScannedFile; word: Word; directive: string }
  /** The product's default (data/products.json), or text the product composes itself. */
  | { kind: 'product'; value: string; from: string }
  /** The product makes no call: the library keeps its own default. */
  | { kind: 'library' };

/** One TLS setting a reader found: a context with its cipher, TLS 1.3 and protocol settings. */
export interface FoundSetting {
  /** The file and word where the setting is reported (its cipher directive, or what turns TLS on). */
  file: ScannedFile;
  at: Word;
  /** The directive's name as written. */
  directive: string;
  /** Where in the configuration, in the product's words (`server example.org`, `[mysqld]`). */
  context: string;
  role: ScanRole;
  /** What `SSL_CTX_set_cipher_list` receives. */
  cipherString: ValueSource;
  /** What `SSL_CTX_set_ciphersuites` receives. */
  ciphersuites: ValueSource;
  /** The versions the product enables; null: the library's own range. */
  protocols: ProtocolVersion[] | null;
  /** The security level the product sets (stunnel's securityLevel); null: the library's. */
  seclevel: number | null;
  /** Whether the server picks by its own order; null for a client or where unknown. */
  serverPreference: boolean | null;
  /** Whether the server has DH parameters; absent: the product's default (data/products.json). */
  dhe?: boolean | null;
  /** SSL_OP_PRIORITIZE_CHACHA; absent: the product's default. */
  prioritizeChaCha?: boolean | null;
}

/** What a reader can do while it reads. */
export interface ReadContext {
  /** The product's defaults (data/products.json). */
  readonly defaults: ProductDefaults;
  /**
   * Reads the files an include names (a path or a glob, relative to `base`) with `each`, in the
   * order a shell sorts them; a missing file (unless `optional`) or an include that does not end is
   * a problem at `word`.
   */
  include(from: ScannedFile, word: Word, base: string, each: (file: ScannedFile) => void, optional?: boolean): void;
  /** Reports a setting. */
  setting(found: FoundSetting): void;
  /** Reports what cannot be read, at `start`..`end` of `file`. */
  problem(file: ScannedFile, start: number, end: number, code: DiagnosticCode, message: string): void;
}

/** A product's defaults, as data/products.json records them for a named version. */
export interface ProductDefaults {
  /** The product's name and the version the facts are for. */
  name: string;
  version: string;
  /** The cipher string when none is set: a string, or null when the product makes no call. */
  cipherString: string | null;
  /** The TLS 1.3 list when none is set, or null when the product makes no call. */
  ciphersuites: string | null;
  /** The protocols when none is set, or null for the library's range. */
  protocols: ProtocolVersion[] | null;
  /** Whether a server prefers its own order when nothing says. */
  serverPreference: boolean | null;
  /** Whether a server has DH parameters when nothing says; null: not known. */
  dhe: boolean | null;
  /** Whether a server sets SSL_OP_PRIORITIZE_CHACHA when nothing says; null: not known. */
  prioritizeChaCha: boolean | null;
  /** How a server with two certificates picks one (see ScanSetting.certificateChoice). */
  certificateChoice: 'by-suite' | 'ecdsa-first' | null;
  /** Anything else a reader needs, by name (Postfix's grade lists, ...). */
  extra: Readonly<Record<string, string>>;
}

/** One product: how its files are recognised and read. */
export interface ProductReader {
  id: ProductId;
  /**
   * Whether a file is this product's, by its path and then its text: `main` for a file that
   * includes others (read first; what it includes is not read again on its own), `part` for a
   * file that holds settings on its own, null for neither. Asked with an empty `text` first: a
   * reader that knows a file by its name alone answers then, and wins over content matches.
   */
  recognise(path: string, text: string): 'main' | 'part' | null;
  /** Reads one file (and, through `ctx.include`, what it includes). */
  read(file: ScannedFile, ctx: ReadContext): void;
}

/** A value as written in a file, with the name of what sets it. */
export interface NamedValue {
  /** The directive or parameter, as written. */
  name: string;
  file: ScannedFile;
  word: Word;
}

/** The values of `sources` that are written in a file. */
export function writtenValues(sources: readonly ValueSource[]): NamedValue[] {
  return sources.flatMap((v) =>
    v.kind === 'written' ? [{ name: v.directive.split(' ')[0]!, file: v.file, word: v.word }] : [],
  );
}

/**
 * Reports the first value that holds something only known when the product runs (see
 * looksUnresolved) as `unresolved-value`, with `why` saying who fills it in (`is filled in before
 * Redis reads the file`); true when one does: the setting is then not evaluated.
 */
export function reportUnresolved(
  ctx: ReadContext,
  values: Iterable<NamedValue | null | undefined>,
  why: string,
): boolean {
  for (const v of values) {
    const token = v ? looksUnresolved(v.word.value) : null;
    if (!v || token === null) continue;
    ctx.problem(
      v.file,
      v.word.start,
      v.word.end,
      'unresolved-value',
      `${v.name}: \`${token}\` ${why}; cipherx cannot know the value`,
    );
    return true;
  }
  return false;
}

/**
 * A file that starts with a UTF-8 byte order mark, for a product that reads it as part of the
 * first word (nginx: `unknown directive "\uFEFFevents"`, HAProxy: `unknown keyword '\uFEFFglobal'`;
 * both refuse the file): a config-syntax problem at its start.
 */
export function reportByteOrderMark(ctx: ReadContext, file: ScannedFile, product: string): void {
  if (file.text.startsWith('\uFEFF')) {
    ctx.problem(
      file,
      0,
      1,
      'config-syntax',
      `${product} reads the byte order mark as part of the first word and refuses the file; save it without one`,
    );
  }
}

/** The base name of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether some line of the text starts (after blanks) with one of the names. */
export function hasDirective(text: string, names: readonly string[]): boolean {
  return names.some((n) => new RegExp(`(^|\\n)[ \\t]*${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
}
