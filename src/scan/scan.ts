// `scan`: finds the TLS settings in configuration files, works out what each product hands
// to the library, and evaluates that with lint for every target asked for.
import { requirePolicy } from '../policy/check.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../diagnostics/registry.js';
import { DEFAULT_TARGET, requireLibrary } from '../library/registry.js';
import { locateInSource } from '../format/source-text.js';
import { evaluateSetting, type LintCache } from './evaluate-setting.js';
import { joinPath, expandGlob } from './paths.js';
import { productDefaults, PRODUCTS, productById } from './products/index.js';
import type { FoundSetting, ProductReader, ReadContext, ScannedFile } from './product.js';
import type { Word } from './text.js';
import type { ConfigHost, ProductId, ScanOptions, ScanProblem, ScanReport } from './types.js';

/** The most files one scan reads (a directory walk stops there, with a problem). */
export const MAX_FILES = 100_000;

/**
 * Files a folder walk leaves out: documentation and source code, which quote configuration
 * (a README's `listen 443 ssl;`) but are none. A file named on the command line, or included,
 * is still read.
 */
export const SKIPPED_IN_FOLDERS =
  /\.(md|markdown|rst|adoc|html?|[cm]?js|[cm]?ts|[jt]sx|map|json|py|rb|go|rs|java|kt|php|c|h|cc|cpp|hpp)$/i;

/** The most problems listed for one file (a file of garbage would otherwise list one per character). */
export const MAX_PROBLEMS_PER_FILE = 1000;

/** How deep includes may nest before the scan calls it a loop. */
const MAX_INCLUDE_DEPTH = 32;

/**
 * Scans configuration files and folders: every file of a product cipherx knows is read (a
 * folder's files recursively; names starting with `.`, `node_modules`, documentation and
 * source code left out: SKIPPED_IN_FOLDERS), includes are followed, and
 * every TLS setting is evaluated for each target. Never throws on what it reads: a file or a
 * value it cannot read is a problem in the report, and the rest is still scanned.
 */
export function scan(paths: readonly string[], host: ConfigHost, options: ScanOptions = {}): ScanReport {
  const targets = (options.targets ?? [DEFAULT_TARGET]).map((t) => requireLibrary(t, 'scan').name);
  const forced = options.product === undefined ? undefined : productById(options.product);
  if (options.product !== undefined && !forced)
    throw new TypeError(`scan: unknown product ${JSON.stringify(options.product)}`);
  if (options.policy !== undefined) requirePolicy(options.policy, 'scan');
  const report: ScanReport = { settings: [], problems: [], files: [] };
  const state = new ScanState(host, report);

  // Which files, and which product each is: the main files first, so that what they include
  // is read in its context and not again on its own.
  const candidates: Array<{ file: ScannedFile; reader: ProductReader; main: boolean }> = [];
  for (const given of paths) {
    for (const path of state.walk(given)) {
      const read = state.read(path, path !== given);
      if (!read) continue;
      const found = recognise(forced, path, read.text);
      if (!found) {
        if (path === given)
          state.problemAt(
            { path, text: read.text },
            0,
            0,
            'unrecognised-file',
            `${path}: no product cipherx knows writes its TLS settings this way; try --product`,
          );
        continue;
      }
      candidates.push({ file: read, reader: found.reader, main: found.kind === 'main' });
    }
  }
  candidates.sort((a, b) => Number(b.main) - Number(a.main));
  const found: Array<{ setting: FoundSetting; product: ProductId }> = [];
  for (const c of candidates) {
    if (state.listed.has(c.file.path)) continue;
    state.listed.add(c.file.path);
    report.files.push({ file: c.file.path, product: c.reader.id });
    c.reader.read(
      c.file,
      state.context(c.reader, (setting) => found.push({ setting, product: c.reader.id })),
    );
  }
  const cache: LintCache = new Map();
  for (const { setting, product } of found) {
    for (const target of targets) {
      report.settings.push(evaluateSetting(setting, product, target, options.seclevel, cache, options.policy));
    }
  }
  const byPlace = (a: { file: string; line: number; column: number }, b: typeof a) =>
    a.file === b.file ? a.line - b.line || a.column - b.column : 0;
  report.problems.sort(byPlace);
  return report;
}

/**
 * Which product a file is: a reader that knows the file by its name alone (asked with an empty
 * text) wins over one that knows it by its content, so `my.cnf` is MySQL's even where its
 * `!include` looks like Dovecot's; among equals the first reader in PRODUCTS.
 */
function recognise(forced: ProductReader | undefined, path: string, text: string) {
  if (forced) return { reader: forced, kind: forced.recognise(path, text) ?? 'part' };
  for (const probe of ['', text]) {
    for (const reader of PRODUCTS) {
      const kind = reader.recognise(path, probe);
      if (kind) return { reader, kind: probe === '' ? (reader.recognise(path, text) ?? kind) : kind };
    }
  }
  return null;
}

