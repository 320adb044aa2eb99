import { registerAllTargets } from './data.js';

registerAllTargets();

export { expand } from './expand.js';
export { convertNames, type ConvertedName } from './convert.js';
export { lint, type LintOptions, type LintResult } from './lint/lint.js';
export {
  assessList,
  assessSuite,
  type SecurityReport,
  type SuiteAssessment,
  type SuiteRating,
} from './lint/security.js';
export { explain, explainSuite, type Explanation, type SuiteAnswer } from './explain/explain.js';
export type { SuiteOrigin } from './explain/suite-history.js';
export { diff, diffResults, type CipherListDiff, type Side } from './diff.js';
export { formatCiphers, type OutputFormat } from './format/openssl-text.js';
export { TARGET_NAMES as targets, DEFAULT_TARGET as defaultTarget } from './library/registry.js';
export type { Capabilities, Family } from './library/registry.js';
export { describeTargets, type TargetInfo } from './targets.js';
export { renderProblem, type RenderedProblem } from './format/diagnostic-text.js';
export { describeTerm, renderSuiteAnswer } from './format/explain-text.js';
export {
  negotiate,
  peers,
  type HazardFinding,
  type Negotiation,
  type NegotiationFailure,
  type NegotiateOptions,
  type Role,
} from './negotiate/negotiate.js';
export type { CertificateType, Hazard, HazardCondition, PeerProfile, PeerSource } from './negotiate/peers.js';
export type { ProtocolVersion } from './supported/protocol.js';
export type { DropReason, SupportedOptions, SupportedView } from './supported/supported.js';
export type { NoEffectReason, TermEffect, TermTrace } from './eval/trace.js';
export type {
  Cipher,
  Diagnostic,
  ErrorCode,
  ExpandError,
  ExpandOptions,
  ExpandResult,
  Severity,
  OpenSSLTargetName,
  Span,
  TargetName,
} from './types.js';
