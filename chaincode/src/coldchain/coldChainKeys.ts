import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of the cold chain. Every read is by key or by partial composite key (range), never by
 * rich query, so that each read is re-validated at commit.
 *
 * | key                                        | value                 | read by                         |
 * | ------------------------------------------ | --------------------- | ------------------------------- |
 * | `tl.cc.lot` [lotId]                        | ColdChainLot (state)  | every write; getLotHistory      |
 * | `tl.cc.custody` [lotId, eventId]           | CustodyRecord         | duplicate check; custody log    |
 * | `tl.cc.child` [parentId, childId]          | LineageLink           | trace forward                   |
 * | `tl.cc.parent` [childId, parentId]         | LineageLink           | trace back                      |
 * | `tl.cc.alert` [lotId, alertId]             | RiskAlert             | idempotent raise; getAlerts     |
 * | `tl.cc.logger` [loggerId]                  | TemperatureLogger     | attach, anchor                  |
 * | `tl.cc.attach` [loggerId, lotId]           | LoggerAttachment      | anchor finds the lots of a logger |
 * | `tl.cc.lotlogger` [lotId, loggerId]        | { loggerId }          | coverage check finds a lot's loggers |
 * | `tl.cc.anchor` [loggerId, windowStartUtc]  | ReadingAnchor         | idempotent anchor; coverage check |
 *
 * A custody batch writes each touched lot once (however many of its events the batch holds), one
 * custody key per event (which is also what refuses a replayed event id), the shipment's custody key
 * again when a receipt confirms it, and alert keys only when a check fires. The lot key's history is the lot's state over time; the custody keys keep every
 * event, including several of one lot in one batch that the lot key's history would fold together.
 */
export const lotKey = (ctx: Context, lotId: string): string => ledgerKey(ctx, KeyTypes.coldChainLot, lotId);
export const custodyKey = (ctx: Context, lotId: string, eventId: string): string => ledgerKey(ctx, KeyTypes.custodyEvent, lotId, eventId);
export const childLinkKey = (ctx: Context, parentId: string, childId: string): string => ledgerKey(ctx, KeyTypes.lineageChild, parentId, childId);
export const parentLinkKey = (ctx: Context, childId: string, parentId: string): string => ledgerKey(ctx, KeyTypes.lineageParent, childId, parentId);
export const alertKey = (ctx: Context, lotId: string, alertId: string): string => ledgerKey(ctx, KeyTypes.riskAlert, lotId, alertId);
export const loggerKey = (ctx: Context, loggerId: string): string => ledgerKey(ctx, KeyTypes.temperatureLogger, loggerId);
export const attachmentKey = (ctx: Context, loggerId: string, lotId: string): string => ledgerKey(ctx, KeyTypes.loggerAttachment, loggerId, lotId);
export const lotLoggerKey = (ctx: Context, lotId: string, loggerId: string): string => ledgerKey(ctx, KeyTypes.lotLogger, lotId, loggerId);
export const anchorKey = (ctx: Context, loggerId: string, windowStartUtc: string): string =>
  ledgerKey(ctx, KeyTypes.readingAnchor, loggerId, windowStartUtc);
