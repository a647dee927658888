import {
  missingDocuments,
  ProductCategories,
  type AssuranceLabel,
  type ColdChainLot,
  type LotDocuments,
  type LotType,
  lotIdOf,
  type LotRegistration,
} from '../../../model/src';
import type { ColdChainSession } from './coldChainSession';

type LotProduct = Omit<LotRegistration, 'lotType' | 'originCountry' | 'producer' | 'assurance'>;

export interface LotOrigin {
  lotType: LotType;
  originCountry: string;
  producer: string;
  ownerId: string;
  custodianId: string;
  parents: string[];
  documents: LotDocuments;
  assurance: AssuranceLabel;
}

/** A new lot in stock with its custodian, its range and tolerance defaulted from its category. */
export function newLot(session: ColdChainSession, product: LotProduct, origin: LotOrigin): ColdChainLot {
  const category = ProductCategories[product.category];
  const lot: ColdChainLot = {
    id: lotIdOf(product.gtin, product.lotNumber),
    gtin: product.gtin,
    lotNumber: product.lotNumber,
    product: product.product,
    category: product.category,
    lotType: origin.lotType,
    originCountry: origin.originCountry,
    producer: origin.producer,
    unit: product.unit,
    productionDate: product.productionDate,
    expiryDate: product.expiryDate,
    storageRange: product.storageRange ?? { ...category.range },
    excursionToleranceMinutes: product.excursionToleranceMinutes ?? category.excursionToleranceMinutes,
    ...(product.customsDeclarationNumber ? { customsDeclarationNumber: product.customsDeclarationNumber } : {}),
    ownerId: origin.ownerId,
    custodianId: origin.custodianId,
    status: 'inStock',
    initialQuantity: product.quantity,
    quantityOnHand: product.quantity,
    quantitySold: 0,
    quantityLost: 0,
    quantityToChildren: 0,
    documents: origin.documents,
    missingDocuments: [],
    documentStatus: 'incomplete',
    parents: origin.parents,
    assurance: origin.assurance,
    eventCount: 0,
    eventIdDigests: [],
    createdAt: session.now,
    createdTxId: session.txId,
    updatedAt: session.now,
    updatedTxId: session.txId,
  };
  refreshDocumentStatus(lot);
  return lot;
}

/** Recomputes which required documents a lot lacks, from the rule table. */
export function refreshDocumentStatus(lot: ColdChainLot): void {
  lot.missingDocuments = missingDocuments(lot.lotType, lot.documents);
  lot.documentStatus = lot.missingDocuments.length === 0 ? 'complete' : 'incomplete';
}

/** The one value all share, or the fallback when they differ. */
export function commonValue<T>(values: readonly T[], fallback: T): T {
  return values.every((v) => v === values[0]) ? values[0] : fallback;
}
