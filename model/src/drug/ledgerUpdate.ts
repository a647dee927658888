import type { RiskAlert } from '../supplychain/alerts';
import type { AdverseReactionReport } from './adverseReaction';
import type { DrugBatch } from './batch';
import type { DrugMovement, DrugPack } from './codeMovement';
import type { SerialBucket } from './codeState';
import type { CommissioningClaim, DrugCommissioning } from './commissioning';
import type { DispenseOutcome } from './dispensing';
import type { IdentificationCodeAssignment, ManufactureDelegation } from './identificationCode';
import type { DrugHolding } from './holding';
import type { DrugGtinBinding, DrugProduct } from './product';

/** Alerts the drug chaincode raises on its own. `lotId` of a drug alert is the batch id. */
export const DrugAlertKinds = ['duplicateSale'] as const;
export type DrugAlertKind = (typeof DrugAlertKinds)[number];

/** A drug alert: the supply-chain alert shape, about a batch (`lotId`), with the code and region it concerns. */
export interface DrugAlert extends RiskAlert<DrugAlertKind> {
  code: string;
  /** 6-digit region code of the second sale, when given: regulators count alerts by region. */
  region?: string;
}

/**
 * The payload of every drug chaincode event: the full records the transaction wrote, so the read
 * store is rebuilt from events alone. The drug domain moves codes, not quantities of lots, so it does
 * not extend the supply-chain bundle; it reports code states as the buckets it rewrote.
 */
export interface DrugLedgerUpdate {
  assignments: IdentificationCodeAssignment[];
  delegations: ManufactureDelegation[];
  products: DrugProduct[];
  /** GTINs of product levels (their GS1 form), bound once. */
  gtins: DrugGtinBinding[];
  batches: DrugBatch[];
  commissionings: DrugCommissioning[];
  claims: CommissioningClaim[];
  buckets: SerialBucket[];
  packs: DrugPack[];
  movements: DrugMovement[];
  alerts: DrugAlert[];
  adverseReactions: AdverseReactionReport[];
  /** The per-batch tallies of the parties whose units of a batch this transaction moved. */
  holdings: DrugHolding[];
  /** A dispense's answer per code. */
  outcomes?: DispenseOutcome[];
}

export const emptyDrugUpdate = (): DrugLedgerUpdate => ({
  assignments: [],
  delegations: [],
  products: [],
  gtins: [],
  batches: [],
  commissionings: [],
  claims: [],
  buckets: [],
  packs: [],
  movements: [],
  alerts: [],
  adverseReactions: [],
  holdings: [],
});

/** Names of the drug chaincode events. */
export const DrugEvents = {
  identificationCodeAssigned: 'DrugIdentificationCodeAssigned',
  manufactureDelegationChanged: 'DrugManufactureDelegationChanged',
  productRegistered: 'DrugProductRegistered',
  batchRegistered: 'DrugBatchRegistered',
  codesCommissioned: 'DrugCodesCommissioned',
  packed: 'DrugCodesPacked',
  unpacked: 'DrugCodesUnpacked',
  shipped: 'DrugCodesShipped',
  received: 'DrugCodesReceived',
  dispensed: 'DrugCodesDispensed',
  returned: 'DrugCodeReturned',
  retired: 'DrugCodesRetired',
  holdChanged: 'DrugHoldChanged',
  adverseReactionReported: 'DrugAdverseReactionReported',
} as const;
