import type { Response } from 'express';
import { partyOrPublic, type Audience } from '../../../model/src';
import type { Principal } from '../auth';

/** The request's principal, or undefined for an anonymous read (where `principalOf` would refuse it). */
export function readerPrincipal(response: Response): Principal | undefined {
  return response.locals.principal as Principal | undefined;
}

/**
 * The audience of a request reading a record: a regulator or admin token reads as the regulator, an
 * enterprise token whose enterprise is among the record's parties as a party, anyone else as the
 * public. `parties` is asked only for an enterprise token: it may cost a store read.
 *
 * @example
 * await requestAudience(principal, async () => lotParties(lot, journey.custody))
 */
export async function requestAudience(principal: Principal | undefined, parties: () => Promise<Iterable<string>>): Promise<Audience> {
  return recordAudience(principal, principal?.ent === undefined || seesEverything(principal) ? [] : await parties());
}

const seesEverything = (principal: Principal): boolean => principal.role === 'regulator' || principal.role === 'admin';

/** As {@link requestAudience}, for each of several records with parties of their own (a subject's events). */
export function recordAudience(principal: Principal | undefined, parties: Iterable<string>): Audience {
  if (!principal) return 'public';
  if (seesEverything(principal)) return 'regulator';
  return partyOrPublic(principal.ent, parties);
}
