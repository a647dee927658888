import type { Context } from 'fabric-contract-api';
import { conflict, MAX_COMPLAINTS_PER_SUBJECT_PER_DAY, notFound, parseSerial, type UnitRun } from '../../../model/src';
import { giaiIndexKey } from '../elevator/elevatorKeys';
import { lotKey, unitRunPrefixAttribute } from '../supplychain';
import { KeyTypes, ledgerKey } from '../common/keys';
import { txTimeIso } from '../common/ledgerTime';
import { readRecord, readRecordsByPartialKey, recordExists, writeRecord } from '../common/state';

/** Whether a scanned path names something the ledger knows: a lot, a commissioned unit, a lift's car code, or a subject of trace events. */
async function subjectExists(ctx: Context, subjectId: string): Promise<boolean> {
  const serialised = /^01\/(\d{14})\/21\/(.+)$/.exec(subjectId);
  if (serialised) {
    const [, gtin, serial] = serialised;
    const parsed = parseSerial(serial);
    if (!parsed) return false;
    const runs = await readRecordsByPartialKey<UnitRun>(ctx, KeyTypes.unitRun, gtin, unitRunPrefixAttribute(parsed.prefix));
    return runs.some((run) => parsed.number >= run.from && parsed.number < run.from + run.count);
  }
  if (subjectId.startsWith('01/') && (await recordExists(ctx, lotKey(ctx, subjectId)))) return true;
  // A lift's car code: passengers report it stuck, faulty, dirty or unsafe.
  if (subjectId.startsWith('8004/') && (await recordExists(ctx, giaiIndexKey(ctx, subjectId.slice('8004/'.length))))) return true;
  return recordExists(ctx, ledgerKey(ctx, KeyTypes.traceSubject, subjectId));
}

/**
 * Anonymous complaints cost the filer nothing, so each needs a subject the ledger knows (no clue
 * lists under invented ids) and counts against the subject's daily allowance, whatever address it
 * came from: one counter key per subject and UTC day, never a growing list.
 */
export async function admitComplaint(ctx: Context, subjectId: string): Promise<void> {
  if (!(await subjectExists(ctx, subjectId))) {
    throw notFound(`nothing is registered under ${subjectId}: a complaint must name a scanned lot, unit, lift or traced item`);
  }
  const day = txTimeIso(ctx).slice(0, 10);
  const key = ledgerKey(ctx, KeyTypes.complaintDay, subjectId, day);
  const count = (await readRecord<{ count: number }>(ctx, key))?.count ?? 0;
  if (count >= MAX_COMPLAINTS_PER_SUBJECT_PER_DAY) {
    throw conflict(`${subjectId} has received ${MAX_COMPLAINTS_PER_SUBJECT_PER_DAY} complaints today, the most one item takes in a day; regulators are already looking at them`);
  }
  await writeRecord(ctx, key, { count: count + 1 });
}
