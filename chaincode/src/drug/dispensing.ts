import {
  conflict,
  drugBatchIdOf,
  eventTimeMillis,
  forbidden,
  invalid,
  type DispenseInput,
  type DispenseOutcome,
  type DrugAlert,
  type Enterprise,
  type ReturnInput,
  type RetireInput,
  type LevelCounts,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { changeSerials, facetsOfCode, knownCode, type KnownCode } from './codeLookup';
import { outermostOf, positionOf, requireActive, requireHolder, requireNotHeld, type CodePosition } from './codePosition';
import { drugAlertKey } from './drugKeys';
import { countUnits, unitsCarried, type BatchUnits } from './holdings';
import type { DrugSession } from './drugSession';
import { putPack, readPack } from './packing';
import { requireBatch, requireProduct } from './products';

const DAY_MS = 86_400_000;
const utc = (time: string): string => new Date(eventTimeMillis(time)).toISOString();

/** Enterprises that dispense (hospitals) or sell to patients (pharmacies). */
const DISPENSER_KINDS = ['hospital', 'pharmacy'];

/** A unit leaving its packs: each pack it was in holds one unit less (of the unit's batch). */
async function leavePacks(session: DrugSession, position: CodePosition): Promise<void> {
  const { commissioning } = position.chain[0].code;
  const batchId = drugBatchIdOf(commissioning.productId, commissioning.batchNumber);
  for (const [depth, outer] of position.chain.slice(1).entries()) {
    const pack = await readPack(session, outer.code);
    if (pack?.status !== 'packed') continue;
    putPack(session, {
      ...pack,
      childCount: depth === 0 ? pack.childCount - 1 : pack.childCount,
      contents: { ...pack.contents, unit: Math.max(0, (pack.contents.unit ?? 0) - 1) },
      ...(pack.batchUnits ? { batchUnits: { ...pack.batchUnits, [batchId]: Math.max(0, (pack.batchUnits[batchId] ?? 0) - 1) } } : {}),
    });
  }
}

/** Raises the duplicate-sale alert of a second use of a code, once per second seller and time; the first use stays. */
async function raiseDuplicateSale(session: DrugSession, code: KnownCode, first: NonNullable<Awaited<ReturnType<typeof facetsOfCode>>['change']>, eventTime: string, region: string | undefined): Promise<string> {
  const alertId = `duplicateSale:${session.actorId}:${utc(eventTime)}`;
  const key = drugAlertKey(session.ctx, code.code, alertId);
  if (!(await session.read(key))) {
    const alert: DrugAlert = {
      lotId: code.commissioning.batchId,
      alertId,
      kind: 'duplicateSale',
      code: code.code,
      ...(region ? { region } : {}),
      detail: `code ${code.code} was dispensed or sold again by ${session.actorId} at ${eventTime}; it was first used by ${first.by} at ${first.eventTime}: a copied code or resold (回流) drug`,
      status: 'open',
      raisedAt: session.now,
      txId: session.txId,
      evidence: {
        code: code.code,
        firstBy: first.by,
        firstAt: first.eventTime,
        firstTxId: first.txId,
        ...(first.region ? { firstRegion: first.region } : {}),
        secondBy: session.actorId,
        secondAt: eventTime,
        ...(region ? { secondRegion: region } : {}),
      },
    };
    session.stage(key, alert, 'alerts');
  }
  return alertId;
}

/**
 * Dispenses or sells units, one code one use. A code already used keeps its first use: the same
 * record again is a retry and changes nothing, anything else commits a duplicate-sale alert and
 * answers `duplicate` for that code while the others dispense. Any other refusal (an unknown code, a
 * code not in the dispenser's stock, held, expired) refuses the whole upload, naming the entry.
 */
export async function dispense(session: DrugSession, dispenser: Enterprise, input: DispenseInput): Promise<DispenseOutcome[]> {
  if (!dispenser.kinds.some((kind) => DISPENSER_KINDS.includes(kind))) {
    throw forbidden(`only a registered hospital or pharmacy may ${input.kind === 'dispense' ? 'dispense' : 'sell'} drugs to patients; ${dispenser.id} is ${dispenser.kinds.join(', ')}`);
  }
  const state = input.kind === 'dispense' ? 'dispensed' : 'sold';
  const region = input.location.region;
  const outcomes: DispenseOutcome[] = [];
  for (const [index, unit] of input.units.entries()) {
    const field = `units.${index}.code`;
    requireEventTimeNotAhead(session.ctx, unit.eventTime, `units.${index}.eventTime`);
    const code = await knownCode(session, unit, field);
    if (code.commissioning.level !== 'unit') throw invalid(`${field}: code ${code.code} is a ${code.commissioning.level}; dispense the units inside it`);
    const facets = await facetsOfCode(session, code.idCode, code.serial);
    if ((facets.state === 'dispensed' || facets.state === 'sold') && facets.change) {
      const first = facets.change;
      if (first.by === session.actorId && facets.state === state && eventTimeMillis(first.eventTime) === eventTimeMillis(unit.eventTime)) {
        outcomes.push({ code: code.code, outcome: 'repeated' });
      } else {
        outcomes.push({ code: code.code, outcome: 'duplicate', alertId: await raiseDuplicateSale(session, code, first, unit.eventTime, region) });
      }
      continue;
    }
    const position = await positionOf(session, code);
    requireHolder(position, session.actorId, field, input.kind === 'sale' ? 'sell' : 'dispense');
    requireActive(position, field, state);
    await requireNotHeld(session, position, field, state);
    const batch = await requireBatch(session, code.commissioning.productId, code.commissioning.batchNumber);
    if (unit.eventTime.slice(0, 10) > batch.expiryDate) throw conflict(`${field}: batch ${batch.id} expired on ${batch.expiryDate}; code ${code.code} cannot be ${state}`);
    if (eventTimeMillis(unit.eventTime) < eventTimeMillis(code.commissioning.eventTime)) {
      throw invalid(`units.${index}.eventTime: ${unit.eventTime} lies before code ${code.code} was commissioned (${code.commissioning.eventTime})`);
    }
    await leavePacks(session, position);
    await changeSerials(session, code.idCode, code.serial, code.serial, () => ({
      state,
      holder: session.actorId,
      change: { eventId: input.eventId, by: session.actorId, eventTime: unit.eventTime, ...(region ? { region } : {}), txId: session.txId },
    }));
    outcomes.push({ code: code.code, outcome: 'dispensed' });
  }
  const used = outcomes.filter((o) => o.outcome === 'dispensed').map((o) => o.code);
  session.recordMovement({ action: input.kind, eventId: input.eventId, codes: used, eventTime: input.units[0].eventTime, region, counts: { unit: used.length } });
  return outcomes;
}

/** A return to the seller within the product's window reopens the code with its reason. */
export async function returnCode(session: DrugSession, input: ReturnInput): Promise<void> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const code = await knownCode(session, input, 'code');
  const facets = await facetsOfCode(session, code.idCode, code.serial);
  if ((facets.state !== 'dispensed' && facets.state !== 'sold') || !facets.change) throw conflict(`code: ${code.code} was not dispensed or sold, so there is nothing to return`);
  const sale = facets.change;
  if (sale.by !== session.actorId) throw forbidden(`code: ${code.code} was ${facets.state} by ${sale.by}; a return goes back to the seller, not to ${session.actorId}`);
  const product = await requireProduct(session, code.commissioning.productId);
  const elapsed = eventTimeMillis(input.eventTime) - eventTimeMillis(sale.eventTime);
  if (elapsed < 0) throw invalid(`eventTime: the return at ${input.eventTime} lies before the sale at ${sale.eventTime}`);
  if (elapsed > product.returnWindowDays * DAY_MS) {
    throw conflict(`eventTime: the return at ${input.eventTime} lies outside the ${product.returnWindowDays}-day return window of product ${product.productId} (${facets.state} at ${sale.eventTime})`);
  }
  await changeSerials(session, code.idCode, code.serial, code.serial, () => ({
    holder: session.actorId,
    change: { eventId: input.eventId, by: session.actorId, eventTime: input.eventTime, reason: input.reason, txId: session.txId },
  }));
  session.recordMovement({ action: 'return', eventId: input.eventId, codes: [code.code], eventTime: input.eventTime, counts: { unit: 1 }, detail: input.reason });
}

