import { registerAllTargets } from './data.js';
import { TARGET_NAMES } from './library/registry.js';
import type { TargetName } from './types.js';

registerAllTargets();

/**
 * Names of all targets, as the library registry lists them (OpenSSL's release lines, then BoringSSL's). Frozen,
 * and a copy of the list cipherx itself checks names against: it cannot be changed from outside.
 */
export const targets: readonly TargetName[] = Object.freeze([...TARGET_NAMES]);

export { expand } from './expand.js';
export { convertNames, type ConvertedName } from './convert.js';
export {
  lint,
  type LintAccepted,
  type LintOptions,
  type LintRejected,
  type LintResult,
  type LintResultFields,
} from './lint/lint.js';
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
export { DEFAULT_TARGET as defaultTarget } from './library/registry.js';
export type { Capabilities, Family } from './library/registry.js';
export { describeTargets, type TargetInfo } from './targets.js';
export { renderProblem, type RelatedPlace, type RenderedProblem } from './format/diagnostic-text.js';
export {
  locateInSource,
  type DiagnosticSources,
  type SourceLocation,
  type SourcePosition,
  type SourceRole,
  type SourceText,
} from './format/source-text.js';
export { describeTerm, renderSuiteAnswer } from './format/explain-text.js';
export { negotiate, peers } from './negotiate/negotiate.js';
export type {
  HazardFinding,
  Negotiation,
  NegotiationFailed,
  NegotiationFailure,
  NegotiationFailureInfo,
  NegotiationFields,
  NegotiationSucceeded,
  NegotiateOptions,
  Role,
} from './negotiate/negotiation.js';
export type { CertificateType, Hazard, HazardCondition, PeerId, PeerProfile, PeerSource } from './negotiate/peers.js';
export type { ProtocolVersion } from './supported/protocol.js';
export type { DropReason, SupportedOptions, SupportedView } from './supported/supported.js';
export type { NoEffectReason, TermEffect, TermTrace } from './core/trace.js';
export type {
  Cipher,
  Diagnostic,
  ErrorCode,
  ExpandError,
  ExpandAccepted,
  ExpandOptions,
  ExpandRejected,
  ExpandResult,
  ExpandResultFields,
  Severity,
  BoringSSLTargetName,
  OpenSSLTargetName,
  Span,
  TargetName,
} from './types.js';
export {
  check,
  type CheckOptions,
  type ForbiddenSuite,
  type OrderViolation,
  type PolicyCheck,
  type SuiteSource,
  type TargetCheck,
} from './policy/check.js';
export { policies } from './policy/policies.js';
export { policyFindings } from './policy/findings.js';
export type {
  AllowEntry,
  ForbidEntry,
  KeySizesEntry,
  Policy,
  PolicyCitation,
  PolicyEntry,
  PolicySource,
  ProtocolsEntry,
  RequireEntry,
} from './policy/policy.js';
