import type { ColdChainLot, EntryDocument } from '../../../model/src';
import type { ReleaseRule, SupplyChainSession } from '../supplychain';

/** The local calendar date of an event time (its first ten characters carry the local date). */
const localDate = (eventTime: string): string => eventTime.slice(0, 10);

/** A document issued after the lot was released for sale cannot have been the basis of the release. */
export async function checkDocumentsAgainstRelease(session: SupplyChainSession, lot: ColdChainLot, documents: readonly EntryDocument[]): Promise<void> {
  const release = lot.releasedForSale;
  if (!release) {
    return;
  }
  for (const document of documents) {
    if (document.issuedOn > localDate(release.eventTime)) {
      await session.raiseAlert({
        lotId: lot.id,
        alertId: `documentAfterRelease:${document.kind}:${document.number}`,
        kind: 'documentAfterRelease',
        detail: `${document.kind} ${document.number} of lot ${lot.id} is dated ${document.issuedOn}, after the lot was released for sale on ${localDate(release.eventTime)}`,
        evidence: { documentKind: document.kind, documentNumber: document.number, issuedOn: document.issuedOn, releaseEventId: release.eventId, releasedAt: release.eventTime },
      });
    }
  }
}

/** A cold-chain lot is released for sale only with every entry document its lot type requires, dated before the release. */
export const entryDocumentsRelease: ReleaseRule<ColdChainLot> = {
  refusal: (lot) => (lot.documentStatus !== 'complete' ? `lot ${lot.id} is incomplete and cannot be released for sale: missing ${lot.missingDocuments.join(', ')}` : undefined),
  afterRelease: (session, lot) => checkDocumentsAgainstRelease(session, lot, Object.values(lot.documents).flat()),
};
