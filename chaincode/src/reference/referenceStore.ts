import type { Context } from 'fabric-contract-api';
import {
  DEFAULT_CLUE_DEADLINES,
  DEFAULT_RECALL_LEVELS,
  MAX_REGION_DEPTH,
  notFound,
  type ClueDeadline,
  type ClueSeverity,
  type RecallDomain,
  type RecallLevelPolicy,
  type ReferenceEntryOf,
  type ReferenceKind,
  type ReferenceRecord,
  type Region,
  type RegulatorUnit,
  type WorkingCalendar,
} from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';

export const referenceKey = (ctx: Context, kind: ReferenceKind, id: string): string => ledgerKey(ctx, KeyTypes.referenceEntry, kind, id);
export const coverageKey = (ctx: Context, regionCode: string, unitId: string): string => ledgerKey(ctx, KeyTypes.regionCoverage, regionCode, unitId);

export async function readReference<K extends ReferenceKind>(ctx: Context, kind: K, id: string): Promise<ReferenceEntryOf[K] | undefined> {
  return (await readRecord<ReferenceRecord<K>>(ctx, referenceKey(ctx, kind, id)))?.entry;
}

/** The region by its code; an unknown code is NOT_FOUND naming `field`. */
export async function requireRegion(ctx: Context, code: string, field = 'regionCode'): Promise<Region> {
  const region = await readReference(ctx, 'region', code);
  if (!region) throw notFound(`${field}: region ${code} is not in the region table`);
  return region;
}

/** The region and those above it, nearest first; a code not in the table is its own chain. */
export async function regionChainOf(ctx: Context, code: string): Promise<string[]> {
  const chain: string[] = [];
  for (let current: string | undefined = code; current !== undefined && chain.length < MAX_REGION_DEPTH && !chain.includes(current); ) {
    chain.push(current);
    current = (await readReference(ctx, 'region', current))?.parent;
  }
  return chain;
}

/**
 * The unit that handles clues of a region: one covering the region itself, else its city, else its
 * province; of several covering the same region, the first by unit id, so every endorser agrees.
 */
export async function unitCovering(ctx: Context, regionCode: string, above = 0): Promise<{ unitId: string; coveredRegion: string } | undefined> {
  const chain = await regionChainOf(ctx, regionCode);
  for (const code of chain.slice(above)) {
    const [first] = await readRecordsByPartialKey<{ unitId: string }>(ctx, KeyTypes.regionCoverage, code);
    if (first) return { unitId: first.unitId, coveredRegion: code };
  }
  return undefined;
}

export async function requireUnit(ctx: Context, unitId: string): Promise<RegulatorUnit> {
  const unit = await readReference(ctx, 'regulatorUnit', unitId);
  if (!unit) throw notFound(`unitId: regulator unit ${unitId} is not in the reference data`);
  return unit;
}

/** The calendars of `years` the admin has written (a year without one counts weekdays only). */
export async function workingCalendars(ctx: Context, years: readonly number[]): Promise<Map<number, WorkingCalendar>> {
  const calendars = new Map<number, WorkingCalendar>();
  for (const year of years) {
    const calendar = await readReference(ctx, 'workingCalendar', String(year));
    if (calendar) calendars.set(year, calendar);
  }
  return calendars;
}

export async function recallLevelPolicy(ctx: Context, domain: RecallDomain, level: number): Promise<RecallLevelPolicy> {
  const written = await readReference(ctx, 'recallLevel', `${domain}.${level}`);
  return written ?? (DEFAULT_RECALL_LEVELS.find((policy) => policy.domain === domain && policy.level === level) as RecallLevelPolicy);
}

export async function clueDeadline(ctx: Context, severity: ClueSeverity): Promise<ClueDeadline> {
  const written = await readReference(ctx, 'clueDeadline', severity);
  return written ?? (DEFAULT_CLUE_DEADLINES.find((deadline) => deadline.severity === severity) as ClueDeadline);
}
