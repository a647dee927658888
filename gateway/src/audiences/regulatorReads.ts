import type { Audience } from '../../../model/src';
import type { Principal } from '../auth';
import type { RegulatorReadLog } from '../store/regulatorReadLog';

/**
 * Writes a regulator's read of what the public does not see to the audit log, before it is
 * answered: a read that cannot be logged is not served.
 */
export async function auditRegulatorRead(log: RegulatorReadLog, principal: Principal | undefined, audience: Audience, route: string, subjectId: string): Promise<void> {
  // The regulator sees every cold-chain and trace record whole, so each of its reads is beyond the public's.
  if (audience !== 'regulator' || !principal) return;
  await recordRegulatorRead(log, principal, route, subjectId);
}

/** Writes a read on a route only regulators and the admin reach (lists, dashboard, exports, packs), before it is answered. */
export function recordRegulatorRead(log: RegulatorReadLog, principal: Principal, route: string, subjectId: string): Promise<void> {
  return log.record({ who: principal.sub, role: principal.role, route, subjectId });
}
