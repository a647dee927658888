import type { JsonValue } from './placeholders';

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * Where an answer fails to contain an example's expected part, or undefined when it contains it.
 * Expected objects need each of their members (others may be there too); expected arrays need, for
 * each of their items, some item of the answer that contains it, in any order (an answer lists more
 * than an example shows, and the ledger does not promise the order of what one transaction wrote);
 * anything else must be equal.
 *
 * @example
 * mismatchOf({ lots: [{ id: 'A', quantity: 3 }] }, { lots: [{ id: 'A' }] }) // undefined
 * mismatchOf({ status: 'open' }, { status: 'closed' }) // '$.status: expected "closed", got "open"'
 */
export function mismatchOf(actual: unknown, expected: JsonValue, at = '$'): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${describe(actual)}`;
    for (const [index, item] of expected.entries()) {
      if (!actual.some((candidate: unknown) => mismatchOf(candidate, item) === undefined)) {
        return `${at}: no item contains ${at}[${index}] ${describe(item)}`;
      }
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, got ${describe(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const problem = mismatchOf((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
}
