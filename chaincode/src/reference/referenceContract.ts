import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  invalid,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  ReferenceEvents,
  ReferenceKindNames,
  ReferenceKinds,
  type ReferenceKind,
  type ReferenceRecord,
  type Region,
  type RegulatorUnit,
} from '../../../model/src';
import { describeCaller, requirePlatformAdmin } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { coverageKey, referenceKey, regionChainOf, requireRegion } from './referenceStore';

const kindOf = (kind: string): ReferenceKind => {
  if (!(ReferenceKindNames as string[]).includes(kind)) throw notFound(`kind: no reference data of kind ${kind}; kinds are ${ReferenceKindNames.join(', ')}`);
  return kind as ReferenceKind;
};

/**
 * Reference data the platform admin maintains: regions, regulator units and the regions they cover,
 * product categories, working-day calendars, recall levels and clue deadlines. An entry is written
 * whole and replaces the previous one of the same id; the ledger's history keeps every version.
 */
@Info({ title: 'Reference', description: 'Regions, regulator units, product categories, working-day calendars, recall levels, clue deadlines' })
export class ReferenceContract extends Contract {
  constructor() {
    super('reference');
  }

  @Transaction()
  @Returns('string')
  async putEntry(ctx: Context, kind: string, entryJson: string): Promise<string> {
    const admin = requirePlatformAdmin(ctx);
    const referenceKind = kindOf(kind);
    const { schema, idOf } = ReferenceKinds[referenceKind];
    const entry = parseOrThrow(schema, parseJsonArgument(entryJson, 'entry'));
    const id = (idOf as (entry: unknown) => string)(entry);
    if (referenceKind === 'region') await checkRegion(ctx, entry as Region);
    if (referenceKind === 'regulatorUnit') await writeCoverage(ctx, entry as RegulatorUnit);
    const record: ReferenceRecord = { kind: referenceKind, id, entry, updatedAt: txTimeIso(ctx), updatedBy: describeCaller(admin), txId: ctx.stub.getTxID() } as ReferenceRecord;
    await writeRecord(ctx, referenceKey(ctx, referenceKind, id), record);
    emitLedgerEvent(ctx, ReferenceEvents.referenceEntryWritten, record);
    return JSON.stringify(record);
  }
}

/** A region's parent must be in the table already and must not lie below the region itself. */
async function checkRegion(ctx: Context, region: Region): Promise<void> {
  if (region.parent === undefined) return;
  if (region.parent === region.code) throw invalid(`parent: region ${region.code} cannot lie in itself`);
  await requireRegion(ctx, region.parent, 'parent');
  if ((await regionChainOf(ctx, region.parent)).includes(region.code)) {
    throw invalid(`parent: ${region.parent} lies within ${region.code}; regions form a tree`);
  }
}

/** Keeps the coverage index [region, unit] equal to the unit's regions, each of which must be in the table. */
async function writeCoverage(ctx: Context, unit: RegulatorUnit): Promise<void> {
  for (const code of unit.regions) await requireRegion(ctx, code, 'regions');
  const previous = (await readRecord<ReferenceRecord<'regulatorUnit'>>(ctx, referenceKey(ctx, 'regulatorUnit', unit.unitId)))?.entry;
  for (const code of previous?.regions ?? []) {
    if (!unit.regions.includes(code)) await ctx.stub.deleteState(coverageKey(ctx, code, unit.unitId));
  }
  for (const code of unit.regions) await writeRecord(ctx, coverageKey(ctx, code, unit.unitId), { unitId: unit.unitId });
}
