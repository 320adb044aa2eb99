import { readFileSync } from 'node:fs';
import type { OpenSSLTargetName } from '../../src/index.js';

/** Each OpenSSL target with the table recorded from its real build (data/source/tables/). */
export const RECORDED_TABLES: ReadonlyArray<[OpenSSLTargetName, string]> = [
  ['openssl-1.0.2', 'table-1.0.2u.json'],
  ['openssl-1.1.1', 'table-1.1.1w.json'],
  ['openssl-3.0', 'table-3.0.20.json'],
  ['openssl-3.5', 'table-3.5.7.json'],
  ['openssl-3.6', 'table-3.6.3.json'],
  ['openssl-4.0', 'table-4.0.2.json'],
];

export function readRecordedTable<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/source/tables/${file}`, import.meta.url), 'utf8')) as T;
}
