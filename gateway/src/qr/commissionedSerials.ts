import { serialOf } from '../../../model/src';
import { UNIT_BUCKET_SIZE } from '../projection/coldchain';
import type { LedgerModels } from '../projection/models';

/**
 * The first serial of `from .. from + count - 1` that is not commissioned on a lot `ownerId` owns, or
 * undefined when every one is: labels are printed only for units their brand owner put on the ledger,
 * so nobody mints signed codes for another brand's serials. Reads the run buckets and each run's lot
 * by `_id` (at most 11 buckets for the largest request).
 */
export async function firstSerialNotOwned(models: LedgerModels, gtin: string, serialPrefix: string, from: number, count: number, ownerId: string): Promise<string | undefined> {
  const runs: { from: number; count: number; lotId: string }[] = [];
  for (let bucket = Math.floor(from / UNIT_BUCKET_SIZE); bucket <= Math.floor((from + count - 1) / UNIT_BUCKET_SIZE); bucket++) {
    runs.push(...((await models.unitRuns.findById(`${gtin}|${serialPrefix}|${bucket}`).lean())?.runs ?? []));
  }
  const owners = new Map<string, string | undefined>();
  for (const run of runs) {
    if (!owners.has(run.lotId)) owners.set(run.lotId, (await models.journeys.read(run.lotId))?.lot?.ownerId);
  }
  const own = runs.filter((run) => owners.get(run.lotId) === ownerId).sort((a, b) => a.from - b.from);
  let next = from;
  for (const run of own) {
    if (run.from > next) break;
    next = Math.max(next, run.from + run.count);
    if (next >= from + count) return undefined;
  }
  return serialOf(serialPrefix, next);
}
