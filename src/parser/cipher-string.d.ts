// Types for the generated parser (see scripts/generate-parser.js).
export function parse(input: string, options?: Record<string, unknown>): unknown;
export class SyntaxError extends Error {}
export const StartRules: string[];
