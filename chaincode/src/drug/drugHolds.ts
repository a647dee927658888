import { conflict, forbidden, type DrugHold, type DrugHoldInput, type DrugHoldTarget, type DrugLiftHoldInput, type DrugProduct } from '../../../model/src';
import { changeSerials, knownCode, type KnownCode } from './codeLookup';
import { positionOf } from './codePosition';
import { productKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { putPack, readPack } from './packing';
import { putBatch, requireBatch, requireProduct } from './products';

export interface HoldAuthority {
  actorId: string;
  regulator: boolean;
}

/** What a hold is on, how to read and write its hold, and who besides regulators and the product's holder may set it. */
interface HoldSubject {
  describe: string;
  current: DrugHold | undefined;
  write(hold: DrugHold | undefined): Promise<void>;
  product: DrugProduct;
  /** The code's current holder may quarantine stock it holds; batches and products are the holder's. */
  alsoAllowed?: string;
  /** The packs a held code sits in: they count it, so they do not move while it is held. */
  enclosing?: KnownCode[];
}

async function subjectOf(session: DrugSession, target: DrugHoldTarget): Promise<HoldSubject> {
  switch (target.kind) {
    case 'code': {
      const code = await knownCode(session, target, 'target');
      const position = await positionOf(session, code);
      return {
        describe: `code ${code.code}`,
        current: position.chain[0].facets.hold,
        write: (hold) => changeSerials(session, code.idCode, code.serial, code.serial, (facets) => ({ ...facets, hold })),
        product: await requireProduct(session, code.commissioning.productId),
        alsoAllowed: position.holder,
        enclosing: position.chain.slice(1).map((link) => link.code),
      };
    }
    case 'batch': {
      const batch = await requireBatch(session, target.productId, target.batchNumber, 'target.batchNumber');
      return {
        describe: `batch ${batch.id}`,
        current: batch.hold,
        write: async (hold) => putBatch(session, { ...batch, hold }),
        product: await requireProduct(session, target.productId, 'target.productId'),
      };
    }
    case 'product': {
      const product = await requireProduct(session, target.productId, 'target.productId');
      return {
        describe: `product ${product.productId}`,
        current: product.hold,
        write: async (hold) => session.stage(productKey(session.ctx, product.productId), { ...product, hold }, 'products'),
        product,
      };
    }
  }
}

/** Adds `delta` to the held count of every pack the held code sits in. */
async function countInEnclosing(session: DrugSession, subject: HoldSubject, delta: number): Promise<void> {
  for (const outer of subject.enclosing ?? []) {
    const pack = await readPack(session, outer);
    if (pack?.status === 'packed') putPack(session, { ...pack, heldInside: Math.max(0, (pack.heldInside ?? 0) + delta) });
  }
}

function requireAuthority(subject: HoldSubject, authority: HoldAuthority, action: string): void {
  if (authority.regulator || authority.actorId === subject.product.holderId || authority.actorId === subject.alsoAllowed) return;
  throw forbidden(`only the holder ${subject.product.holderId} of product ${subject.product.productId}${subject.alsoAllowed ? `, the code's holder ${subject.alsoAllowed}` : ''} or a regulator may ${action} ${subject.describe}; caller is ${authority.actorId}`);
}

/** Marks a code (and all packed in it), a batch or a product suspect, quarantined or recalled; a regulator's hold replaces an enterprise's. */
export async function setDrugHold(session: DrugSession, authority: HoldAuthority, input: DrugHoldInput): Promise<void> {
  const subject = await subjectOf(session, input.target);
  requireAuthority(subject, authority, `mark ${input.state}`);
  if (subject.current && !(authority.regulator && !subject.current.setBy.startsWith('regulator:'))) {
    throw conflict(`${subject.describe} is already ${subject.current.state} (${subject.current.reason}) since ${subject.current.setAt}`);
  }
  if (!subject.current) await countInEnclosing(session, subject, 1);
  await subject.write({ state: input.state, reason: input.reason, setBy: authority.actorId, setAt: session.now, txId: session.txId });
  session.recordMovement({ action: 'hold', eventId: `hold:${session.txId}`, codes: input.target.kind === 'code' ? [input.target.code] : [], eventTime: session.now, counts: {}, detail: `${subject.describe} ${input.state}: ${input.reason}` });
}

/** Lifts a hold; one a regulator set only a regulator lifts. */
export async function liftDrugHold(session: DrugSession, authority: HoldAuthority, input: DrugLiftHoldInput): Promise<void> {
  const subject = await subjectOf(session, input.target);
  requireAuthority(subject, authority, 'lift the hold of');
  if (!subject.current) throw conflict(`${subject.describe} is not held`);
  if (subject.current.setBy.startsWith('regulator:') && !authority.regulator) throw forbidden(`${subject.describe} was ${subject.current.state} by a regulator; only a regulator may lift it`);
  await countInEnclosing(session, subject, -1);
  await subject.write(undefined);
  session.recordMovement({ action: 'liftHold', eventId: `lift:${session.txId}`, codes: input.target.kind === 'code' ? [input.target.code] : [], eventTime: session.now, counts: {}, detail: `${subject.describe}: ${input.reason}` });
}
