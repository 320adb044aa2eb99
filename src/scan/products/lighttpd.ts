// lighttpd 1.4.69 mod_openssl: `key = value` statements (strings, numbers, arrays, `+`),
// `$SERVER["socket"] == ":443" { ... }` conditions, `include` relative to the main file's
// folder. TLS settings are valid in the global scope and in $SERVER["socket"] blocks, which
// inherit the global ones (src/mod_openssl.c mod_openssl_set_defaults_sockets). lighttpd always
// sets the cipher list (its own default unless ssl.cipher-list, which also turns server
// preference on) and TLSv1.2 as the minimum, then applies ssl.openssl.ssl-conf-cmd in order,
// its CipherString with `:!aNULL:!eNULL:!EXP` appended (network_openssl_ssl_conf_cmd).
import { type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { baseName, type ProductReader, type ReadContext, type ScannedFile, type ValueSource } from '../product.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import { confProtocols } from './apache.js';

interface Token {
  kind: 'str' | 'name' | 'cond' | 'op';
  value: string;
  start: number;
  end: number;
  /** For a string written without escapes: where its value starts. */
  valueAt: number | null;
}

/** A value: a string (with its word when written as one literal), a number, an array, or what cannot be known. */
type Val =
  | { kind: 'str'; value: string; word: Word; literal: boolean }
  | { kind: 'array'; items: Array<{ key: Val | null; value: Val }>; word: Word }
  | { kind: 'unknown'; why: string; word: Word };

interface Placed {
  val: Val;
  key: Word;
  file: ScannedFile;
}

/** The global scope or one $SERVER["socket"] block, with its TLS settings. */
interface Scope {
  label: string;
  at: { file: ScannedFile; word: Word } | null;
  values: Map<string, Placed>;
}

const TLS_KEYS = new Set(['ssl.engine', 'ssl.cipher-list', 'ssl.openssl.ssl-conf-cmd']);

export const lighttpd: ProductReader = {
  id: 'lighttpd',
  recognise(path, text) {
    if (baseName(path) === 'lighttpd.conf') return 'main';
    return /(^|\n)[ \t]*(ssl\.(engine|cipher-list|pemfile|openssl\.ssl-conf-cmd)[ \t]*\+?=|\$SERVER\["socket"\])/.test(
      text,
    )
      ? 'part'
      : null;
  },
  read(file, ctx) {
    const r = new LighttpdRead(ctx, folderOf(file.path));
    r.file(file, r.global);
    r.finish();
  },
};

class LighttpdRead {
  readonly global: Scope = { label: 'global', at: null, values: new Map() };
  private readonly sockets = new Map<string, Scope>();
  private readonly other: Scope = { label: 'other', at: null, values: new Map() };
  private readonly vars = new Map<string, Val>();
  private toks: Token[] = [];
  private i = 0;
  private f!: ScannedFile;
  /** How deep blocks and arrays nest (a guard against a stack overflow). */
  private depth = 0;

  constructor(
    private readonly ctx: ReadContext,
    private readonly root: string,
  ) {}

  file(file: ScannedFile, scope: Scope): void {
    const saved = [this.toks, this.i, this.f, this.depth] as const;
    this.f = file;
    this.toks = tokenize(file.text, (at, m) => this.syntax(at, m));
    this.i = 0;
    try {
      this.statements(scope, false);
    } catch (e) {
      if (!(e instanceof SyntaxStop)) throw e;
    } finally {
      [this.toks, this.i, this.f, this.depth] = saved;
    }
  }

  finish(): void {
    const on = (s: Scope) => /^(enable|true|1)$/i.test(str(this.get(s, 'ssl.engine')?.val) ?? '');
    if (on(this.global)) this.report(this.global, this.global);
    for (const s of this.sockets.values())
      if (on(s) || (!s.values.has('ssl.engine') && on(this.global))) this.report(s, this.global);
  }

  private get(s: Scope, key: string): Placed | undefined {
    return s.values.get(key) ?? (s === this.global ? undefined : this.global.values.get(key));
  }

  private statements(scope: Scope, inBlock: boolean): void {
    if (++this.depth > 200) this.fail(this.toks[this.i]?.start ?? 0, 'blocks nested more than 200 deep');
    try {
      this.block(scope, inBlock);
    } finally {
      this.depth--;
    }
  }

  private block(scope: Scope, inBlock: boolean): void {
    while (this.i < this.toks.length) {
      const t = this.toks[this.i]!;
      if (t.value === '}' && t.kind === 'op') {
        if (!inBlock) this.fail(t.start, 'a `}` that closes no block');
        this.i++;
        return;
      }
      if (t.kind === 'cond') this.condition(scope);
      else if (t.kind === 'name' && (t.value === 'include' || t.value === 'include_shell')) {
        this.i++;
        const v = this.expr();
        const why =
          t.value === 'include_shell'
            ? 'runs a command'
            : v.kind === 'str'
              ? null
              : v.kind === 'unknown'
                ? v.why
                : 'not a path';
        if (why) this.unknown(t.start, v.word.end, `${t.value}: ${why}; cipherx cannot know what lighttpd reads there`);
        else if (v.kind === 'str')
          this.ctx.include(this.f, { ...v.word, value: v.value }, this.root, (inc) => this.file(inc, scope));
      } else if (t.kind === 'name' && t.value === 'global' && this.toks[this.i + 1]?.value === '{') {
        this.i += 2;
        this.statements(this.global, true);
      } else if (t.kind === 'name') {
        this.i++;
        const op = this.toks[this.i++];
        if (!op || !['=', '+=', ':=', ':=='].includes(op.value))
          this.fail(op?.start ?? t.end, `\`${t.value}\` is not followed by \`=\``);
        const v = this.expr();
        const key: Word = { value: t.value, start: t.start, end: t.end, valueAt: t.start };
        const old = scope.values.get(t.value) ?? this.get(scope, t.value);
        const val = op!.value === '+=' && old ? concat(old.val, v) : v;
        const misplaced = TLS_KEYS.has(t.value) && scope === this.other;
        if (misplaced)
          this.syntax(
            t.start,
            `${t.value} is valid only in the global scope or a $SERVER["socket"] block; lighttpd ignores it here`,
          );
        else scope.values.set(t.value, { val, key, file: this.f });
        if (scope === this.global) this.vars.set(varName(t.value), val);
      } else this.fail(t.start, `unexpected \`${t.value}\``);
    }
    if (inBlock) this.fail(this.f.text.length, 'a block that is not closed at the end of the file');
  }

  /** `$SERVER["socket"] == ":443" { ... }` (and its `else` branches). */
  private condition(scope: Scope): void {
    const start = this.toks[this.i]!;
    const parts: string[] = [];
    while (this.i < this.toks.length && this.toks[this.i]!.value !== '{') parts.push(this.text(this.toks[this.i++]!));
    if (this.toks[this.i++]?.value !== '{') this.fail(start.start, 'a condition without a block');
    const label = parts
      .join(' ')
      .replace(/\s*\[\s*/, '[')
      .replace(/\s*\]/, ']');
    const isSocket = scope === this.global && /^\$SERVER\["socket"\] ==/.test(label);
    let inner = this.other;
    if (isSocket) {
      inner = this.sockets.get(label) ?? {
        label,
        at: { file: this.f, word: { value: start.value, start: start.start, end: start.end, valueAt: start.start } },
        values: new Map(),
      };
      this.sockets.set(label, inner);
    }
    this.statements(inner, true);
    if (/^(else|elsif|elseif)$/.test(this.toks[this.i]?.value ?? '')) {
      this.i++;
      if (this.toks[this.i]?.value === '{') {
        this.i++;
        this.statements(this.other, true);
      } else this.condition(this.other);
    }
  }

  private text(t: Token): string {
    return t.kind === 'str' ? JSON.stringify(t.value) : t.value;
  }

  private expr(): Val {
    let v = this.term();
    while (this.toks[this.i]?.value === '+' && this.toks[this.i]!.kind === 'op') {
      this.i++;
      v = concat(v, this.term());
    }
    return v;
  }

  private term(): Val {
    const t = this.toks[this.i++];
    if (!t) this.fail(this.f.text.length, 'a value is missing at the end of the file');
    const word: Word = { value: t!.value, start: t!.start, end: t!.end, valueAt: t!.valueAt };
    if (t!.kind === 'str') return { kind: 'str', value: t!.value, word, literal: true };
    if (t!.kind === 'name' && /^-?\d+$/.test(t!.value)) return { kind: 'str', value: t!.value, word, literal: false };
    if (t!.kind === 'name')
      return (
        this.vars.get(varName(t!.value)) ?? {
          kind: 'unknown',
          why: `\`${t!.value}\` is known only when lighttpd runs`,
          word,
        }
      );
    if (t!.value === '(') {
      if (this.depth > 200) this.fail(t!.start, 'arrays nested more than 200 deep');
      this.depth++;
      const items: Array<{ key: Val | null; value: Val }> = [];
      while (this.toks[this.i] && this.toks[this.i]!.value !== ')') {
        const first = this.expr();
        if (this.toks[this.i]?.value === '=>') {
          this.i++;
          items.push({ key: first, value: this.expr() });
        } else items.push({ key: null, value: first });
        if (this.toks[this.i]?.value === ',') this.i++;
        else if (this.toks[this.i]?.value !== ')')
          this.fail(this.toks[this.i]?.start ?? this.f.text.length, 'an array element is not followed by `,` or `)`');
      }
      const close = this.toks[this.i++];
      this.depth--;
      return { kind: 'array', items, word: { ...word, end: close?.end ?? this.f.text.length, valueAt: null } };
    }
    return this.fail(t!.start, `unexpected \`${t!.value}\``);
  }

  private fail(at: number, message: string): never {
    this.syntax(at, message);
    throw new SyntaxStop();
  }

  private unknown(start: number, end: number, message: string, file = this.f): void {
    this.ctx.problem(file, start, end, 'unresolved-value', message);
  }

  private syntax(at: number, message: string): void {
    this.ctx.problem(this.f, at, at + 1, 'config-syntax', `lighttpd: ${message}`);
  }

  private report(s: Scope, global: Scope): void {
    const d = this.ctx.defaults;
    const list = this.get(s, 'ssl.cipher-list');
    const commands = this.get(s, 'ssl.openssl.ssl-conf-cmd');
    for (const p of [list, commands]) {
      if (p?.val.kind === 'unknown') {
        return this.unknown(
          p.val.word.start,
          p.val.word.end,
          `${p.key.value}: ${p.val.why}; cipherx cannot know it`,
          p.file,
        );
      }
    }
    const listed = list && (str(list.val) ?? '').trim() !== '' ? list : undefined;
    let cipherString: ValueSource = listed
      ? source(listed, str(listed.val)!, 'ssl.cipher-list')
      : { kind: 'product', value: d.cipherString!, from: `ssl.cipher-list not set: lighttpd ${d.version}'s default` };
    let ciphersuites: ValueSource = { kind: 'library' };
    let protocols: ProtocolVersion[] = [...(d.protocols ?? [])];
    let serverPreference = listed !== undefined || d.serverPreference === true;
    let seclevel: number | null = null;
    for (const item of commands?.val.kind === 'array' ? commands.val.items : []) {
      const name = item.key ? str(item.key) : null;
      const value = str(item.value);
      if (name === null || value === null) {
        const why = 'ssl.openssl.ssl-conf-cmd: an entry cipherx cannot read as "Command" => "value"';
        return this.unknown(item.value.word.start, item.value.word.end, why, commands!.file);
      }
      const command = name.toLowerCase();
      const at = { ...commands!, val: item.value };
      if (command === 'cipherstring') {
        const blank = value.trim() === '';
        const composed = (blank ? d.extra.blankCipherString! : value) + d.extra.cipherStringSuffix!;
        const from = `ssl.openssl.ssl-conf-cmd CipherString (lighttpd appends "${d.extra.cipherStringSuffix}")`;
        cipherString = blank
          ? { kind: 'product', value: composed, from: `${from}; blank: ${d.extra.blankCipherString}` }
          : source(at, composed, from);
      } else if (command === 'ciphersuites') ciphersuites = source(at, value, 'ssl.openssl.ssl-conf-cmd Ciphersuites');
      else if (command === 'minprotocol' || command === 'maxprotocol' || command === 'protocol')
        protocols = confProtocols(command, value, protocols);
      else if (command === 'options') {
        for (const o of value.split(/[\s,]+/))
          if (/^-?ServerPreference$/i.test(o)) serverPreference = !o.startsWith('-');
      } else if (command === 'securitylevel' && /^\d+$/.test(value.trim())) seclevel = Number(value.trim());
    }
    const own = ['ssl.openssl.ssl-conf-cmd', 'ssl.cipher-list', 'ssl.engine'].map((k) => s.values.get(k)).find(Boolean);
    const engine = global.values.get('ssl.engine')!;
    const place = own ? { file: own.file, word: own.key } : (s.at ?? { file: engine.file, word: engine.key });
    this.ctx.setting({
      file: place.file,
      at: place.word,
      directive: place.word.value,
      context: s.label,
      role: 'server',
      cipherString,
      ciphersuites,
      protocols,
      seclevel,
      serverPreference,
    });
  }
}

class SyntaxStop extends Error {}

/** A name without a dot is a `var.` variable (configparser.y). */
function varName(name: string): string {
  return name.includes('.') ? name : `var.${name}`;
}

function str(v: Val | undefined): string | null {
  return v?.kind === 'str' ? v.value : null;
}

function concat(a: Val, b: Val): Val {
  const word: Word = { value: '', start: a.word.start, end: b.word.end, valueAt: null };
  if (a.kind === 'unknown') return { ...a, word };
  if (b.kind === 'unknown') return { ...b, word };
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', items: [...a.items, ...b.items], word };
  if (a.kind === 'str' && b.kind === 'str')
    return { kind: 'str', value: a.value + b.value, word: { ...word, value: a.value + b.value }, literal: false };
  return { kind: 'unknown', why: 'a string and an array joined with `+`', word };
}

/** A written string: its own word when written as one literal, else the value lighttpd composes. */
function source(p: Placed, value: string, directive: string): ValueSource {
  if (p.val.kind === 'str' && p.val.literal)
    return { kind: 'written', file: p.file, word: { ...p.val.word, value }, directive };
  return { kind: 'product', value, from: `${directive} at ${p.file.path} (composed with +)` };
}

/** Tokens of a lighttpd configuration text; `#` starts a comment outside strings. */
function tokenize(text: string, syntax: (at: number, message: string) => void): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '"') {
      let value = '';
      let j = i + 1;
      let plain = true;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) {
          value += text[++j];
          plain = false;
        } else value += text[j];
      }
      if (j >= text.length) syntax(i, 'a string that is not closed');
      out.push({ kind: 'str', value, start: i, end: Math.min(j + 1, text.length), valueAt: plain ? i + 1 : null });
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$[A-Za-z]+/.exec(text.slice(i, i + 40));
      out.push({ kind: 'cond', value: m?.[0] ?? '$', start: i, end: i + (m?.[0].length ?? 1), valueAt: i });
      i += m?.[0].length ?? 1;
    } else {
      const m =
        /^(=>|==|!=|=~|!~|\+=|:=|[=+(){}[\],])/.exec(text.slice(i, i + 2)) ??
        /^[A-Za-z0-9_.-]+/.exec(text.slice(i, i + 256));
      if (!m) {
        syntax(i, `unexpected \`${c}\``);
        i++;
        continue;
      }
      out.push({
        kind: /^[A-Za-z0-9_]/.test(m[0]) ? 'name' : 'op',
        value: m[0],
        start: i,
        end: i + m[0].length,
        valueAt: i,
      });
      i += m[0].length;
    }
  }
  return out;
}
