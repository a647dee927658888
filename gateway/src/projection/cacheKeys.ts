const LOT = 'lot:';
const ENTERPRISE = 'enterprise:';

/**
 * Keys of the projection read cache, spelt here once: projections name what an event touches with
 * them, readers cache under them, dead letters keep them, and `Projector.mayBeOutOfDate` is asked
 * with them. A key no projection touches would never be dropped, so every reader uses these.
 *
 * @example
 * cacheKeys.lot('01/09521234543213/10/LOT42') // 'lot:01/09521234543213/10/LOT42'
 * cacheKeys.unit('09521234543213', 'SN000042') // 'unit:09521234543213|SN000042'
 */
export const cacheKeys = {
  /** A lot's consumer facts. */
  lot: (lotId: string): string => `${LOT}${lotId}`,
  /** A lot's journey, as lineage walks read it. */
  journey: (lotId: string): string => `journey:${lotId}`,
  /** A serialised unit: its lot and its sale. */
  unit: (gtin: string, serial: string): string => `unit:${gtin}|${serial}`,
  /** A trace subject's timeline. */
  subject: (subjectId: string): string => `subject:${subjectId}`,
  /** An enterprise's registration (its name on consumer pages). */
  enterprise: (enterpriseId: string): string => `${ENTERPRISE}${enterpriseId}`,
  /** Drug code states of one bucket of serials (`ledger_drug_buckets`). */
  drugBucket: (idCode: string, bucket: number): string => `drugbucket:${idCode}|${bucket}`,
  drugClaim: (idCode: string, block: number): string => `drugclaim:${idCode}|${block}`,
  drugBatch: (batchId: string): string => `drugbatch:${batchId}`,
  drugProduct: (productId: string): string => `drugproduct:${productId}`,
  drugGtin: (gtin: string): string => `druggtin:${gtin}`,
  drugPack: (idCode: string, serial: number): string => `drugpack:${idCode}|${serial}`,
  /** A lift's state, by device code. */
  elevator: (deviceCode: string): string => `elevator:${deviceCode}`,
  /** A lift's state, by the GIAI on its car's label (the car page). */
  elevatorByGiai: (giai: string): string => `elevatorGiai:${giai}`,
  /** The reference tables as a whole (regions, units, calendars…): small, read together, changed rarely. */
  referenceData: (): string => 'reference',
} as const;

/** The lot id a {@link cacheKeys.lot} key names; undefined for any other key. */
export const lotOfKey = (key: string): string | undefined => (key.startsWith(LOT) ? key.slice(LOT.length) : undefined);

/** Whether the key is an enterprise's ({@link cacheKeys.enterprise}). */
export const isEnterpriseKey = (key: string): boolean => key.startsWith(ENTERPRISE);
