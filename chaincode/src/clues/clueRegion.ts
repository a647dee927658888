import type { Context } from 'fabric-contract-api';
import { parseSerial, type Elevator, type Enterprise, type TracedItem, type UnitRun } from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { elevatorKey, giaiIndexKey } from '../elevator/elevatorKeys';
import { readEnterprise } from '../registry/enterpriseStore';
import { lotKey, unitRunPrefixAttribute } from '../supplychain';

/** Where a clue's subject is and whom it concerns, as far as the ledger can tell. */
export interface SubjectPlace {
  regionCode?: string;
  /** The enterprise answerable for the subject: a lot's custodian, a lift's maintenance firm. */
  enterpriseId?: string;
}

/**
 * The place of a clue's subject as the ledger knows it now: a lot's custodian and its region (for a
 * unit, its lot's), a lift's own region and its maintenance firm. Empty for what has no place on the
 * ledger (a trace subject, a drug code whose alert named none); such clues wait for a regulator to assign them.
 */
export async function placeOfSubject(ctx: Context, subjectId: string): Promise<SubjectPlace> {
  const unit = /^01\/(\d{14})\/21\/(.+)$/.exec(subjectId);
  if (unit) {
    const parsed = parseSerial(unit[2]);
    if (!parsed) return {};
    const runs = await readRecordsByPartialKey<UnitRun>(ctx, KeyTypes.unitRun, unit[1], unitRunPrefixAttribute(parsed.prefix));
    const run = runs.find((r) => parsed.number >= r.from && parsed.number < r.from + r.count);
    return run ? placeOfLot(ctx, run.lotId) : {};
  }
  if (subjectId.startsWith('01/')) return placeOfLot(ctx, subjectId);
  if (subjectId.startsWith('8004/')) {
    const index = await readRecord<{ deviceCode: string }>(ctx, giaiIndexKey(ctx, subjectId.slice('8004/'.length)));
    return index ? placeOfElevator(ctx, index.deviceCode) : {};
  }
  return {};
}

export async function placeOfLot(ctx: Context, lotId: string): Promise<SubjectPlace> {
  const lot = await readRecord<TracedItem>(ctx, lotKey(ctx, lotId));
  return lot ? placeOfEnterprise(ctx, lot.custodianId) : {};
}

export async function placeOfElevator(ctx: Context, deviceCode: string): Promise<SubjectPlace> {
  const elevator = await readRecord<Elevator>(ctx, elevatorKey(ctx, deviceCode));
  return elevator ? { regionCode: elevator.region, enterpriseId: elevator.maintenanceFirmId } : {};
}

export async function placeOfEnterprise(ctx: Context, enterpriseId: string): Promise<SubjectPlace> {
  return { regionCode: await regionOfEnterprise(ctx, enterpriseId), enterpriseId };
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
