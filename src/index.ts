export { expand } from './expand.js';
export { formatCiphers, type OutputFormat } from './format/openssl-text.js';
export { TARGET_NAMES as targets } from './table/registry.js';
export type {
  Cipher,
  Diagnostic,
  ErrorCode,
  ExpandError,
  ExpandOptions,
  ExpandResult,
  Severity,
  Span,
  TargetName,
} from './types.js';
