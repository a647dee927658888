import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of the supply-chain core. Every read is by key or by partial composite key (range), never
 * by rich query, so that each read is re-validated at commit. The prefixes say `cc` because the cold
 * chain wrote them first; they stay as written on the ledger. The cold chain's own keys (loggers,
 * anchors) are in `coldchain/coldChainKeys.ts`.
 *
 * | key                                        | value                 | read by                         |
 * | ------------------------------------------ | --------------------- | ------------------------------- |
 * | `tl.cc.lot` [lotId]                        | ColdChainLot (state)  | every write; getLotHistory      |
 * | `tl.cc.custodyTx` [txId]                   | CustodyTransaction    | custody log (via lot history)   |
 * | `tl.cc.child` [parentId, childId]          | LineageLink           | trace forward                   |
 * | `tl.cc.parent` [childId, parentId]         | LineageLink           | trace back                      |
 * | `tl.cc.linkcorrection` [parentId, childId] | LineageCorrection     | every read of a link (getLineage, traceLot); refuses a second correction |
 * | `tl.cc.alert` [lotId, alertId]             | RiskAlert             | idempotent raise; getAlerts; acknowledgement |
 * | `tl.cc.unitrun` [gtin, `p`+prefix, from9]  | UnitRun               | overlap check; sale finds the unit's lot |
 * | `tl.cc.unitsale` [gtin, serial]            | UnitSale              | idempotent sale; second sale alert |
 * | `tl.cc.holder` [lotId, enterpriseId]       | { lotId, enterpriseId } | who may ask for a coverage check  |
 * | `tl.cc.lotcustody` [lotId, txId]           | { txId }              | custody log inside writes (range read) |
 *
 * A custody batch writes each touched lot once (however many of its events the batch holds) and ONE
 * custody key for the whole transaction holding every custody record it made, in order, plus alert
 * keys only when a check fires: the per-key cost, paid by every endorsing peer, no longer grows with
 * the events. Each event stays individually traceable and provable: it is a record of that key, is
 * listed in the transaction's chaincode event, and the lot's custody index (`tl.cc.lotcustody`) names
 * every transaction that recorded custody of it, so a lot's custody log is the lot's records in those
 * transactions' custody keys (`readCustodyLog`), a range read that writes may rely on (the history
 * database is not re-checked at commit). Duplicates are refused without a key per event: the lot keeps a
 * short digest of each of its event ids (`eventIdDigests`). A receipt does not rewrite the shipment's
 * record on the ledger (that would rewrite another transaction's key): the log marks a shipment
 * confirmed by the acceptance that follows it when read, and the chaincode event carries the
 * confirmed shipment record for the read store.
 *
 * A link key is written once, by its derivation. A wrong figure is corrected by a record under
 * `tl.cc.linkcorrection` (recomputed from the child lot, `correctLineage`), which reads apply over
 * the link; the link as written stays, and its history with it.
 *
 * A hold walks `tl.cc.child` ranges level by level from the held lot (at most `MAX_HOLD_REACH` lots)
 * and writes the lots made from it with the inherited hold, so a move checks only the lot's own key.
 */
export const lotKey = (ctx: Context, lotId: string): string => ledgerKey(ctx, KeyTypes.coldChainLot, lotId);
export const custodyTransactionKey = (ctx: Context, txId: string): string => ledgerKey(ctx, KeyTypes.custodyTransaction, txId);
export const childLinkKey = (ctx: Context, parentId: string, childId: string): string => ledgerKey(ctx, KeyTypes.lineageChild, parentId, childId);
export const parentLinkKey = (ctx: Context, childId: string, parentId: string): string => ledgerKey(ctx, KeyTypes.lineageParent, childId, parentId);
export const linkCorrectionKey = (ctx: Context, parentId: string, childId: string): string => ledgerKey(ctx, KeyTypes.lineageCorrection, parentId, childId);
export const alertKey = (ctx: Context, lotId: string, alertId: string): string => ledgerKey(ctx, KeyTypes.riskAlert, lotId, alertId);
/**
 * A run of serials, one key per commissioning. Fabric refuses empty key attributes, so the prefix is
 * stored behind a `p`; `from` is zero-padded to 9 digits so a GTIN's runs of a prefix sort by number.
 */
export const unitRunPrefixAttribute = (serialPrefix: string): string => `p${serialPrefix}`;
export const unitRunKey = (ctx: Context, gtin: string, serialPrefix: string, from: number): string =>
  ledgerKey(ctx, KeyTypes.unitRun, gtin, unitRunPrefixAttribute(serialPrefix), String(from).padStart(9, '0'));
/** Every enterprise that has been the lot's custodian, kept by the chaincode (no history read inside a write). */
export const holderKey = (ctx: Context, lotId: string, enterpriseId: string): string => ledgerKey(ctx, KeyTypes.lotHolder, lotId, enterpriseId);
/** One per lot and custody transaction: the lot's custody log is a range read, re-checked at commit. */
export const lotCustodyKey = (ctx: Context, lotId: string, txId: string): string => ledgerKey(ctx, KeyTypes.lotCustody, lotId, txId);
export const unitSaleKey = (ctx: Context, gtin: string, serial: string): string => ledgerKey(ctx, KeyTypes.unitSale, gtin, serial);
