import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of the drug domain. Every read is by key (or the history of one key, in evaluate only);
 * none grows with the codes of a product, only with its commissionings, packs and alerts.
 *
 * | key                                          | value                        | read by                                 |
 * | -------------------------------------------- | ---------------------------- | --------------------------------------- |
 * | `tl.drug.idcode` [idCode]                    | IdentificationCodeAssignment | product registration; every code's owner |
 * | `tl.drug.delegation` [holderId, maker]       | ManufactureDelegation        | writes by a contract manufacturer        |
 * | `tl.drug.product` [productId]                | DrugProduct                  | batches, commissioning, holds, returns   |
 * | `tl.drug.gtin` [gtin]                         | DrugGtinBinding              | a GTIN names one product level once      |
 * | `tl.drug.batch` [productId, batchNumber]     | DrugBatch                    | commissioning, holds, dispense (expiry)  |
 * | `tl.drug.commissioning` [commissioningId]    | DrugCommissioning            | every code named: its root and holder    |
 * | `tl.drug.claim` [idCode, block 6 digits]     | CommissioningClaim           | overlap check; a code's commissioning    |
 * | `tl.drug.serials` [idCode, bucket 6 digits]  | SerialBucket                 | where a code is, its state, its holds    |
 * | `tl.drug.pack` [parent idCode + serial]       | DrugPack                     | unpack, counts, the holder's child list  |
 * | `tl.drug.alert` [code, alertId]              | DrugAlert                    | idempotent duplicate-sale alert          |
 * | `tl.drug.holding` [batchId, holderId]        | DrugHolding                  | receipts, retirement; a recall (by batch) |
 * | `tl.drug.adr` [batchId, txId]                | AdverseReactionReport        | regulators' counts (via the read store)  |
 * | `tl.drug.adrday` [batchId, day]              | { count }                    | bound on consumer reports per batch/day  |
 *
 * A code's serial picks its bucket and its claim block, so every code of a write costs two key
 * reads at most, shared by the codes of the same box, case or printing run.
 *
 * The holding tally is written once per (batch, party) a transaction moves units of: a receipt
 * writes the receiver's and each sender's, commissioning the commissioner's, a retirement the
 * holder's. Shipping writes none (units move at receipt) and neither does dispensing, so a
 * pharmacy's tills never contend on it.
 */
const six = (n: number): string => String(n).padStart(6, '0');

export const identificationCodeKey = (ctx: Context, idCode: string): string => ledgerKey(ctx, KeyTypes.drugIdentificationCode, idCode);
export const delegationKey = (ctx: Context, holderId: string, manufacturerId: string): string => ledgerKey(ctx, KeyTypes.drugDelegation, holderId, manufacturerId);
export const productKey = (ctx: Context, productId: string): string => ledgerKey(ctx, KeyTypes.drugProduct, productId);
export const batchKey = (ctx: Context, productId: string, batchNumber: string): string => ledgerKey(ctx, KeyTypes.drugBatch, productId, batchNumber);
export const commissioningKey = (ctx: Context, commissioningId: string): string => ledgerKey(ctx, KeyTypes.drugCommissioning, commissioningId);
export const claimKey = (ctx: Context, idCode: string, block: number): string => ledgerKey(ctx, KeyTypes.drugClaim, idCode, six(block));
export const serialBucketKey = (ctx: Context, idCode: string, bucket: number): string => ledgerKey(ctx, KeyTypes.drugSerials, idCode, six(bucket));
/** By the parent's identification code and serial: a range of children names no check digits, yet its boxes' packs must be found. */
export const packKey = (ctx: Context, idCode: string, serial: number): string => ledgerKey(ctx, KeyTypes.drugPack, `${idCode}${String(serial).padStart(9, '0')}`);
export const drugAlertKey = (ctx: Context, code: string, alertId: string): string => ledgerKey(ctx, KeyTypes.drugAlert, code, alertId);
export const adverseReactionKey = (ctx: Context, batchId: string, txId: string): string => ledgerKey(ctx, KeyTypes.drugAdverseReaction, batchId, txId);
export const consumerReportDayKey = (ctx: Context, batchId: string, day: string): string => ledgerKey(ctx, KeyTypes.drugAdverseReactionDay, batchId, day);
export const holdingKey = (ctx: Context, batchId: string, holderId: string): string => ledgerKey(ctx, KeyTypes.drugHolding, batchId, holderId);
export const drugGtinKey = (ctx: Context, gtin: string): string => ledgerKey(ctx, KeyTypes.drugGtin, gtin);
