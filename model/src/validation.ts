import type { z } from 'zod';
import { invalid } from './ledgerError';

/**
 * Parses input with a schema and throws an INVALID {@link LedgerError} naming every bad field.
 * Chaincode uses it on raw transaction arguments; the gateway uses the same schemas on request bodies.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw invalid(describeIssues(result.error.issues));
  }
  return result.data;
}

/** Each bad field with what is wrong with it (a map key's own reasons, not zod's generic "Invalid key in record"). */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): { field: string; message: string }[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    const message = issue.code === 'invalid_key' ? `key ${JSON.stringify(issue.path[issue.path.length - 1])} ${issue.issues.map((inner) => inner.message).join(', ')}` : issue.message;
    return { field, message };
  });
}

/** One line naming each bad field and what is wrong with it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return fieldProblems(issues)
    .map(({ field, message }) => `${field}: ${message}`)
    .join('; ');
}

/** Parses a JSON transaction argument, refusing malformed JSON with an INVALID error. */
export function parseJsonArgument(argument: string, what: string): unknown {
  try {
    return JSON.parse(argument) as unknown;
  } catch {
    throw invalid(`${what} is not valid JSON`);
  }
}

/**
 * The error of a refinement that names what it expected when `precise` can tell (a check digit), and
 * states the rule otherwise: "has check digit 4, but … is 3" says what to fix, "must be valid" does not.
 *
 * @example
 * GtinSchema = cleanId('09521234543213').refine(isGtin14, explained('must be a 14-digit GTIN with a valid check digit', (v) => wrongCheckDigit('GTIN', v)));
 */
export function explained(rule: string, precise: (value: string) => string | undefined): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (typeof issue.input === 'string' ? precise(issue.input) : undefined) ?? rule };
}
