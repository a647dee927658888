import { eventTimeMillis, forbidden, type LoggerGrant, type TemperatureLogger } from '../../../model/src';
import { txTime } from '../common/ledgerTime';
import type { ColdChainSession } from './coldChainSession';
import { loggerGrantKey } from './coldChainKeys';

/**
 * A logger's readings become evidence about every lot it is attached to, and its owner is the one
 * who anchors them. Attached without the owner's consent, a rival's logger would lend its readings to
 * lots its owner never saw, or make the owner's anchors speak against them. So the caller attaches
 * its own logger, or one whose owner granted it the logger (`coldchain:grantLogger`): a grant not
 * revoked, and, when it has an end, neither recorded nor dated after that end.
 */
export async function requireAttachConsent(session: ColdChainSession, logger: TemperatureLogger, eventTime: string): Promise<void> {
  if (logger.ownerId === session.actorId) {
    return;
  }
  const grant = await session.read<LoggerGrant>(loggerGrantKey(session.ctx, logger.loggerId, session.actorId));
  const refusal = `logger ${logger.loggerId} belongs to ${logger.ownerId}; enterprise ${session.actorId} may attach it only while ${logger.ownerId} grants it (coldchain:grantLogger)`;
  if (!grant) {
    throw forbidden(refusal);
  }
  if (grant.revokedAt !== undefined) {
    throw forbidden(`${refusal}: the grant was revoked at ${grant.revokedAt}`);
  }
  if (grant.until !== undefined) {
    const untilMs = eventTimeMillis(grant.until);
    if (txTime(session.ctx).getTime() > untilMs || eventTimeMillis(eventTime) > untilMs) {
      throw forbidden(`${refusal}: the grant ran until ${grant.until}`);
    }
  }
}
