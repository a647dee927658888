import {
  commissionedTimeOf,
  conflict,
  eventTimeMillis,
  forbidden,
  invalid,
  parseSerial,
  runsOverlap,
  serialOf,
  type UnitRun,
  type UnitRunInput,
  type UnitSale,
  type TracedLot,
  type UnitSalesInput,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { readRecordsByPartialKey } from '../common/state';
import type { ForeignBrandImport } from '../registry/brandPrefixes';
import { requireMovable, requireNotBeforeProduction } from './lotRules';
import type { SupplyChainSession } from './supplyChainSession';
import { unitRunKey, unitRunPrefixAttribute, unitSaleKey } from './supplyChainKeys';

/** A lot whose units are serialised: its GTIN, and how it came in if under a foreign brand (the brand check of its labels). */
export type SerialisedLot = TracedLot & ForeignBrandImport;

/** Every run commissioned so far of one GTIN and prefix (a range read, re-checked at commit). */
async function runsOf(session: SupplyChainSession, gtin: string, serialPrefix: string): Promise<UnitRun[]> {
  return readRecordsByPartialKey<UnitRun>(session.ctx, KeyTypes.unitRun, gtin, unitRunPrefixAttribute(serialPrefix));
}

/**
 * The lot's owner commissions serials `from .. from + count - 1` under a prefix. Serials are unique
 * per GTIN, so a run overlapping any earlier run of the GTIN and prefix (of any lot) is refused.
 */
export async function commissionUnits(session: SupplyChainSession<SerialisedLot>, input: UnitRunInput): Promise<UnitRun> {
  const lot = await session.lot(input.lotId);
  if (session.actorId !== lot.ownerId) {
    throw forbidden(`only the owner ${lot.ownerId} of lot ${lot.id} may commission its units; caller is ${session.actorId}`);
  }
  if (lot.hold?.state === 'recalled') {
    throw conflict(`lot ${lot.id} is recalled (${lot.hold.reason}); its units cannot be commissioned`);
  }
  // Serialised labels carry the brand: the owner must still be one who may use the GTIN (an importer's
  // foreign-brand lot keeps the customs declaration it was created with).
  const maker = await session.enterprise(session.actorId);
  if (!maker) throw forbidden(`enterprise ${session.actorId} is not registered`);
  await session.gtinUse.require(maker, lot.gtin, `commission units of lot ${lot.id}`, lot);
  const eventTime = input.eventTime ?? session.now;
  requireEventTimeNotAhead(session.ctx, eventTime);
  requireNotBeforeProduction(lot, eventTime, 'eventTime');
  const clash = (await runsOf(session, lot.gtin, input.serialPrefix)).find((run) => runsOverlap(run, input));
  if (clash) {
    const last = (run: { from: number; count: number }): string => serialOf(input.serialPrefix, run.from + run.count - 1);
    throw conflict(
      `serials ${serialOf(input.serialPrefix, input.from)}..${last(input)} of GTIN ${lot.gtin} overlap ${serialOf(clash.serialPrefix, clash.from)}..${last(clash)}, commissioned for lot ${clash.lotId}`,
    );
  }
  const run: UnitRun = {
    lotId: lot.id,
    gtin: lot.gtin,
    serialPrefix: input.serialPrefix,
    from: input.from,
    count: input.count,
    commissionedBy: session.actorId,
    commissionedAt: session.now,
    eventTime,
    txId: session.txId,
  };
  session.stage(unitRunKey(session.ctx, lot.gtin, input.serialPrefix, input.from), run, 'unitRuns');
  return run;
}

/**
 * The lot's custodian records retail sales of its units. The first sale of a serial stays; the same
 * sale again (same seller and time) changes nothing, so retries are safe; a different second sale is
 * the classic sign of copied codes and raises a `unitSoldTwice` alert on the lot.
 */
export async function recordUnitSales(session: SupplyChainSession<TracedLot>, input: UnitSalesInput): Promise<void> {
  const lot = await session.lot(input.lotId);
  // A unit sale is a retail sale of part of the lot: the same rules as a custody `sell`.
  requireMovable(lot, session.actorId, 'sell units of', 'sold');
  if (!lot.releasedForSale) {
    throw conflict(`lot ${lot.id} has not been released for sale, so its units cannot be sold`);
  }
  const runsByPrefix = new Map<string, UnitRun[]>();
  for (const [index, { serial, eventTime }] of input.sales.entries()) {
    requireEventTimeNotAhead(session.ctx, eventTime, `sales[${index}].eventTime`);
    requireNotBeforeProduction(lot, eventTime, `sales[${index}].eventTime`);
    // The schema admits only serials that parse.
    const { prefix, number } = parseSerial(serial) as { prefix: string; number: number };
    if (!runsByPrefix.has(prefix)) runsByPrefix.set(prefix, await runsOf(session, lot.gtin, prefix));
    const run = runsByPrefix.get(prefix)?.find((r) => number >= r.from && number < r.from + r.count);
    if (!run || run.lotId !== lot.id) {
      throw invalid(`sales[${index}]: serial ${serial} is not a commissioned unit of lot ${lot.id}`);
    }
    if (eventTimeMillis(eventTime) < eventTimeMillis(commissionedTimeOf(run))) {
      throw invalid(`sales[${index}].eventTime ${eventTime} lies before unit ${serial} was commissioned (${commissionedTimeOf(run)})`);
    }
    const key = unitSaleKey(session.ctx, lot.gtin, serial);
    const earlier = await session.read<UnitSale>(key);
    if (!earlier) {
      session.stage(key, { lotId: lot.id, gtin: lot.gtin, serial, soldBy: session.actorId, eventTime, recordedAt: session.now, txId: session.txId } satisfies UnitSale, 'unitSales');
      continue;
    }
    const at = new Date(eventTimeMillis(eventTime)).toISOString();
    if (earlier.soldBy === session.actorId && eventTimeMillis(earlier.eventTime) === eventTimeMillis(eventTime)) {
      continue;
    }
    await session.raiseAlert({
      lotId: lot.id,
      alertId: `unitSoldTwice:${serial}:${session.actorId}:${at}`,
      kind: 'unitSoldTwice',
      detail: `unit ${serial} of lot ${lot.id} was sold again by ${session.actorId} at ${eventTime}; it was first sold by ${earlier.soldBy} at ${earlier.eventTime}: its code may have been copied`,
      evidence: { serial, firstSoldBy: earlier.soldBy, firstSoldAt: earlier.eventTime, firstTxId: earlier.txId, secondSoldBy: session.actorId, secondSoldAt: eventTime },
    });
  }
}
