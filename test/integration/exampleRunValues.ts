import { gs1CheckDigit, usccCheckCharacter } from '../../model/src';
import { runStart, scenarioTimes, type RunPlaceholder, type TimePlaceholder, type DayPlaceholder } from '../../gateway/src/openapi/placeholders';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A credit code from a number: registration authority and region of Beilun, Ningbo, then the number
 * in nine base-31 digits. No other helper uses this region, so the story's two enterprises, made from
 * consecutive numbers, are neighbours in the register's credit-code order.
 */
function usccOf(n: bigint): string {
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = USCC_ALPHABET[Number(n % 31n)] + body;
    n /= 31n;
  }
  const first17 = `91330206${body}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * The values of one test run of the example story: ids nobody used before on a ledger that keeps
 * every earlier run, and times from two days back.
 *
 * - `run`: seven characters from the clock in 10 ms steps, in lot numbers, event ids, enrollment ids
 *   and (with an `X`) the serial prefix, so every id of the story is new.
 * - `prefix`: an 11-digit GS1 company prefix ending in 7 (one digit left for the item reference):
 *   the 9-digit prefixes other tests assign (`newBrand`, item reference 001) are followed by 00 in
 *   their GTINs, so this longer prefix can never take their GTINs over.
 */
export function exampleRunValues(nowMs: number, resolver: string): Record<RunPlaceholder | TimePlaceholder | DayPlaceholder, string> {
  const tick = Math.floor(nowMs / 10);
  const run = (tick % 36 ** 7).toString(36).toUpperCase().padStart(7, '0');
  const number = BigInt(nowMs) * 1000n;
  const prefix = `69${String(tick % 1e8).padStart(8, '0')}7`;
  const gtinData = `0${prefix}1`;
  const ssccData = `39521234${String(tick % 1e9).padStart(9, '0')}`;
  return {
    run,
    importerId: usccOf(number),
    retailerId: usccOf(number + 1n),
    prefix,
    brandGtin: gtinData + gs1CheckDigit(gtinData),
    sscc: ssccData + gs1CheckDigit(ssccData),
    resolver,
    // Six digits of the clock: the story's drug identification codes are this stem and 1, 2, 3.
    drugStem: String(tick % 1e6).padStart(6, '0'),
    liftOwnerId: usccOf(number + 2n),
    liftFirmId: usccOf(number + 3n),
    inspectionBodyId: usccOf(number + 4n),
    callCentreId: usccOf(number + 5n),
    rescueCode: String(tick % 1e6).padStart(6, '0'),
    ...scenarioTimes(runStart(nowMs)),
  };
}