/** The holder takes outermost codes out of the chain: destroyed, stolen, sampled or exported (held stock too: that is how a recall ends). */
export async function retire(session: DrugSession, input: RetireInput): Promise<LevelCounts> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const counts: LevelCounts = {};
  const retired: BatchUnits = new Map();
  for (const [index, proven] of input.codes.entries()) {
    const field = `codes.${index}`;
    const code = await knownCode(session, proven, field);
    const position = await positionOf(session, code);
    if (outermostOf(position) !== code) throw conflict(`${field}: code ${code.code} is packed in ${position.chain[1].code.code}; unpack it first`);
    requireHolder(position, session.actorId, field, `mark ${input.state}`);
    requireActive(position, field, input.state);
    counts[code.commissioning.level] = (counts[code.commissioning.level] ?? 0) + 1;
    await unitsCarried(session, code, retired);
    await changeSerials(session, code.idCode, code.serial, code.serial, (facets) => ({
      ...facets,
      state: input.state,
      change: { eventId: input.eventId, by: session.actorId, eventTime: input.eventTime, reason: input.reason, ...(input.location?.region ? { region: input.location.region } : {}), txId: session.txId },
    }));
  }
  for (const [batchId, n] of retired) await countUnits(session, batchId, session.actorId, 'retired', n);
  session.recordMovement({ action: 'retire', eventId: input.eventId, codes: input.codes.map((c) => c.code), eventTime: input.eventTime, region: input.location?.region, counts, detail: `${input.state}: ${input.reason}` });
  return counts;
}
