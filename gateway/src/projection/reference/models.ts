import type { Connection } from 'mongoose';
import { ledgerModel, shapedModel } from '../ledgerModel';

/** Reference data: each entry under `<kind>:<id>`, and per kind the ids written (small tables: regions of a province are a few thousand). */
export function referenceModels(connection: Connection) {
  return {
    referenceEntries: ledgerModel(connection, 'LedgerReferenceEntry', 'reference_entries'),
    referenceKinds: shapedModel<{ _id: string; ids: string[] }>(connection, 'LedgerReferenceKind', 'reference_kinds'),
  };
}

export type ReferenceModels = ReturnType<typeof referenceModels>;

export const referenceEntryId = (kind: string, id: string): string => `${kind}:${id}`;
