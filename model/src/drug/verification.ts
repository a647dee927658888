import type { DrugBatch } from './batch';
import type { CodeFacets } from './codeState';
import type { DrugHold } from './hold';
import type { DrugProduct, PackagingLevel } from './product';

/**
 * What a scan or a typed code answers, for anyone. `unknown` covers a code never commissioned and a
 * guessed serial with made-up check digits alike (its proof fails), so the page never tells a
 * counterfeiter which half of a guess was right.
 */
export const Verdicts = ['genuine', 'unknown', 'dispensed', 'recalled', 'expired', 'suspect'] as const;
export type Verdict = (typeof Verdicts)[number];

/** The facts a verdict is drawn from. */
export interface VerdictFacts {
  known: boolean;
  /** The code's own facets, and those of every pack it is in, innermost first. */
  facets: readonly CodeFacets[];
  batch?: Pick<DrugBatch, 'expiryDate' | 'hold'>;
  productHold?: DrugHold;
  /** Today, YYYY-MM-DD, where the reader is. */
  today: string;
}

/**
 * The verdict: unknown before anything, then a use (dispensed or sold: a second scan of a used code
 * is the sign of a copy), a recall, a suspect or quarantine hold, expiry, else genuine.
 *
 * @example
 * verdictOf({ known: true, facets: [{}], batch: { expiryDate: '2028-10-31' }, today: '2026-12-02' }) // 'genuine'
 */
export function verdictOf(facts: VerdictFacts): Verdict {
  if (!facts.known) return 'unknown';
  const own = facts.facets[0] ?? {};
  if (own.state === 'dispensed' || own.state === 'sold') return 'dispensed';
  const holds = [...facts.facets.map((f) => f.hold), facts.batch?.hold, facts.productHold].filter((h): h is DrugHold => h !== undefined);
  if (holds.some((h) => h.state === 'recalled')) return 'recalled';
  if (holds.length > 0 || (own.state !== undefined && own.state !== 'active' && own.state !== 'inTransit')) return 'suspect';
  if (facts.batch && facts.batch.expiryDate < facts.today) return 'expired';
  return 'genuine';
}

/** What the public sees of a pack: product, level, count and status, never its children's codes. */
export interface PublicPackView {
  parent: string;
  level: PackagingLevel;
  productId: string;
  childCount: number;
  contents: Partial<Record<PackagingLevel, number>>;
  status: 'packed' | 'unpacked';
}

/** What a verify answer shows of a drug product (the chaincode's read and the gateway's alike). */
export function productFactsOf(product: DrugProduct) {
  return {
    productId: product.productId,
    approvalNumber: product.approvalNumber,
    genericName: product.genericName,
    ...(product.tradeName ? { tradeName: product.tradeName } : {}),
    dosageForm: product.dosageForm,
    strength: product.strength,
    packageSpec: product.packageSpec,
    storageCondition: product.storageCondition,
    holderId: product.holderId,
  };
}

/** What a verify answer shows of a batch. */
export const batchFactsOf = (batch: Pick<DrugBatch, 'batchNumber' | 'productionDate' | 'expiryDate'>) => ({ batchNumber: batch.batchNumber, productionDate: batch.productionDate, expiryDate: batch.expiryDate });

/** A verify answer's product and batch, as `productFactsOf` and `batchFactsOf` give them. */
export type VerifiedProduct = ReturnType<typeof productFactsOf>;
export type VerifiedBatch = ReturnType<typeof batchFactsOf>;
