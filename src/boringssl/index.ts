export { expandBoringssl } from './expand.js';
export { formatBoringssl, type BoringsslFormat } from './format.js';
export { boringsslErrorLine } from './table.js';
export type {
  BoringsslCipher,
  BoringsslError,
  BoringsslErrorCode,
  BoringsslOptions,
  BoringsslResult,
} from './types.js';
