import type { ColdChainLot, CustodyRecord, RiskAlert } from '../../../model/src';
import type { LedgerModels } from '../projection/models';

export type BannerKind = 'recalled' | 'quarantined' | 'expired' | 'excursion' | 'documentsIncomplete';

/** What a consumer sees about a lot: the facts and the warnings, from the projection. */
export interface ConsumerLotView {
  lot: ColdChainLot;
  journey: CustodyRecord[];
  alerts: RiskAlert[];
  banners: BannerKind[];
  enterprises: Record<string, string>;
  projectedAtBlock: number;
}

export async function consumerLotView(models: LedgerModels, lotId: string, today = new Date()): Promise<ConsumerLotView | undefined> {
  const lotDoc = await models.lots.findById(lotId).lean();
  if (!lotDoc) {
    return undefined;
  }
  const lot = lotDoc.record as unknown as ColdChainLot;
  const [custody, alertDocs] = await Promise.all([models.custodyEvents.find({ 'record.lotId': lotId }).lean(), models.alerts.find({ 'record.lotId': lotId }).lean()]);
  const journey = custody.map((d) => d.record as unknown as CustodyRecord).sort((a, b) => a.sequence - b.sequence);
  const alerts = alertDocs.map((d) => d.record as unknown as RiskAlert);
  const ids = [...new Set([lot.ownerId, lot.custodianId, ...journey.map((e) => e.enterpriseId)])];
  const enterpriseDocs = await Promise.all(ids.map((id) => models.enterprises.findById(id).lean()));
  const enterprises = Object.fromEntries(enterpriseDocs.filter((d) => d !== null).map((d) => [d._id, String(d.record.name)]));
  const banners: BannerKind[] = [];
  if (lot.hold) banners.push(lot.hold.state);
  if (lot.expiryDate < today.toISOString().slice(0, 10)) banners.push('expired');
  if (alerts.some((a) => a.kind === 'excursion')) banners.push('excursion');
  if (lot.documentStatus !== 'complete') banners.push('documentsIncomplete');
  return { lot, journey, alerts, banners, enterprises, projectedAtBlock: lotDoc.source.blockNumber };
}
