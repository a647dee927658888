import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of recalls.
 *
 * | key                                    | value        | read by                                        |
 * | -------------------------------------- | ------------ | ---------------------------------------------- |
 * | `tl.recall` [recallId]                 | Recall       | every recall write; closing; getRecall          |
 * | `tl.recall.holder` [recallId, enterpriseId] | RecallHolder | its holder's acknowledgement and report; the overdue check and getRecall (range) |
 *
 * An acknowledgement or report writes only its holder's key, so holders answering at once never
 * contend; whether every holder has reported is read from the holder keys, not counted on the recall.
 */
export const recallKey = (ctx: Context, recallId: string): string => ledgerKey(ctx, KeyTypes.recall, recallId);
export const recallHolderKey = (ctx: Context, recallId: string, enterpriseId: string): string => ledgerKey(ctx, KeyTypes.recallHolder, recallId, enterpriseId);

/** A recall's id, from the transaction that opened it: deterministic on every endorser. */
export const recallIdOf = (txId: string): string => `RC-${txId.slice(0, 16)}`;
