// The named policies of data/policies/, looked up by id.
import bsiTr021022 from '../../data/policies/bsi-tr-02102-2.json' with { type: 'json' };
import mozillaIntermediate from '../../data/policies/mozilla-intermediate.json' with { type: 'json' };
import mozillaModern from '../../data/policies/mozilla-modern.json' with { type: 'json' };
import mozillaOld from '../../data/policies/mozilla-old.json' with { type: 'json' };
import type { Policy } from './policy.js';

/** Every policy, in the order `--help` and the page list them. */
const POLICIES: readonly Policy[] = Object.freeze(
  [mozillaModern, mozillaIntermediate, mozillaOld, bsiTr021022].map((p) => deepFreeze(p as unknown as Policy)),
);

/** By id: an id typed by a user is only looked up. */
const BY_ID: ReadonlyMap<string, Policy> = new Map(POLICIES.map((p) => [p.id, p]));

/** Every named policy (frozen). */
export function policies(): readonly Policy[] {
  return POLICIES;
}

/** The policy of that id, or undefined. */
export function findPolicy(id: unknown): Policy | undefined {
  return typeof id === 'string' ? BY_ID.get(id) : undefined;
}

/** The ids, in order. */
export function policyIds(): string[] {
  return POLICIES.map((p) => p.id);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
