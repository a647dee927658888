import type { Connection } from 'mongoose';
import type { AttachmentPeriod } from '../../../model/src';
import type { Ledger, ClientIdentity } from '../fabric';
import { readingModels } from '../readings/readingStore';
import type { ProjectionReads } from '../projection/projectionReads';
import type { AuditPackKind } from './packFormat';

/** What a pack is about: the transactions that wrote it, and the key attributes that name its records. */
export interface PackSubject {
  txIds: Set<string>;
  /** A state key is the subject's record when its composite-key attributes hold all of these. */
  keyAttributes: string[];
}

/** Every transaction id a ledger record names: `txId` and the `…TxId` fields (created, updated, acknowledged, corrected). */
export function txIdsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) txIdsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [field, inner] of Object.entries(value)) {
      if ((field === 'txId' || field.endsWith('TxId')) && typeof inner === 'string' && /^[0-9a-f]{64}$/.test(inner)) into.add(inner);
      else txIdsIn(inner, into);
    }
  }
  return into;
}

export type SubjectReads = { ledger: Ledger; readerIdentity: ClientIdentity; projection: ProjectionReads; store: Connection };

const HOUR_MS = 3_600_000;

/** Whether a reading window starting then (at most an hour long) meets an attachment period. */
const windowMeets = (windowStart: string, period: AttachmentPeriod): boolean =>
  Date.parse(windowStart) + HOUR_MS > Date.parse(period.from) && (period.to === undefined || Date.parse(windowStart) <= Date.parse(period.to));

const tryEvaluate = (services: SubjectReads, fn: string, ...args: string[]): Promise<unknown> =>
  services.ledger.evaluate<unknown>(services.readerIdentity, fn, ...args).catch(() => undefined);

/** A lot: every state of its key (history), its custody, lineage and alerts, and the reading anchors that touched it. */
async function lotSubject(services: SubjectReads, lotId: string): Promise<PackSubject | undefined> {
  const history = await tryEvaluate(services, 'coldchain:getLotHistory', lotId);
  if (history === undefined) return undefined;
  const answers = [history, ...(await Promise.all(['getCustodyEvents', 'getLineage', 'getAlerts'].map((fn) => tryEvaluate(services, `coldchain:${fn}`, lotId))))];
  const journey = services.projection.writtenJourney(lotId) ?? (await services.projection.models.journeys.read(lotId));
  // Reading windows anchored while a logger was attached to the lot: the anchors a reading proof relies on.
  const windows = new Set((journey?.anchors ?? []).map((anchor) => anchor.split('|').slice(0, 2).join('|')));
  const directory = readingModels(services.store).directory;
  for (const attachment of journey?.loggers ?? []) {
    const starts = (await directory.findById(attachment.loggerId).lean())?.windowStarts ?? [];
    for (const start of starts) if (attachment.periods.some((period) => windowMeets(start, period))) windows.add(`${attachment.loggerId}|${start}`);
  }
  for (const window of windows) {
    const [loggerId, windowStart] = window.split('|');
    answers.push(await tryEvaluate(services, 'coldchain:getAnchor', loggerId, windowStart));
  }
  return { txIds: txIdsIn(answers), keyAttributes: [lotId] };
}

/** A drug batch, `<productId>/<batchNumber>`: the batch record and the projection's last source. */
async function batchSubject(services: SubjectReads, id: string): Promise<PackSubject | undefined> {
  const slash = id.indexOf('/');
  if (slash <= 0) return undefined;
  const [productId, batchNumber] = [id.slice(0, slash), id.slice(slash + 1)];
  const batch = await tryEvaluate(services, 'drug:getBatch', productId, batchNumber);
  if (batch === undefined) return undefined;
  const projected = await services.projection.models.drugBatches.findById(id).lean();
  return { txIds: txIdsIn([batch, projected?.source]), keyAttributes: [productId, batchNumber] };
}

const ELEVATOR_RECORD_KINDS = ['maintenance', 'rescue', 'fault', 'inspection', 'alert', 'runtime'] as const;

/** A lift by device code or registration number: its record, maintenance, alerts, rescues and inspections. */
async function elevatorSubject(services: SubjectReads, id: string): Promise<PackSubject | undefined> {
  const elevator = (await tryEvaluate(services, 'elevator:getElevator', id)) as { deviceCode?: string } | undefined;
  if (!elevator?.deviceCode) return undefined;
  const reads = await Promise.all(['getMaintenanceRecords', 'getAlerts', 'getRescues', 'getInspections'].map((fn) => tryEvaluate(services, `elevator:${fn}`, id)));
  const { elevators, elevatorRecords } = services.projection.models;
  const projected = await elevators.findById(elevator.deviceCode).lean();
  // The lift's projected records, runtime anchors among them (what a runtime summary proof relies on), by `_id` range per kind.
  const records = await Promise.all(
    ELEVATOR_RECORD_KINDS.map((kind) => elevatorRecords.find({ _id: { $gte: `${kind}|${elevator.deviceCode}|`, $lt: `${kind}|${elevator.deviceCode}|\uffff` } }).lean()),
  );
  return { txIds: txIdsIn([elevator, ...reads, projected, records]), keyAttributes: [elevator.deviceCode] };
}

/** A recall: its record (holders' answers included) and the projection's last source. */
async function recallSubject(services: SubjectReads, recallId: string): Promise<PackSubject | undefined> {
  const recall = await tryEvaluate(services, 'recalls:getRecall', recallId);
  if (recall === undefined) return undefined;
  const projected = await services.projection.models.recalls.findById(recallId).lean();
  return { txIds: txIdsIn([recall, projected?.source]), keyAttributes: [recallId] };
}

const SUBJECTS: Record<AuditPackKind, (services: SubjectReads, id: string) => Promise<PackSubject | undefined>> = {
  lot: lotSubject,
  batch: batchSubject,
  elevator: elevatorSubject,
  recall: recallSubject,
};

/** The subject of a pack, or undefined when the ledger knows no such lot, batch, lift or recall. */
export function packSubjectOf(services: SubjectReads, kind: AuditPackKind, id: string): Promise<PackSubject | undefined> {
  return SUBJECTS[kind](services, id);
}
