import type { ColdChainLot, CustodyRecord, RiskAlert } from '../../../model/src';
import type { ColdChainJourney } from '../projection/coldChainJourney';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';

/** `sold` is a serialised unit's (see unitView.ts), shown before the lot's own. */
export type BannerKind = 'sold' | 'recalled' | 'quarantined' | 'expired' | 'excursion' | 'documentsIncomplete';

/** What a consumer sees about a lot: the facts and the warnings, from the projection. */
export interface ConsumerLotView {
  lot: ColdChainLot;
  journey: CustodyRecord[];
  alerts: RiskAlert[];
  banners: BannerKind[];
  enterprises: Record<string, string>;
  projectedAtBlock: number;
}

/** The lot's journey document (one `_id` lookup), or undefined when the lot is not projected. */
export async function findJourney(models: LedgerModels, lotId: string): Promise<(ColdChainJourney & { lot: ColdChainLot }) | undefined> {
  const journey = (await models.journeys.findById(lotId).lean()) as ColdChainJourney | null;
  return journey?.lot ? (journey as ColdChainJourney & { lot: ColdChainLot }) : undefined;
}

/**
 * Builds the consumer view from the lot's journey document and the names of the enterprises in it;
 * names go through `cache` when given (the projector drops a name when its enterprise changes).
 */
export async function consumerLotView(models: LedgerModels, lotId: string, today = new Date(), cache?: ProjectionReadCache): Promise<ConsumerLotView | undefined> {
  const doc = await findJourney(models, lotId);
  if (!doc) {
    return undefined;
  }
  const { lot, custody: journey, alerts } = doc;
  const ids = [...new Set([lot.ownerId, lot.custodianId, ...journey.map((e) => e.enterpriseId)])];
  const nameOf = async (id: string): Promise<string | undefined> => {
    const load = async () => {
      const found = await models.enterprises.findById(id).lean();
      return found ? String(found.record.name) : undefined;
    };
    return cache ? cache.get(`enterprise:${id}`, load) : load();
  };
  const names = await Promise.all(ids.map(nameOf));
  const enterprises = Object.fromEntries(ids.flatMap((id, i) => (names[i] === undefined ? [] : [[id, names[i]]])));
  const banners: BannerKind[] = [];
  if (lot.hold) banners.push(lot.hold.state);
  if (lot.expiryDate < today.toISOString().slice(0, 10)) banners.push('expired');
  if (alerts.some((a) => a.kind === 'excursion')) banners.push('excursion');
  if (lot.documentStatus !== 'complete') banners.push('documentsIncomplete');
  return { lot, journey, alerts, banners, enterprises, projectedAtBlock: doc.source.blockNumber };
}