/** The files read so far, what has been read as an include, and the problems. */
class ScanState {
  /** The files in report.files: read on their own or included, and not read on their own again. */
  readonly listed = new Set<string>();
  private readonly texts = new Map<string, ScannedFile | string>();
  private count = 0;
  private readonly problemCount = new Map<string, number>();

  constructor(
    private readonly host: ConfigHost,
    private readonly report: ScanReport,
  ) {}

  /**
   * The files under a path: itself when it is a file, a folder's files sorted, recursively;
   * in a folder, names starting with `.`, `node_modules` and files no product writes its
   * settings in (documentation, source code: SKIPPED_IN_FOLDERS) are left out. A folder it is
   * already inside (through a symbolic link) is a problem, not walked again.
   */
  *walk(path: string, top = true, inside: ReadonlyMap<string, string> = new Map()): Generator<string> {
    const names = this.host.listDirectory(path);
    if (names === null) {
      if (top || !SKIPPED_IN_FOLDERS.test(path)) yield path;
      return;
    }
    const id = this.host.directoryId?.(path) ?? null;
    const again = id === null ? undefined : inside.get(id);
    if (again !== undefined) {
      this.problemAt(
        { path, text: '' },
        0,
        0,
        'include-loop',
        `${path}: the folder ${again} again (a symbolic link to a folder it is in); not read twice`,
      );
      return;
    }
    const within = id === null ? inside : new Map([...inside, [id, path]]);
    for (const name of [...names].sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (this.count >= MAX_FILES) return;
      yield* this.walk(joinPath(path, name), false, within);
    }
  }

  /** A file's text, read once; null when it cannot be read (and a problem, unless `quiet`). */
  read(path: string, quiet = false): ScannedFile | null {
    if (!this.texts.has(path)) {
      if (++this.count > MAX_FILES) {
        if (this.count === MAX_FILES + 1)
          this.problemAt(
            { path, text: '' },
            0,
            0,
            'file-unreadable',
            `more than ${MAX_FILES} files: the rest is not read`,
          );
        return null;
      }
      const r = this.host.readFile(path);
      this.texts.set(path, 'text' in r ? { path, text: r.text } : r.error);
    }
    const got = this.texts.get(path)!;
    if (typeof got !== 'string') return got;
    if (!quiet) this.problemAt({ path, text: '' }, 0, 0, 'file-unreadable', `${path}: ${got}`);
    return null;
  }

  /** Why a file could not be read (after `read` returned null). */
  whyUnread(path: string): string {
    const got = this.texts.get(path);
    return typeof got === 'string' ? got : 'not read';
  }

  problemAt(file: ScannedFile, start: number, end: number, code: DiagnosticCode, message: string): void {
    const count = (this.problemCount.get(file.path) ?? 0) + 1;
    this.problemCount.set(file.path, count);
    if (count > MAX_PROBLEMS_PER_FILE + 1) return;
    if (count === MAX_PROBLEMS_PER_FILE + 1) {
      code = 'config-syntax';
      message = `${file.path}: more than ${MAX_PROBLEMS_PER_FILE} problems; the rest are not listed`;
    }
    const at = locateInSource({ name: file.path, text: file.text }, start);
    const problem: ScanProblem = {
      file: file.path,
      line: at.line,
      column: at.column,
      code,
      severity: DIAGNOSTICS[code].severity,
      message,
      span: { start, end },
    };
    this.report.problems.push(problem);
  }

  context(reader: ProductReader, setting: (s: FoundSetting) => void): ReadContext {
    const active: string[] = [];
    return {
      defaults: productDefaults(reader.id),
      setting,
      problem: (file, start, end, code, message) => this.problemAt(file, start, end, code, message),
      include: (from, word, base, each, optional = false) => {
        const pattern = joinPath(base, word.value);
        const paths = expandGlob(pattern, this.host);
        for (const path of paths) {
          if (active.includes(path) || path === from.path || active.length >= MAX_INCLUDE_DEPTH) {
            const chain = [...active, from.path, path].join(' -> ');
            this.problemAt(from, word.start, word.end, 'include-loop', `an include that does not end: ${chain}`);
            continue;
          }
          const file = this.read(path, true);
          if (!file) {
            if (!optional)
              this.problemAt(from, word.start, word.end, 'include-not-found', `${path}: ${this.whyUnread(path)}`);
            continue;
          }
          if (!this.listed.has(path)) {
            this.listed.add(path);
            this.report.files.push({ file: path, product: reader.id });
          }
          active.push(from.path);
          try {
            each(file);
          } finally {
            active.pop();
          }
        }
      },
    };
  }
}
