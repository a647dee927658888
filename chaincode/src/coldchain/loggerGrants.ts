import { eventTimeMillis, invalid, notFound, type LoggerGrant, type LoggerGrantInput, type LoggerGrantRevocation } from '../../../model/src';
import { txTime } from '../common/ledgerTime';
import type { ColdChainSession } from './coldChainSession';
import { loggerGrantKey } from './coldChainKeys';
import { readLogger, requireLoggerOwner } from './loggers';

/**
 * The owner of a logger lets another enterprise attach it to lots that enterprise holds, optionally
 * until a time; granting again replaces the grant (a new end, or none). See `loggerConsent.ts` for
 * how an attach is checked against it.
 */
export async function grantLogger(session: ColdChainSession, input: LoggerGrantInput): Promise<LoggerGrant> {
  const logger = await readLogger(session, input.loggerId);
  requireLoggerOwner(logger, session.actorId, 'grant it to another enterprise');
  if (input.custodianId === logger.ownerId) {
    throw invalid(`enterprise ${input.custodianId} owns logger ${logger.loggerId} and needs no grant to attach it`);
  }
  if (!(await session.enterprise(input.custodianId))) {
    throw notFound(`enterprise ${input.custodianId} is not registered`);
  }
  // A grant that has already ended would allow nothing; more likely a mistyped date.
  if (input.until !== undefined && eventTimeMillis(input.until) <= txTime(session.ctx).getTime()) {
    throw invalid(`until ${input.until} is not after the transaction time ${session.now}`);
  }
  const grant: LoggerGrant = { ...input, ownerId: logger.ownerId, grantedAt: session.now, txId: session.txId };
  session.stage(loggerGrantKey(session.ctx, input.loggerId, input.custodianId), grant, 'loggerGrants');
  return grant;
}

/**
 * Ends a grant: the enterprise can no longer attach the logger. Attachments it already made stay
 * until their custodian detaches them; the record stays too, marked revoked, for whoever audits them.
 */
export async function revokeLoggerGrant(session: ColdChainSession, input: LoggerGrantRevocation): Promise<LoggerGrant> {
  const logger = await readLogger(session, input.loggerId);
  requireLoggerOwner(logger, session.actorId, 'revoke its grants');
  const key = loggerGrantKey(session.ctx, input.loggerId, input.custodianId);
  const grant = await session.read<LoggerGrant>(key);
  if (!grant || grant.revokedAt !== undefined) {
    throw notFound(`logger ${input.loggerId} has no standing grant to enterprise ${input.custodianId}`);
  }
  const revoked: LoggerGrant = { ...grant, revokedAt: session.now, revokedTxId: session.txId };
  session.stage(key, revoked, 'loggerGrants');
  return revoked;
}
