import { conflict, forbidden, LedgerError, lotIdOf, LotRegistrationSchema, parseOrThrow, type ColdChainLot, type Enterprise, type LotRegistration } from '../../../model/src';
import type { ColdChainSession } from './coldChainSession';
import { newLot } from './lotFactory';

/** Imported lots are created by importers, domestic lots by producers. */
const CreatorKind = { imported: 'importer', domestic: 'producer' } as const;

/** Creates a lot held by its creator; the creator stays its owner for recalls. */
export async function createLot(session: ColdChainSession, creator: Enterprise, registration: LotRegistration): Promise<ColdChainLot> {
  const requiredKind = CreatorKind[registration.lotType];
  if (!creator.kinds.includes(requiredKind)) {
    throw forbidden(`${registration.lotType} lots are created by a registered ${requiredKind}; enterprise ${creator.id} is ${creator.kinds.join(', ')}`);
  }
  await session.gtinUse.require(creator, registration.gtin, `create lot ${lotIdOf(registration.gtin, registration.lotNumber)}`, registration);
  const lot = newLot(session, registration, {
    lotType: registration.lotType,
    originCountry: registration.originCountry,
    producer: registration.producer,
    ownerId: creator.id,
    custodianId: creator.id,
    parents: [],
    documents: {},
    assurance: registration.assurance,
  });
  if (await session.findLot(lot.id)) {
    throw conflict(`lot ${lot.id} already exists`);
  }
  await session.appendCustody(lot, {
    action: 'create',
    eventId: `create:${session.txId}`,
    eventTime: session.now,
    quantity: lot.initialQuantity,
    enterpriseId: creator.id,
    assurance: registration.assurance,
  });
  session.putLot(lot);
  return lot;
}

/** Creates every lot of a batch as {@link createLot} would one by one; the first refusal names its index and refuses all. */
export async function createLotBatch(session: ColdChainSession, creator: Enterprise, rawLots: readonly unknown[]): Promise<number> {
  for (const [index, raw] of rawLots.entries()) {
    try {
      await createLot(session, creator, parseOrThrow(LotRegistrationSchema, raw));
    } catch (error) {
      if (error instanceof LedgerError) {
        throw new LedgerError(error.kind, `lots[${index}]: ${error.message.slice(error.kind.length + 2)}`);
      }
      throw error;
    }
  }
  return rawLots.length;
}
