import { ReferenceEvents, type ReferenceRecord } from '../../../../model/src';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import { referenceEntryId, type ReferenceModels } from './models';

/** Projects reference entries as last written, and the list of ids of each kind. */
export function referenceProjection(collections: ReferenceModels): DomainProjection {
  return {
    name: 'reference',
    events: Object.values(ReferenceEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      for (const { record, source } of events) {
        const entry = record as ReferenceRecord;
        const id = referenceEntryId(entry.kind, entry.id);
        await collections.referenceEntries.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
        await collections.referenceKinds.updateOne({ _id: entry.kind }, { $addToSet: { ids: entry.id } }, { upsert: true });
      }
    },
    touchedKeys: () => [cacheKeys.referenceData()],
  };
}
