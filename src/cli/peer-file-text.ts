/**
 * The text of a peer file from its bytes: UTF-8, or UTF-16 as Windows PowerShell 5.1 writes
 * with `>` (little-endian with a byte-order mark), big-endian too; a UTF-8 BOM is dropped.
 */
export function peerFileText(bytes: Buffer): string {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (a === 0xfe && b === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  // UTF-16 without a mark: ASCII text with a zero byte after every character.
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  if (n >= 4 && zeros * 2 >= n) return bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
