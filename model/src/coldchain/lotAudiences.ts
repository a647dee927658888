import { cityRegionOf, dayOf, publicViewOnly } from '../audience';
import type { RiskAlert } from '../supplychain/alerts';
import type { AssuranceLabel } from '../supplychain/assurance';
import type { CustodyAction, CustodyRecord } from '../supplychain/custody';
import type { DerivationKind, LineageLink, LotTrace } from '../supplychain/lineage';
import type { EventLocation } from '../supplychain/location';
import type { HoldState, LotStatus, LotVersionRecord, TracedItem } from '../supplychain/tracedItem';
import type { ColdChainLot } from './lot';
import type { ProductCategory, StorageRange } from './storageRange';

/**
 * What each audience sees of the cold chain's records. The journey is public: which enterprises
 * held a lot and in which cities, on which days, with product identity, origin, expiry, holds and
 * alerts' kinds, because consumers expect to see where their food has been. Quantities, times finer
 * than the day, addresses finer than the city, documents (numbers, hashes), customs declarations,
 * prices and logger details are business facts of the enterprises involved: their parties and the
 * regulators see the records whole.
 */

/** A place as the public sees it: the city's region code, when the place named a region at all (a bare GLN names none). */
export interface PublicPlace {
  cityRegion: string;
}

export interface PublicHold {
  state: HoldState;
  /** Why: a recall notice is public, and the consumer page shows it. */
  reason: string;
  day: string;
  inheritedFrom?: string;
}

/** A lot as the public sees it. */
export interface PublicLot {
  id: string;
  gtin: string;
  lotNumber: string;
  product: string;
  category: ProductCategory;
  lotType: ColdChainLot['lotType'];
  originCountry: string;
  producer: string;
  productionDate: string;
  expiryDate: string;
  /** How the product is to be kept, as its label says. */
  storageRange: StorageRange;
  ownerId: string;
  custodianId: string;
  status: LotStatus;
  documentStatus: ColdChainLot['documentStatus'];
  hold?: PublicHold;
  parents: string[];
  assurance: AssuranceLabel;
  createdDay: string;
}

/** A custody record as the public sees it: who, what, which day and which city. */
export interface PublicCustodyRecord {
  action: CustodyAction;
  lotId: string;
  sequence: number;
  enterpriseId: string;
  day: string;
  place?: PublicPlace;
  assurance: AssuranceLabel;
}

/** An alert as the public sees it: that something was raised, of what kind, on which day. */
export interface PublicAlert {
  lotId: string;
  kind: RiskAlert['kind'];
  status: RiskAlert['status'];
  day: string;
}

/** A lineage link as the public sees it: which lot was made from which, how, and on which day. */
export interface PublicLineageLink {
  parentId: string;
  childId: string;
  kind: DerivationKind;
  day: string;
}


/** One state of a lot's history as the public sees it. */
export interface PublicLotVersion {
  day: string;
  lot: PublicLot;
}

export interface PublicLotTrace extends Omit<LotTrace, 'links'> {
  links: PublicLineageLink[];
}

/** The city of a place, when it names a region. */
export function publicPlaceOf(location: EventLocation | undefined): PublicPlace | undefined {
  return location?.region === undefined ? undefined : { cityRegion: cityRegionOf(location.region) };
}

export function publicLot(lot: ColdChainLot): PublicLot {
  const { hold } = lot;
  return {
    id: lot.id,
    gtin: lot.gtin,
    lotNumber: lot.lotNumber,
    product: lot.product,
    category: lot.category,
    lotType: lot.lotType,
    originCountry: lot.originCountry,
    producer: lot.producer,
    productionDate: lot.productionDate,
    expiryDate: lot.expiryDate,
    storageRange: lot.storageRange,
    ownerId: lot.ownerId,
    custodianId: lot.custodianId,
    status: lot.status,
    documentStatus: lot.documentStatus,
    ...(hold ? { hold: { state: hold.state, reason: hold.reason, day: dayOf(hold.setAt), ...(hold.inheritedFrom ? { inheritedFrom: hold.inheritedFrom } : {}) } } : {}),
    parents: lot.parents,
    assurance: lot.assurance,
    createdDay: dayOf(lot.createdAt),
  };
}

export function publicCustodyRecord(record: CustodyRecord): PublicCustodyRecord {
  const place = publicPlaceOf(record.location);
  return {
    action: record.action,
    lotId: record.lotId,
    sequence: record.sequence,
    enterpriseId: record.enterpriseId,
    day: dayOf(record.eventTime),
    ...(place ? { place } : {}),
    assurance: record.assurance,
  };
}

export function publicAlert(alert: RiskAlert): PublicAlert {
  return { lotId: alert.lotId, kind: alert.kind, status: alert.status, day: dayOf(alert.raisedAt) };
}

export function publicLineageLink(link: LineageLink): PublicLineageLink {
  return { parentId: link.parentId, childId: link.childId, kind: link.kind, day: dayOf(link.eventTime) };
}

/**
 * The enterprises a lot's record names, who read it as its parties: owner, custodian, the two ends
 * of a pending shipment, and everyone who recorded its custody or was shipped it.
 */
export function lotParties(lot: Pick<TracedItem, 'ownerId' | 'custodianId' | 'shipment'>, custody: readonly Pick<CustodyRecord, 'enterpriseId' | 'to'>[] = []): Set<string> {
  const parties = new Set([lot.ownerId, lot.custodianId]);
  if (lot.shipment) {
    parties.add(lot.shipment.from);
    parties.add(lot.shipment.to);
  }
  for (const record of custody) {
    parties.add(record.enterpriseId);
    if (record.to !== undefined) parties.add(record.to);
  }
  return parties;
}

/** The cold chain's declaration: what each audience sees of each kind of record. */
export const LotAudiences = {
  lot: publicViewOnly(publicLot),
  custody: publicViewOnly(publicCustodyRecord),
  alert: publicViewOnly(publicAlert),
  lineageLink: publicViewOnly(publicLineageLink),
  lotVersion: publicViewOnly((version: LotVersionRecord<ColdChainLot>): PublicLotVersion => ({ day: dayOf(version.timestamp), lot: publicLot(version.lot) })),
  lotTrace: publicViewOnly((trace: LotTrace): PublicLotTrace => ({ ...trace, links: trace.links.map(publicLineageLink) })),
} as const;
