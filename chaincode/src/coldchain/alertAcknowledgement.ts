import { acknowledgerRefusal, conflict, forbidden, notFound, type AlertAcknowledgementInput, type RiskAlert } from '../../../model/src';
import { alertKey } from '../supplychain';
import type { ColdChainSession } from './coldChainSession';

/**
 * The enterprise an alert concerns — the lot's owner or its custodian — records that it looked into
 * it. The alert stays under its key, now `acknowledged` with who, when and the comment, so the
 * ledger keeps both the finding and the answer; raising it again still changes nothing.
 */
export async function acknowledgeAlert(session: ColdChainSession, lotId: string, alertId: string, input: AlertAcknowledgementInput): Promise<RiskAlert> {
  const lot = await session.lot(lotId);
  // Who may answer is settled before the alert is read: a stranger learns nothing of the lot's alerts.
  if (session.actorId !== lot.ownerId && session.actorId !== lot.custodianId) {
    throw forbidden(acknowledgerRefusal(lot, session.actorId));
  }
  const key = alertKey(session.ctx, lotId, alertId);
  const alert = await session.read<RiskAlert>(key);
  if (!alert) {
    throw notFound(`lot ${lotId} has no alert ${alertId}`);
  }
  if (alert.status === 'acknowledged') {
    throw conflict(`alert ${alertId} of lot ${lotId} was already acknowledged by ${alert.ackBy ?? '(unknown)'} at ${alert.ackAt ?? '(unknown time)'}`);
  }
  const acknowledged: RiskAlert = { ...alert, status: 'acknowledged', ackBy: session.actorId, ackAt: session.now, comment: input.comment, ackTxId: session.txId };
  session.stage(key, acknowledged, 'alerts');
  return acknowledged;
}
