import { ColdChainEvents, type ColdChainLedgerUpdate } from '../../../model/src';
import type { ProjectionHandler } from './handlers';
import type { LedgerModels, LedgerSource } from './models';

type Upsert = (model: LedgerModels[keyof LedgerModels], id: string, record: unknown) => Promise<unknown>;

/**
 * Every cold-chain event carries one bundle of the records its transaction wrote; each record goes to
 * its collection under its ledger identity, so replays end in the same documents.
 */
const projectColdChainUpdate: ProjectionHandler = async (models, payload, source: LedgerSource) => {
  const update = payload as ColdChainLedgerUpdate;
  const upsert: Upsert = (model, id, record) => model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
  // Keys mirror the ledger's: one derivation event appears in the custody log of every lot it touches.
  // Applied one after another so that two records under one key can never race.
  const writes: (readonly [LedgerModels[keyof LedgerModels], string, unknown])[] = [
    ...update.lots.map((lot) => [models.lots, lot.id, lot] as const),
    ...update.custodyEvents.map((event) => [models.custodyEvents, `${event.lotId}|${event.eventId}`, event] as const),
    ...update.alerts.map((alert) => [models.alerts, `${alert.lotId}|${alert.alertId}`, alert] as const),
    ...update.lineage.map((link) => [models.lineage, `${link.parentId}>${link.childId}|${link.eventId}`, link] as const),
    ...update.loggers.map((logger) => [models.loggers, logger.loggerId, logger] as const),
    ...update.attachments.map((attachment) => [models.loggerAttachments, `${attachment.loggerId}|${attachment.lotId}`, attachment] as const),
    ...update.anchors.map((anchor) => [models.readingAnchors, `${anchor.loggerId}|${anchor.windowStart}|${anchor.windowEnd}`, anchor] as const),
  ];
  for (const [model, id, record] of writes) {
    await upsert(model, id, record);
  }
};

export const coldChainProjectionHandlers: Record<string, ProjectionHandler> = Object.fromEntries(
  Object.values(ColdChainEvents).map((name) => [name, projectColdChainUpdate]),
);
