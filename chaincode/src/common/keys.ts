import type { Context } from 'fabric-contract-api';

/**
 * Composite-key object types, one per kind of record. Records are found by key, never by rich query,
 * so that every read is re-validated at commit.
 */
export const KeyTypes = {
  enterprise: 'tl.enterprise',
  identityBinding: 'tl.identity',
  /** GS1 company prefixes [kind, prefix] and their delegations [kind, prefix, delegateId]. */
  companyPrefix: 'tl.prefix',
  prefixDelegation: 'tl.prefixdelegate',
  regulatorBinding: 'tl.regulator',
  traceEvent: 'tl.traceEvent',
  traceSubject: 'tl.traceSubject',
  riskClue: 'tl.clue',
  /** Reference data [kind, id] and the coverage index [regionCode, unitId] (reference/referenceKeys.ts). */
  referenceEntry: 'tl.ref',
  regionCoverage: 'tl.ref.cover',
  /** Complaints filed about one subject on one UTC day (a counter). */
  complaintDay: 'tl.clueday',
  // Supply chain and cold chain: the layouts are described in supplychain/supplyChainKeys.ts and coldchain/coldChainKeys.ts.
  coldChainLot: 'tl.cc.lot',
  custodyTransaction: 'tl.cc.custodyTx',
  lineageChild: 'tl.cc.child',
  lineageParent: 'tl.cc.parent',
  lineageCorrection: 'tl.cc.linkcorrection',
  riskAlert: 'tl.cc.alert',
  temperatureLogger: 'tl.cc.logger',
  loggerAttachment: 'tl.cc.attach',
  loggerGrant: 'tl.cc.loggergrant',
  lotLogger: 'tl.cc.lotlogger',
  readingAnchor: 'tl.cc.anchor',
  unitRun: 'tl.cc.unitrun',
  unitSale: 'tl.cc.unitsale',
  lotHolder: 'tl.cc.holder',
  lotCustody: 'tl.cc.lotcustody',
  // Drugs: the layout is described in drug/drugKeys.ts.
  drugIdentificationCode: 'tl.drug.idcode',
  drugDelegation: 'tl.drug.delegation',
  drugProduct: 'tl.drug.product',
  drugGtin: 'tl.drug.gtin',
  drugBatch: 'tl.drug.batch',
  drugCommissioning: 'tl.drug.commissioning',
  drugClaim: 'tl.drug.claim',
  drugSerials: 'tl.drug.serials',
  drugPack: 'tl.drug.pack',
  drugAlert: 'tl.drug.alert',
  /** Per-batch tally of one party's units [batchId, holderId]: a recall's holders by one range read. */
  drugHolding: 'tl.drug.holding',
  drugAdverseReaction: 'tl.drug.adr',
  /** Consumer adverse-reaction reports of one batch on one UTC day (a counter). */
  drugAdverseReactionDay: 'tl.drug.adrday',
  // Elevators: the layout is described in elevator/elevatorKeys.ts.
  elevator: 'tl.el.elevator',
  elevatorRegistration: 'tl.el.reg',
  elevatorGiai: 'tl.el.giai',
  elevatorRescueCode: 'tl.el.rescuecode',
  maintenanceRecord: 'tl.el.record',
  maintenanceWorker: 'tl.el.worker',
  elevatorRescue: 'tl.el.rescue',
  elevatorFault: 'tl.el.fault',
  elevatorInspection: 'tl.el.inspection',
  elevatorAlert: 'tl.el.alert',
  elevatorRegionPolicy: 'tl.el.region',
  elevatorRuntime: 'tl.el.runtime',
  elevatorUsage: 'tl.el.usage',
  elevatorAccident: 'tl.el.accident',
  // Recalls: the layout is described in recalls/recallKeys.ts.
  recall: 'tl.recall',
  recallHolder: 'tl.recall.holder',
  // Sampling inspections: the layout is described in sampling/samplingKeys.ts. The clue intake reads samples by this key.
  sample: 'tl.sample',
  samplingPlan: 'tl.sample.plan',
  samplingDraw: 'tl.sample.draw',
} as const;

export type KeyType = (typeof KeyTypes)[keyof typeof KeyTypes];

export function ledgerKey(ctx: Context, type: KeyType, ...attributes: string[]): string {
  return ctx.stub.createCompositeKey(type, attributes);
}
