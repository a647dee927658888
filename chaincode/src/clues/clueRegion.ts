import type { Context } from 'fabric-contract-api';
import { parseSerial, type Elevator, type Enterprise, type TracedItem, type UnitRun } from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { elevatorKey, giaiIndexKey } from '../elevator/elevatorKeys';
import { readEnterprise } from '../registry/enterpriseStore';
import { lotKey, unitRunPrefixAttribute } from '../supplychain';

/**
 * The region a clue about a subject belongs to, as the ledger knows it now: a lot's custodian's
 * region (for a unit, its lot's), a lift's own region. Undefined for what has no place on the ledger
 * (a trace subject, a drug code whose alert named none); such clues wait for a regulator to assign them.
 */
export async function regionOfSubject(ctx: Context, subjectId: string): Promise<string | undefined> {
  const unit = /^01\/(\d{14})\/21\/(.+)$/.exec(subjectId);
  if (unit) {
    const parsed = parseSerial(unit[2]);
    if (!parsed) return undefined;
    const runs = await readRecordsByPartialKey<UnitRun>(ctx, KeyTypes.unitRun, unit[1], unitRunPrefixAttribute(parsed.prefix));
    const run = runs.find((r) => parsed.number >= r.from && parsed.number < r.from + r.count);
    return run ? regionOfLot(ctx, run.lotId) : undefined;
  }
  if (subjectId.startsWith('01/')) return regionOfLot(ctx, subjectId);
  if (subjectId.startsWith('8004/')) {
    const index = await readRecord<{ deviceCode: string }>(ctx, giaiIndexKey(ctx, subjectId.slice('8004/'.length)));
    return index ? regionOfElevator(ctx, index.deviceCode) : undefined;
  }
  return undefined;
}

export async function regionOfLot(ctx: Context, lotId: string): Promise<string | undefined> {
  const lot = await readRecord<TracedItem>(ctx, lotKey(ctx, lotId));
  return lot ? regionOfEnterprise(ctx, lot.custodianId) : undefined;
}

export async function regionOfElevator(ctx: Context, deviceCode: string): Promise<string | undefined> {
  return (await readRecord<Elevator>(ctx, elevatorKey(ctx, deviceCode)))?.region;
}

export async function regionOfEnterprise(ctx: Context, enterpriseId: string): Promise<string | undefined> {
  return ((await readEnterprise(ctx, enterpriseId)) as Enterprise | undefined)?.region;
}

/**
 * The place of the scans of an hourly anomaly: the province where most distinct clients scanned
 * (ties to the lower code, so every endorser agrees), as its 6-digit code.
 */
export function regionOfScans(regions: Record<string, number>): string {
  const [province] = Object.entries(regions).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0];
  return `${province}0000`;
}
