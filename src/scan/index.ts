// The public entry `cipherx/scan`: configuration files in, their TLS settings evaluated out. Apart
// from the main entry, so that a page or a program that only evaluates strings does not carry the
// product readers and their data.
import '../index.js';

export { scan } from './scan.js';
export { PRODUCT_IDS as products } from './products/index.js';
export { DISTRIBUTION_IDS as distributions, findDistribution, type Distribution } from '../library/distributions.js';
export { renderScan, type FileTexts } from '../format/scan-text.js';
export { scanToSarif } from '../format/sarif.js';
export type {
  ConfigHost,
  FilePlace,
  FileRead,
  ScannedFileInfo,
  WrittenPlace,
  ProductId,
  ScanOptions,
  ScanProblem,
  ScanReport,
  ScanRole,
  ScanSetting,
  SettingValue,
} from './types.js';
