import {
  batchUnitsOfPack,
  conflict,
  drugBatchIdOf,
  invalid,
  LedgerError,
  levelRank,
  MAX_CHILD_ENTRIES_PER_PACK,
  type ChildRange,
  type DrugCommissioning,
  type DrugPack,
  type LevelCounts,
  type PackagingLevel,
  type PackInput,
  type PackUploadInput,
  type UnpackInput,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { changeSerials, knownCode, knownRange, runsOf, type KnownCode } from './codeLookup';
import { positionOf, requireActive, requireHolder, requireNoHeldBatchInside, requireNotHeld, type CodePosition } from './codePosition';
import { packKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { requireBatch, requireProduct } from './products';

const inRange = (range: ChildRange, code: { idCode: string; serial: number }): boolean => range.idCode === code.idCode && range.from <= code.serial && code.serial <= range.to;

export async function readPack(session: DrugSession, code: { idCode: string; serial: number }): Promise<DrugPack | undefined> {
  return session.read<DrugPack>(packKey(session.ctx, code.idCode, code.serial));
}

export function putPack(session: DrugSession, pack: DrugPack): void {
  session.stage(packKey(session.ctx, pack.idCode, Number(pack.parent.slice(7, 16))), pack, 'packs');
}

/** Adds `counts` to `into`. */
function addCounts(into: LevelCounts, counts: LevelCounts): void {
  for (const [level, n] of Object.entries(counts) as [keyof LevelCounts, number][]) into[level] = (into[level] ?? 0) + n;
}

/** The packer must hold a loose, active, unheld parent that is not yet packed, and that is no unit. */
async function requirePackableParent(session: DrugSession, parent: KnownCode, position: CodePosition): Promise<void> {
  if (position.chain.length > 1) throw conflict(`parent: code ${parent.code} is packed in ${position.chain[1].code.code}; unpack that first`);
  requireHolder(position, session.actorId, 'parent', 'pack into');
  requireActive(position, 'parent', 'packed');
  await requireNotHeld(session, position, 'parent', 'packed');
  if (parent.commissioning.level === 'unit') throw invalid(`parent: code ${parent.code} is a unit; only boxes, cases and pallets hold other packs`);
  const existing = await readPack(session, parent);
  if (existing?.status === 'packed') throw conflict(`parent: code ${parent.code} is already packed with ${existing.childCount} children; unpack it first`);
}

/** Refuses a child of a level not inside the parent's. */
function requireInnerLevel(parent: KnownCode, child: DrugCommissioning, field: string): void {
  if (levelRank(child.level) >= levelRank(parent.commissioning.level)) {
    throw invalid(`${field}: a ${child.level} cannot go into a ${parent.commissioning.level}`);
  }
}

/** A child named in full: loose, held by the packer, active, not held. */
async function childCode(session: DrugSession, child: KnownCode, field: string): Promise<ChildRange> {
  const position = await positionOf(session, child);
  if (position.chain.length > 1) {
    throw conflict(`${field}: code ${child.code} is already packed in ${position.chain[1].code.code}; a child is in one parent at a time, so unpack that first`);
  }
  requireHolder(position, session.actorId, field, 'pack');
  requireActive(position, field, 'packed');
  await requireNotHeld(session, position, field, 'packed');
  return { idCode: child.idCode, from: child.serial, to: child.serial };
}

/** A range of children: every serial loose, with the packer, active and not held; its batch and product not held. */
async function childRange(session: DrugSession, range: ChildRange, field: string): Promise<void> {
  const commissioning = await knownRange(session, range, field);
  for (const run of await runsOf(session, range.idCode, range.from, range.to)) {
    const at = `${range.idCode} serials ${run.from}..${run.to}`;
    if (run.parent !== undefined) throw conflict(`${field}: ${at} are already packed in ${run.parent}; a child is in one parent at a time, so unpack that first`);
    const holder = run.holder ?? commissioning.commissionedBy;
    if (holder !== session.actorId) throw invalid(`${field}: ${at} are not in the stock of ${session.actorId} (held by ${holder})`);
    if ((run.state ?? 'active') !== 'active') throw conflict(`${field}: ${at} are ${run.state} and cannot be packed`);
    if (run.hold) throw conflict(`${field}: ${at} are ${run.hold.state} (${run.hold.reason}) and cannot be packed`);
  }
  const batch = await requireBatch(session, commissioning.productId, commissioning.batchNumber);
  const product = await requireProduct(session, commissioning.productId);
  const hold = batch.hold ?? product.hold;
  if (hold) throw conflict(`${field}: batch ${batch.id} is ${hold.state} (${hold.reason}) and cannot be packed`);
}

/**
 * Packs children into a parent (EPCIS AggregationEvent ADD). Refused: a child that is the parent or
 * already holds it (a cycle), a child already in another parent, a child of a level not inside the
 * parent's, anything the packer does not hold or that is held, used or on its way.
 */
export async function pack(session: DrugSession, input: PackInput): Promise<DrugPack> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const parent = await knownCode(session, input.parent, 'parent');
  const parentPosition = await positionOf(session, parent);
  const ranges: { range: ChildRange; code?: KnownCode; level: PackagingLevel; batchId: string }[] = [];
  for (const [index, child] of input.children.entries()) {
    const field = `children.${index}`;
    const code = 'code' in child ? await knownCode(session, child, field) : undefined;
    const range: ChildRange = code ? { idCode: code.idCode, from: code.serial, to: code.serial } : (child as ChildRange);
    const commissioning = code ? code.commissioning : await knownRange(session, range, field);
    if (inRange(range, parent)) throw invalid(`${field}: it names the parent ${parent.code} itself; packing a pack into itself would make a cycle`);
    const enclosing = parentPosition.chain.slice(1).find((outer) => inRange(range, outer.code));
    if (enclosing) throw invalid(`${field}: code ${enclosing.code.code} already holds the parent ${parent.code}; packing it into its own content would make a cycle`);
    const twice = ranges.find((earlier) => earlier.range.idCode === range.idCode && earlier.range.from <= range.to && range.from <= earlier.range.to);
    if (twice) throw invalid(`${field}: it names serials already named by another child of this pack`);
    requireInnerLevel(parent, commissioning, field);
    ranges.push({ range, code, level: commissioning.level, batchId: drugBatchIdOf(commissioning.productId, commissioning.batchNumber) });
  }
  await requirePackableParent(session, parent, parentPosition);
  const contents: LevelCounts = {};
  const batches = new Set<string>();
  const batchUnits: Record<string, number> = {};
  const addUnits = (units: Record<string, number>): void => {
    for (const [batchId, n] of Object.entries(units)) batchUnits[batchId] = (batchUnits[batchId] ?? 0) + n;
  };
  let childCount = 0;
  for (const [index, { range, code, level, batchId }] of ranges.entries()) {
    const field = `children.${index}`;
    if (code) await childCode(session, code, field);
    else await childRange(session, range, field);
    const n = range.to - range.from + 1;
    childCount += n;
    addCounts(contents, { [level]: n });
    batches.add(batchId);
    if (level === 'unit') addUnits({ [batchId]: n });
    if (level !== 'unit') {
      if (n > MAX_CHILD_ENTRIES_PER_PACK) throw invalid(`${field}: a pack holds at most ${MAX_CHILD_ENTRIES_PER_PACK} packs of a level above the unit`);
      for (let serial = range.from; serial <= range.to; serial++) {
        const inner = await readPack(session, { idCode: range.idCode, serial });
        if (inner?.status === 'packed' && (inner.heldInside ?? 0) > 0) throw conflict(`${field}: ${inner.parent} holds ${inner.heldInside} held code(s) and cannot be packed`);
        if (inner?.status !== 'packed') continue;
        await requireNoHeldBatchInside(session, inner, field, 'packed');
        addCounts(contents, inner.contents);
        addUnits(batchUnitsOfPack(inner, batchId));
        for (const inside of inner.batches ?? []) batches.add(inside);
      }
    }
    await changeSerials(session, range.idCode, range.from, range.to, (facets) => ({ ...facets, parent: parent.code, holder: undefined }));
  }
  const record: DrugPack = {
    parent: parent.code,
    idCode: parent.idCode,
    level: parent.commissioning.level,
    productId: parent.commissioning.productId,
    children: ranges.map(({ range }) => ({ idCode: range.idCode, from: range.from, to: range.to })),
    childCount,
    contents,
    batches: [...batches].sort(),
    batchUnits,
    status: 'packed',
    packedBy: session.actorId,
    eventId: input.eventId,
    eventTime: input.eventTime,
    txId: session.txId,
  };
  putPack(session, record);
  session.recordMovement({ action: 'pack', eventId: input.eventId, codes: [parent.code], eventTime: input.eventTime, region: input.location?.region, counts: { [record.level]: 1, ...contents } });
  return record;
}

/**
 * Packs a run of parents in one transaction, in order (a later pack sees the earlier ones, so boxes
 * and then their case may come in one upload). A refusal names the pack: `packs.<i>.<field>`.
 */
export async function packUpload(session: DrugSession, input: PackUploadInput): Promise<DrugPack[]> {
  const packed: DrugPack[] = [];
  for (const [index, one] of input.packs.entries()) {
    try {
      packed.push(await pack(session, one));
    } catch (error) {
      if (error instanceof LedgerError) throw new LedgerError(error.kind, `packs.${index}.${error.message.slice(error.kind.length + 2)}`);
      throw error;
    }
  }
  return packed;
}

/** Frees a loose parent's children (EPCIS AggregationEvent DELETE): they stay with the parent's holder. */
export async function unpack(session: DrugSession, input: UnpackInput): Promise<DrugPack> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const parent = await knownCode(session, input.parent, 'parent');
  const position = await positionOf(session, parent);
  if (position.chain.length > 1) throw conflict(`parent: code ${parent.code} is packed in ${position.chain[1].code.code}; unpack that first`);
  requireHolder(position, session.actorId, 'parent', 'unpack');
  requireActive(position, 'parent', 'unpacked');
  await requireNotHeld(session, position, 'parent', 'unpacked');
  const record = await readPack(session, parent);
  if (record?.status !== 'packed') throw conflict(`parent: code ${parent.code} holds nothing to unpack`);
  for (const range of record.children) {
    await changeSerials(session, range.idCode, range.from, range.to, (facets) => (facets.parent === parent.code ? { ...facets, parent: undefined, holder: session.actorId } : facets));
  }
  const unpacked: DrugPack = { ...record, status: 'unpacked', unpackedTxId: session.txId };
  putPack(session, unpacked);
  session.recordMovement({ action: 'unpack', eventId: input.eventId, codes: [parent.code], eventTime: input.eventTime, region: input.location?.region, counts: record.contents });
  return unpacked;
}

