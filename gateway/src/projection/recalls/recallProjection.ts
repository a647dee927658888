import type { Model } from 'mongoose';
import { answeredLate, ColdChainEvents, DrugEvents, recallStateOf, RecallEvents, type DrugBatch, type Recall, type RecallHolder, type RecallLedgerUpdate, type RecallState } from '../../../../model/src';
import { cacheKeys } from '../cacheKeys';
import type { ColdChainProjection } from '../coldchain';
import type { DrugDocument } from '../drug';
import { CounterChanges } from '../counterDocuments';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { drugHoldEvents, drugPartOf, notOverwritingLater } from './heldBatches';
import { RECALL_LIST_PAGE_ITEMS, recallListIds, type RecallEnterpriseCounters, type RecallModels, type StoredRecall } from './models';

const after = (a: LedgerSource, b: LedgerSource): boolean => a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);

/** The cold-chain part of a recall event (the lots its hold changed), as the cold chain's own hold event carries it. */
function coldChainPartOf(record: unknown): { lots: unknown[] } & Record<string, unknown[]> {
  const r = record as Record<string, unknown[] | undefined>;
  return { lots: r.lots ?? [], custodyEvents: [], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [] };
}

/**
 * Projects recalls: each recall document with its holders, its state kept as the ledger implies it
 * (completed once every holder reported), the paged lists by state, and the per-day deadline lists
 * the overdue check reads. The lots an opening held are handed to the cold chain's projection as
 * one of its hold events, so consumer pages show the recall; recalls come after the cold chain in
 * the projector's order, so a lot split just before the opening (same group) is written first. The
 * batches a drug recall held go to the drug projection the same way, so every code of them verifies
 * as recalled.
 * Each holder counts once against its enterprise when it first answers late or is found silent past the deadline.
 */
export function recallProjection(collections: RecallModels, coldChain: ColdChainProjection, drug: { projection: DomainProjection; batches: Model<DrugDocument<DrugBatch>> }): DomainProjection {
  const lotEvents = (events: readonly ProjectedEvent[]): ProjectedEvent[] =>
    events.filter((event) => ((event.record as { lots?: unknown[] }).lots ?? []).length > 0).map((event) => ({ ...event, name: ColdChainEvents.holdChanged, record: coldChainPartOf(event.record) }));

  return {
    name: 'recalls',
    events: Object.values(RecallEvents),
    collections,
    memory: {
      reset: () => undefined,
      snapshot: () => null,
      restore: () => undefined,
      // The cold chain remembers journeys; the lots of recall openings touched some of them.
      replay: (events) => coldChain.memory.replay(lotEvents(events)),
    },
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      const held = lotEvents(events);
      if (held.length > 0) await coldChain.project(held);
      const heldBatches = drugHoldEvents(events);
      if (heldBatches.length > 0) await drug.projection.project(await notOverwritingLater(heldBatches, drug.batches));
      const docs = new Map<string, StoredRecall | null>();
      const entered: { listId: string; recallId: string; source: LedgerSource }[] = [];
      const deadlines: { day: string; recallId: string; source: LedgerSource }[] = [];
      const lateAnswers = new CounterChanges<RecallEnterpriseCounters>((id) => ({ _id: id, lateAnswers: 0 }));
      const docOf = async (recallId: string): Promise<StoredRecall | null> => {
        if (!docs.has(recallId)) docs.set(recallId, ((await collections.recalls.findById(recallId).lean()) as StoredRecall | null) ?? null);
        return docs.get(recallId) ?? null;
      };
      for (const { record, source } of events) {
        const update = record as RecallLedgerUpdate;
        const recallIds = new Set([...update.recalls.map((r) => r.recallId), ...update.recallHolders.map((h) => h.recallId)]);
        for (const recallId of recallIds) {
          const stored = await docOf(recallId);
          // A replayed block: the document already holds this transaction.
          if (stored && !after(source, stored.source)) continue;
          const before: RecallState | undefined = stored?.recall.state;
          const recall: Recall | undefined = update.recalls.find((r) => r.recallId === recallId) ?? stored?.recall;
          if (!recall) continue;
          const holders = new Map((stored?.holders ?? []).map((h) => [h.enterpriseId, h]));
          for (const holder of update.recallHolders.filter((h) => h.recallId === recallId)) {
            if (answeredLate(holder) && !answeredLate(holders.get(holder.enterpriseId))) lateAnswers.on(holder.enterpriseId, source, (c) => (c.lateAnswers += 1));
            holders.set(holder.enterpriseId, holder);
          }
          const holderList: RecallHolder[] = [...holders.values()].sort((a, b) => a.enterpriseId.localeCompare(b.enterpriseId));
          const state = recallStateOf(recall, holderList);
          docs.set(recallId, { _id: recallId, recall: { ...recall, state }, holders: holderList, source });
          if (!stored) {
            entered.push({ listId: recallListIds.all, recallId, source });
            deadlines.push({ day: recall.acknowledgeBy.slice(0, 10), recallId, source });
          }
          if (state !== before) entered.push({ listId: recallListIds.state(state), recallId, source });
        }
      }
      for (const doc of docs.values()) if (doc) await collections.recalls.replaceOne({ _id: doc._id }, doc, { upsert: true });
      const byList = new Map<string, { item: string; source: LedgerSource }[]>();
      for (const { listId, recallId, source } of entered) byList.set(listId, [...(byList.get(listId) ?? []), { item: recallId, source }]);
      for (const [listId, entries] of byList) await appendToPagedList(collections.recallLists, listId, entries, RECALL_LIST_PAGE_ITEMS);
      await lateAnswers.apply(collections.recallEnterpriseCounters);
      for (const { day, recallId, source } of deadlines) await collections.recallDeadlines.updateOne({ _id: day }, { $addToSet: { recallIds: recallId }, $set: { source } }, { upsert: true });
    },
    touchedKeys(_eventName: string, record: unknown): string[] {
      const update = record as RecallLedgerUpdate;
      const recallIds = new Set([...update.recalls.map((r) => r.recallId), ...update.recallHolders.map((h) => h.recallId)]);
      return [
        ...[...recallIds].map((id) => cacheKeys.recall(id)),
        ...coldChain.touchedKeys(ColdChainEvents.holdChanged, coldChainPartOf(record)),
        ...drug.projection.touchedKeys(DrugEvents.holdChanged, drugPartOf(record)),
      ];
    },
  };
}
