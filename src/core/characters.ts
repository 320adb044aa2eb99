/** How a character of the input is named in a message: visible, whole code points, no raw control bytes. */
export function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the string';
  const cp = text.codePointAt(offset)!;
  switch (cp) {
    case 0x09:
      return 'a tab';
    case 0x0a:
      return 'a newline';
    case 0x0d:
      return 'a carriage return';
  }
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return `the control character U+${hex(cp)}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `a lone surrogate U+${hex(cp)}`;
  return '`' + String.fromCodePoint(cp) + '`';
}

/** The span of the character (code point) at `offset`: one or two UTF-16 units; empty at the end. */
export function charSpan(text: string, offset: number): { start: number; end: number } {
  if (offset >= text.length) return { start: text.length, end: text.length };
  const cp = text.codePointAt(offset)!;
  return { start: offset, end: offset + (cp > 0xffff ? 2 : 1) };
}

/** A code point as one printable column: control characters become a visible stand-in. */
export function visibleChar(cp: number): string {
  if (cp === 0x09) return '→';
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) return '·';
  return String.fromCodePoint(cp);
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * Control characters (C0, DEL, C1) become `\u{…}` escapes: text from the input can be printed
 * without reaching a terminal raw.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
