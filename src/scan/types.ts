// What `scan` takes and returns: configuration files in, one entry per TLS setting out.
import type { Diagnostic, Span } from '../core/types.js';
import type { LintResult } from '../lint/lint.js';
import type { TargetName } from '../library/registry.js';
import type { ProtocolVersion } from '../supported/protocol.js';

/** How `scan` reads files: the CLI passes the file system, tests a Map. */
export interface ConfigHost {
  /** A file's text, or why it cannot be read. */
  readFile(path: string): FileRead;
  /** The names in a directory, or null when `path` is no directory. */
  listDirectory(path: string): string[] | null;
  /**
   * What a directory is, whatever path names it (a file system's device and inode): a folder
   * walk that meets a directory it is already inside (a symbolic link to `.` or to a parent)
   * does not enter it again. Optional: without it, a host has no such loops.
   */
  directoryId?(path: string): string | null;
}

/** What ConfigHost.readFile gives: the text, or why there is none. */
export type FileRead =
  | {
      /** The file's text. */
      text: string;
    }
  | {
      /** Why it cannot be read, in a few words (`no such file`, `permission denied`). */
      error: string;
    };

/** The products `scan` reads, by id. */
export type ProductId =
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'postfix'
  | 'dovecot'
  | 'exim'
  | 'lighttpd'
  | 'stunnel'
  | 'openvpn'
  | 'postgresql'
  | 'mysql'
  | 'redis'
  | 'openssl-cnf'
  | 'ingress-nginx';

/** Which end of a connection a setting configures. */
export type ScanRole = 'server' | 'client';

/** A place in a scanned file. */
export interface FilePlace {
  /** The file's path as given or as an include named it. */
  file: string;
  /** Line, from 1. */
  line: number;
  /** Column, from 1, in code points. */
  column: number;
}

/** The options of `scan`. */
export interface ScanOptions {
  /** The libraries to evaluate each setting for (default: the default target). */
  targets?: readonly TargetName[];
  /** Read every file as this product instead of recognising it. */
  product?: ProductId;
  /** The security level the library starts with (a distribution's build setting, e.g. Debian's 2). */
  seclevel?: number;
  /** A named policy (`policies()` of the main entry) every setting's list is checked against, at its protocols. */
  policy?: string;
}

/** Where a value is written: its file, line and column, and its offset in the file's text. */
export interface WrittenPlace extends FilePlace {
  /** The UTF-16 offset of the value's first character in the file's text. */
  offset: number;
}

/** One value a setting hands to the library: where it is written, or the product's default. */
export interface SettingValue {
  /** The text the library receives. */
  value: string;
  /** Where the text is written; null for a default. */
  place: WrittenPlace | null;
  /** The directive it comes from, or a sentence saying whose default it is. */
  from: string;
}

/** One TLS setting found in the configuration, evaluated for one target. */
export interface ScanSetting extends FilePlace {
  /** The product the file belongs to. */
  product: ProductId;
  /** The directive that makes the setting (the cipher directive, or the one that turns TLS on). */
  directive: string;
  /** Where in the configuration: `server example.org`, `[mysqld]`, ... */
  context: string;
  /** Server or client side. */
  role: ScanRole;
  /** The library the setting is evaluated for. */
  target: TargetName;
  /** The cipher string the library receives, after the product's composition and defaults. */
  string: string;
  /** Where that string comes from. */
  stringFrom: SettingValue;
  /** The TLS 1.3 list the library receives; null where the product leaves the library's default. */
  ciphersuites: string | null;
  /** Where the TLS 1.3 list comes from; null when the library's default stands. */
  ciphersuitesFrom: SettingValue | null;
  /** The protocol versions enabled, oldest first (the product's setting within what the target has). */
  protocols: ProtocolVersion[];
  /** Whether the server picks by its own order (null for a client or where unknown). */
  serverPreference: boolean | null;
  /**
   * A server: whether finite-field DHE suites can be chosen (the product has DH parameters:
   * OpenSSL picks no DHE suite without them); null for a client or where the product is not known.
   */
  dhe: boolean | null;
  /** A server: SSL_OP_PRIORITIZE_CHACHA (with its own order, a client that prefers ChaCha20 gets it). */
  prioritizeChaCha: boolean | null;
  /**
   * A server with an RSA and an ECDSA certificate: `by-suite` when both sit in one context and
   * OpenSSL picks by the suite order, `ecdsa-first` when the product picks the certificate from
   * the ClientHello first (then every ECDSA suite comes before any RSA one); null where unknown.
   */
  certificateChoice: 'by-suite' | 'ecdsa-first' | null;
  /** The `expand()` result for the string, with the effective offer in `supported`. */
  result: LintResult['result'];
  /** lint's findings on the string, and the product's own (spans into `string`). */
  diagnostics: Diagnostic[];
}

/** Something `scan` could not read: a file, an include, a value it cannot know. */
export interface ScanProblem extends FilePlace {
  /** A diagnostic code of the registry. */
  code: Diagnostic['code'];
  /** error, warning or info. */
  severity: Diagnostic['severity'];
  /** One line of English. */
  message: string;
  /** The span in the file's text. */
  span: Span;
}

/** A file `scan` read. */
export interface ScannedFileInfo {
  /** Its path, as given or as an include named it. */
  file: string;
  /** The product it was read as. */
  product: ProductId | null;
}

/** What `scan` returns. */
export interface ScanReport {
  /** Every setting found, per target, in file order. */
  settings: ScanSetting[];
  /** What could not be read, in file order. */
  problems: ScanProblem[];
  /** Every file read, with the product it was read as. */
  files: ScannedFileInfo[];
}
