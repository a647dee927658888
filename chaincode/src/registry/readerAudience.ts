import type { Context } from 'fabric-contract-api';
import { LedgerError, MspIds, partyOrPublic, type Audience } from '../../../model/src';
import { callerOf } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller } from './registeredCaller';

/**
 * The audience an evaluate call reads for, from the caller's certificate and the registry.
 *
 * The gateway reads with its own RegulatorOrg identity of role `reader` (see network/src/identities.ts
 * `gatewayIdentity`) and gets records whole: it projects every block anyway, so the ledger hides
 * nothing from it, and it answers each of its own callers as their audience (gateway/src/audiences).
 * The role counts only when RegulatorOrg's MSP vouches for the certificate (`honouredRole`). A
 * regulator reads whole only with an active binding; the intake, a revoked regulator, a RegulatorOrg
 * certificate without a role and an unbound certificate read as the public.
 *
 * `parties` is asked only of an enterprise caller, since working out a lot's parties reads its
 * custody log.
 */
export async function readerAudience(ctx: Context, parties: () => Promise<Iterable<string>>): Promise<Audience> {
  const reader = await readerOf(ctx);
  return reader === 'regulator' ? 'regulator' : partyOrPublic(reader.enterpriseId, reader.enterpriseId === undefined ? [] : await parties());
}

/** Who reads, for records of many parties (a subject's events): a regulator, or the enterprise it acts for, if any. */
export type Reader = 'regulator' | { enterpriseId: string | undefined };

export async function readerOf(ctx: Context): Promise<Reader> {
  const caller = callerOf(ctx);
  if (caller.mspId === MspIds.regulator) {
    if (caller.role === 'reader') return 'regulator';
    return (await refusedAsPublic(() => actsAsRegulator(ctx, caller))) ? 'regulator' : { enterpriseId: undefined };
  }
  return { enterpriseId: await refusedAsPublic(async () => (await requireEnterpriseCaller(ctx)).enterprise.id) };
}

/** The audience of `reader` for a record whose parties are `parties`. */
export function audienceOfReader(reader: Reader, parties: Iterable<string>): Audience {
  return reader === 'regulator' ? 'regulator' : partyOrPublic(reader.enterpriseId, parties);
}

/** What `check` answers, or undefined where it refuses the caller: a refused reader still reads as the public. */
async function refusedAsPublic<T>(check: () => Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof LedgerError && error.kind === 'FORBIDDEN') return undefined;
    throw error;
  }
}
