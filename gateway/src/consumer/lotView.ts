import type { ColdChainLot, CustodyRecord, RiskAlert } from '../../../model/src';
import type { ColdChainJourney } from '../projection/coldchain';
import type { LedgerModels } from '../projection/models';
import type { LotInput, LotInputs } from './lotInputs';

/** `sold` is a serialised unit's (see unitView.ts), shown before the lot's own. */
/** `outOfDate`: the projection is behind the ledger or could not apply a transaction about this item. */
export type BannerKind = 'sold' | 'recalled' | 'quarantined' | 'expired' | 'excursion' | 'documentsIncomplete' | 'outOfDate';

/**
 * What a consumer sees about a lot that changes only when the ledger does, so it can be kept until
 * the projector touches the lot: everything but the enterprises' names and the date.
 */
export interface LotFacts {
  lot: ColdChainLot;
  journey: CustodyRecord[];
  /** For a lot split, merged or transformed from others: where each input came from. */
  inputs: LotInput[];
  /** Parents beyond those read for {@link inputs}. */
  moreInputs: number;
  alerts: RiskAlert[];
  /**
   * Whether the ledger holds (or is to hold) temperature readings for the lot: a logger attached or a
   * window anchored. Without either, nothing can be said about excursions, only that there are no records.
   */
  temperatureRecorded: boolean;
  /** Banners that follow from the ledger alone (not expiry, which follows from the date). */
  ledgerBanners: BannerKind[];
  /** The enterprises the page names: owner, custodian and every holder. */
  enterpriseIds: string[];
  projectedAtBlock: number;
}

/** What a consumer sees about a lot: the facts and the warnings, from the projection. */
export interface ConsumerLotView extends Omit<LotFacts, 'ledgerBanners' | 'enterpriseIds'> {
  banners: BannerKind[];
  enterprises: Record<string, string>;
}

/** The lot's journey document (one `_id` lookup), or undefined when the lot is not projected. */
export async function findJourney(models: LedgerModels, lotId: string): Promise<(ColdChainJourney & { lot: ColdChainLot }) | undefined> {
  const journey = await models.journeys.read(lotId);
  return journey?.lot ? (journey as ColdChainJourney & { lot: ColdChainLot }) : undefined;
}

/** `inputs`: the parents' part, read apart (lotInputs.ts), since the journey document holds only their links. */
export function lotFactsOf(doc: ColdChainJourney & { lot: ColdChainLot }, { inputs, moreInputs }: LotInputs = { inputs: [], moreInputs: 0 }): LotFacts {
  const { lot, custody: journey, alerts } = doc;
  const ledgerBanners: BannerKind[] = [];
  if (lot.hold) ledgerBanners.push(lot.hold.state);
  if (alerts.some((a) => a.kind === 'excursion')) ledgerBanners.push('excursion');
  if (lot.documentStatus !== 'complete') ledgerBanners.push('documentsIncomplete');
  const holders = [...journey, ...inputs.flatMap((input) => input.custody)].map((e) => e.enterpriseId);
  const enterpriseIds = [...new Set([lot.ownerId, lot.custodianId, ...holders])];
  // An anchor reaches a lot's journey only with a change to the lot in the same transaction (an
  // excursion alert); an attached logger is the lot's own sign that readings exist or are coming.
  const temperatureRecorded = doc.anchors.length > 0 || doc.loggers.length > 0;
  return { lot, journey, inputs, moreInputs, alerts, temperatureRecorded, ledgerBanners, enterpriseIds, projectedAtBlock: doc.source.blockNumber };
}

/** The consumer view of a lot's facts on `today`, with the names known for its enterprises. */
export function consumerLotView(facts: LotFacts, names: ReadonlyMap<string, string>, today = new Date()): ConsumerLotView {
  const { ledgerBanners, enterpriseIds, ...rest } = facts;
  const banners = [...ledgerBanners];
  // Expiry sits between the hold and the temperature banners, as the page orders warnings.
  if (facts.lot.expiryDate < today.toISOString().slice(0, 10)) banners.splice(facts.lot.hold ? 1 : 0, 0, 'expired');
  const enterprises = Object.fromEntries(enterpriseIds.flatMap((id) => (names.has(id) ? [[id, names.get(id) as string]] : [])));
  return { ...rest, banners, enterprises };
}
