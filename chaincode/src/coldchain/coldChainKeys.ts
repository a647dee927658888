import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of what only the cold chain keeps; lots, custody, lineage, alerts and units are the
 * supply-chain core's (`supplychain/supplyChainKeys.ts`). Reads are by key or key range only.
 *
 * | key                                        | value                 | read by                         |
 * | ------------------------------------------ | --------------------- | ------------------------------- |
 * | `tl.cc.logger` [loggerId]                  | TemperatureLogger     | attach, anchor, grant           |
 * | `tl.cc.loggergrant` [loggerId, custodianId] | LoggerGrant          | attach by another than the owner |
 * | `tl.cc.attach` [loggerId, lotId]           | LoggerAttachment      | anchor finds the lots of a logger (range over the logger; a lot key only for periods meeting the anchor) |
 * | `tl.cc.lotlogger` [lotId, loggerId]        | { loggerId }          | coverage check finds a lot's loggers |
 * | `tl.cc.anchor` [loggerId, windowStartUtc]  | ReadingAnchor         | idempotent anchor; coverage check |
 *
 * An anchor range-reads its logger's attachments (written only by the owner and the enterprises it
 * granted) and reads the key of a lot only when an attachment period meets the time the anchor speaks
 * about: a lot attached at another time, and every write its custodian makes, stay out of the
 * anchor's read set, so they cannot make the owner's anchor fail on a read conflict.
 */
export const loggerKey = (ctx: Context, loggerId: string): string => ledgerKey(ctx, KeyTypes.temperatureLogger, loggerId);
/** Written only by the logger's owner: who else may attach it (see `loggerGrants.ts`). */
export const loggerGrantKey = (ctx: Context, loggerId: string, custodianId: string): string => ledgerKey(ctx, KeyTypes.loggerGrant, loggerId, custodianId);
export const attachmentKey = (ctx: Context, loggerId: string, lotId: string): string => ledgerKey(ctx, KeyTypes.loggerAttachment, loggerId, lotId);
export const lotLoggerKey = (ctx: Context, lotId: string, loggerId: string): string => ledgerKey(ctx, KeyTypes.lotLogger, lotId, loggerId);
export const anchorKey = (ctx: Context, loggerId: string, windowStartUtc: string): string =>
  ledgerKey(ctx, KeyTypes.readingAnchor, loggerId, windowStartUtc);
