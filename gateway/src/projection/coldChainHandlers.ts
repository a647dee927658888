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
  await Promise.all([
    ...update.lots.map((lot) => upsert(models.lots, lot.id, lot)),
    ...update.custodyEvents.map((event) => upsert(models.custodyEvents, event.eventId, event)),
    ...update.alerts.map((alert) => upsert(models.alerts, `${alert.lotId}|${alert.alertId}`, alert)),
    ...update.lineage.map((link) => upsert(models.lineage, `${link.parentId}>${link.childId}|${link.eventId}`, link)),
    ...update.loggers.map((logger) => upsert(models.loggers, logger.loggerId, logger)),
    ...update.attachments.map((attachment) => upsert(models.loggerAttachments, `${attachment.loggerId}|${attachment.lotId}`, attachment)),
    ...update.anchors.map((anchor) => upsert(models.readingAnchors, `${anchor.loggerId}|${anchor.windowStart}|${anchor.windowEnd}`, anchor)),
  ]);
};

export const coldChainProjectionHandlers: Record<string, ProjectionHandler> = Object.fromEntries(
  Object.values(ColdChainEvents).map((name) => [name, projectColdChainUpdate]),
);
