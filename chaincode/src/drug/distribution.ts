import { conflict, forbidden, invalid, type LevelCounts, type ReceiveInput, type ShipInput } from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { changeSerials, knownCode, type KnownCode } from './codeLookup';
import { positionOf, requireActive, requireHolder, requireNoHeldBatchInside, requireNotHeld } from './codePosition';
import type { DrugSession } from './drugSession';
import { moveUnitsAtReceipt, unitsCarried, type BatchUnits } from './holdings';
import { readPack } from './packing';

/**
 * What one outermost code carries: itself and, if packed, what is inside it. A shipment is refused while
 * something inside is held; a receipt never is (held stock has to sit somewhere).
 */
async function countsOf(session: DrugSession, code: KnownCode, into: LevelCounts, field: string, refuseHeld: boolean): Promise<void> {
  into[code.commissioning.level] = (into[code.commissioning.level] ?? 0) + 1;
  const pack = await readPack(session, code);
  if (pack?.status === 'packed') {
    if (refuseHeld && (pack.heldInside ?? 0) > 0) throw conflict(`${field}: code ${code.code} holds ${pack.heldInside} held code(s) and cannot move until they are lifted or unpacked`);
    if (refuseHeld) await requireNoHeldBatchInside(session, pack, field, 'shipped');
    for (const [level, n] of Object.entries(pack.contents) as [keyof LevelCounts, number][]) into[level] = (into[level] ?? 0) + n;
  }
}

/**
 * Ships outermost codes (pallet, case, or a loose box or unit) to a registered enterprise: the shipper
 * holds each, none is inside another pack, used, on its way or held. Everything packed inside moves
 * with its outermost pack without a write of its own.
 */
export async function ship(session: DrugSession, input: ShipInput): Promise<LevelCounts> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  if (input.to === session.actorId) throw invalid(`to: ${input.to} cannot ship to itself`);
  const receiver = await session.enterprise(input.to);
  if (!receiver) throw invalid(`to: ${input.to} is not a registered enterprise`);
  if (receiver.status !== 'active') throw conflict(`to: receiver ${input.to} is ${receiver.status} and may not take custody`);
  const counts: LevelCounts = {};
  const seen = new Set<string>();
  for (const [index, proven] of input.codes.entries()) {
    const field = `codes.${index}`;
    if (seen.has(proven.code)) throw invalid(`${field}: code ${proven.code} is named twice`);
    seen.add(proven.code);
    const code = await knownCode(session, proven, field);
    const position = await positionOf(session, code);
    if (position.chain.length > 1) throw conflict(`${field}: code ${code.code} is packed in ${position.chain[1].code.code}; ship the outermost pack, or unpack it first`);
    requireHolder(position, session.actorId, field, 'ship');
    requireActive(position, field, 'shipped');
    await requireNotHeld(session, position, field, 'shipped');
    await countsOf(session, code, counts, field, true);
    await changeSerials(session, code.idCode, code.serial, code.serial, (facets) => ({
      ...facets,
      state: 'inTransit',
      shipment: { eventId: input.eventId, from: session.actorId, to: input.to, eventTime: input.eventTime, txId: session.txId },
    }));
  }
  session.recordMovement({ action: 'ship', eventId: input.eventId, codes: input.codes.map((c) => c.code), to: input.to, eventTime: input.eventTime, region: input.location?.region, counts });
  return counts;
}

/**
 * The named receiver accepts shipped codes (it holds them now, and their units move from the
 * shipper's tally of each batch to its own) or refuses them (back with the shipper, no tally moves).
 */
export async function receive(session: DrugSession, input: ReceiveInput): Promise<LevelCounts> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const counts: LevelCounts = {};
  const senders = new Set<string>();
  const accepted = new Map<string, BatchUnits>();
  for (const [index, proven] of input.codes.entries()) {
    const field = `codes.${index}`;
    const code = await knownCode(session, proven, field);
    const position = await positionOf(session, code);
    const { facets } = position.chain[0];
    if (facets.state !== 'inTransit' || !facets.shipment) throw conflict(`${field}: code ${code.code} is not in transit, so there is nothing to receive`);
    const { shipment } = facets;
    if (shipment.to !== session.actorId) throw forbidden(`${field}: code ${code.code} was shipped to ${shipment.to}; ${session.actorId} may not receive it`);
    senders.add(shipment.from);
    await countsOf(session, code, counts, field, false);
    if (input.decision === 'accept') {
      if (!accepted.has(shipment.from)) accepted.set(shipment.from, new Map());
      await unitsCarried(session, code, accepted.get(shipment.from) as BatchUnits);
    }
    const holder = input.decision === 'accept' ? session.actorId : shipment.from;
    await changeSerials(session, code.idCode, code.serial, code.serial, (current) => ({ ...current, state: undefined, shipment: undefined, holder }));
  }
  await moveUnitsAtReceipt(session, accepted);
  session.recordMovement({
    action: input.decision === 'accept' ? 'receive' : 'refuse',
    eventId: input.eventId,
    codes: input.codes.map((c) => c.code),
    to: [...senders].join(','),
    eventTime: input.eventTime,
    region: input.location?.region,
    counts,
    ...(input.reason ? { detail: input.reason } : {}),
  });
  return counts;
}
