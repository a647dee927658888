import { conflict, forbidden, type ColdChainLot, type EntryDocument, type EntryDocumentInput } from '../../../model/src';
import type { ColdChainSession } from './coldChainSession';
import { checkDocumentsAgainstRelease } from './documentChecks';
import { refreshDocumentStatus } from './lotFactory';

/**
 * Adds an entry document to a lot. The owner (importer or producer) or the current custodian — the
 * first-stop cold store uploads them in the provincial system — may add; nobody may replace one.
 */
export async function addEntryDocument(session: ColdChainSession, lotId: string, input: EntryDocumentInput): Promise<ColdChainLot> {
  const lot = await session.lot(lotId);
  if (session.actorId !== lot.ownerId && session.actorId !== lot.custodianId) {
    throw forbidden(`only the owner ${lot.ownerId} or the custodian ${lot.custodianId} of lot ${lot.id} may add its documents; caller is ${session.actorId}`);
  }
  const list = (lot.documents[input.kind] ??= []);
  if (list.some((d) => d.number === input.number)) {
    throw conflict(`lot ${lot.id} already has ${input.kind} ${input.number}`);
  }
  const document: EntryDocument = { ...input, addedBy: session.actorId, addedAt: session.now, txId: session.txId };
  list.push(document);
  refreshDocumentStatus(lot);
  await checkDocumentsAgainstRelease(session, lot, [document]);
  session.putLot(lot);
  return lot;
}
