import type { Model } from 'mongoose';
import { DrugEvents, emptyDrugUpdate, type DrugBatch, type DrugLedgerUpdate, type RecallLedgerUpdate } from '../../../../model/src';
import type { ProjectedEvent } from '../domainProjection';
import type { DrugDocument } from '../drug';
import type { LedgerSource } from '../ledgerModel';

const after = (a: LedgerSource, b: LedgerSource): boolean => a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);

/** The drug part of a recall event (the batches its opening held, their hold movements), as the drug domain's own hold event carries it. */
export const drugPartOf = (record: unknown): DrugLedgerUpdate => ({ ...emptyDrugUpdate(), ...((record as RecallLedgerUpdate).drug ?? {}) });

/** The recall events of a group that held drug batches, as drug hold events. */
export const drugHoldEvents = (events: readonly ProjectedEvent[]): ProjectedEvent[] =>
  events.filter((event) => drugPartOf(event.record).batches.length > 0).map((event) => ({ ...event, name: DrugEvents.holdChanged, record: drugPartOf(event.record) }));

/**
 * Drops from each held-batch event the batches the drug projection already wrote from a later
 * transaction of the same group (the drug projection comes first in the projector's order, and a
 * hold lifted right after the opening must not be overwritten by the opening's older copy).
 */
export async function notOverwritingLater(events: readonly ProjectedEvent[], batches: Model<DrugDocument<DrugBatch>>): Promise<ProjectedEvent[]> {
  const out: ProjectedEvent[] = [];
  for (const event of events) {
    const part = event.record as DrugLedgerUpdate;
    const kept: DrugBatch[] = [];
    for (const batch of part.batches) {
      const stored = (await batches.findById(batch.id, { source: 1 }).lean()) as { source?: LedgerSource } | null;
      if (!stored?.source || !after(stored.source, event.source)) kept.push(batch);
    }
    out.push({ ...event, record: { ...part, batches: kept } });
  }
  return out;
}
