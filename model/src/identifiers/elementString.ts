/**
 * GS1 element strings in their human-readable form, AIs in parentheses: `(01)09521234543213(10)LOT42`.
 * Values holding parentheses cannot be told from the next AI, so they are not read.
 */
const ELEMENT_STRING = /^(?:\(\d{2,4}\)[^()]+)+$/;

/**
 * The AI / value pairs of an element string in order, or undefined when the text is not one.
 *
 * @example
 * elementStringPairs('(01)09521234543213(21)SN1') // [['01', '09521234543213'], ['21', 'SN1']]
 */
export function elementStringPairs(text: string): [string, string][] | undefined {
  if (!ELEMENT_STRING.test(text)) return undefined;
  return [...text.matchAll(/\((\d{2,4})\)([^()]+)/g)].map((m) => [m[1], m[2]]);
}

/** The element string of AI / value pairs. */
export const elementString = (pairs: readonly (readonly [string, string])[]): string => pairs.map(([ai, value]) => `(${ai})${value}`).join('');

/** The pairs when they are exactly these AIs in this order, else undefined. */
export function pairsOf(text: string, ais: readonly string[]): string[] | undefined {
  const pairs = elementStringPairs(text);
  if (!pairs || pairs.length !== ais.length || pairs.some(([ai], i) => ai !== ais[i])) return undefined;
  return pairs.map(([, value]) => value);
}
