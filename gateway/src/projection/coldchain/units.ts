import { parseSerial, type UnitRun, type UnitSale } from '../../../../model/src';
import { bulkReplace, insertOrReplace } from '../../store/bulkReplace';
import { mapParallel } from '../../store/mapParallel';
import type { LedgerSource } from '../ledgerModel';
import type { ColdChainModels, UnitRunBucket, UnitSaleDocument } from './models';

/** Serial numbers per bucket document: a unit's run is found with one `_id` lookup at any volume. */
export const UNIT_BUCKET_SIZE = 1000;

const bucketId = (gtin: string, prefix: string, bucket: number): string => `${gtin}|${prefix}|${bucket}`;

/** Reads in flight at once when a block commissions runs. */
const PARALLEL_READS = 16;

/**
 * Projects a block's commissioned runs and unit sales. Runs are merged into their buckets by `from`
 * (one read-modify-write per bucket and block) and sales written by key, so a replayed block ends in
 * the same documents.
 */
export async function projectUnits(models: Pick<ColdChainModels, 'unitRuns' | 'unitSales'>, runs: readonly { run: UnitRun; source: LedgerSource }[], sales: readonly { sale: UnitSale; source: LedgerSource }[]): Promise<void> {
  if (runs.length > 0) {
    const byBucket = new Map<string, { run: UnitRun; source: LedgerSource }[]>();
    for (const entry of runs) {
      const { run } = entry;
      const first = Math.floor(run.from / UNIT_BUCKET_SIZE);
      const last = Math.floor((run.from + run.count - 1) / UNIT_BUCKET_SIZE);
      for (let bucket = first; bucket <= last; bucket++) {
        const id = bucketId(run.gtin, run.serialPrefix, bucket);
        byBucket.set(id, [...(byBucket.get(id) ?? []), entry]);
      }
    }
    const ids = [...byBucket.keys()];
    const stored = await mapParallel(ids, PARALLEL_READS, async (id) => (await models.unitRuns.findById(id).lean()) as UnitRunBucket | null);
    const docs = ids.map((id, i): UnitRunBucket => {
      const merged = new Map((stored[i]?.runs ?? []).map((r) => [r.from, r]));
      const added = byBucket.get(id) ?? [];
      for (const { run } of added) merged.set(run.from, { from: run.from, count: run.count, lotId: run.lotId });
      return { _id: id, runs: [...merged.values()].sort((a, b) => a.from - b.from), source: added[added.length - 1].source };
    });
    await bulkReplace(models.unitRuns, docs);
  }
  if (sales.length > 0) {
    // The ledger never rewrites a sale's key, so the documents are new but for a replayed block.
    const docs = [...new Map(sales.map(({ sale, source }) => [`${sale.gtin}|${sale.serial}`, { _id: `${sale.gtin}|${sale.serial}`, sale, source }])).values()];
    await insertOrReplace(models.unitSales, docs, []);
  }
}

/** A commissioned unit as the projection knows it: its lot, and its sale once recorded. */
export interface ProjectedUnit {
  lotId: string;
  sale?: UnitSale;
}

/**
 * The lot and sale of a serialised unit with two `_id` lookups, or undefined when the serial is not
 * malformed but not commissioned (or not projected yet).
 *
 * @example
 * await findUnit(models, '09521234543213', 'SN000042') // { lotId: '01/09521234543213/10/LOT42', sale: { soldBy, eventTime, … } }
 */
export async function findUnit(models: Pick<ColdChainModels, 'unitRuns' | 'unitSales'>, gtin: string, serial: string): Promise<ProjectedUnit | undefined> {
  const parsed = parseSerial(serial);
  if (!parsed) return undefined;
  const [bucket, sale] = await Promise.all([
    models.unitRuns.findById(bucketId(gtin, parsed.prefix, Math.floor(parsed.number / UNIT_BUCKET_SIZE))).lean() as Promise<UnitRunBucket | null>,
    models.unitSales.findById(`${gtin}|${serial}`).lean() as Promise<UnitSaleDocument | null>,
  ]);
  const run = bucket?.runs.find((r) => parsed.number >= r.from && parsed.number < r.from + r.count);
  if (!run) return undefined;
  return sale ? { lotId: run.lotId, sale: sale.sale } : { lotId: run.lotId };
}
