// `--policy NAME`, as check, suggest, lint and scan read it.
import { closest } from '../core/closest.js';
import { policies } from '../policy/policies.js';
import { UsageError } from './args.js';

/** The policies as the help lists them: id, then title and edition. */
export function policyHelp(): string {
  return policies()
    .map((p) => `  ${p.id.padEnd(22)} ${p.source.publisher} ${p.source.edition}: ${p.title.replace(/^.*?, /, '')}\n`)
    .join('');
}

/** `--policy NAME`: a policy's id, or a usage error naming the closest and every id. */
export function readPolicy(value: string | undefined): string {
  const ids = policies().map((p) => p.id);
  if (value === undefined) throw new UsageError(`--policy is required: ${ids.join(', ')}`);
  if (ids.includes(value)) return value;
  const meant = closest(value, ids);
  throw new UsageError(
    `unknown policy ${JSON.stringify(value)}${meant ? ` (did you mean \`${meant}\`?)` : ''}; the policies: ${ids.join(', ')}`,
  );
}
