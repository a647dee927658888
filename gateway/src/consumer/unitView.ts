import { findUnit } from '../projection/coldChainUnits';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';

/** What a consumer sees about one serialised unit besides its lot: its serial, and its sale if any. */
export interface ConsumerUnit {
  serial: string;
  sale?: { soldBy: string; soldByName: string; eventTime: string };
}

/** Thrown by the cache loader so that an unknown serial is not kept (nor grows the cache's bookkeeping). */
class UnitNotCommissioned extends Error {}

/**
 * The lot of a serialised unit and the unit as a consumer sees it, or undefined when the serial is
 * not commissioned. Found units are cached under `unit:<gtin>|<serial>` (the projector drops the key
 * when the unit's sale is projected); an unknown serial is not kept, so a run commissioned a moment
 * later resolves at once.
 */
export async function consumerUnitView(
  models: LedgerModels,
  gtin: string,
  serial: string,
  cache: ProjectionReadCache,
): Promise<{ lotId: string; unit: ConsumerUnit } | undefined> {
  const load = async (): Promise<{ lotId: string; unit: ConsumerUnit }> => {
    const unit = await findUnit(models, gtin, serial);
    if (!unit) throw new UnitNotCommissioned();
    if (!unit.sale) return { lotId: unit.lotId, unit: { serial } };
    const { soldBy, eventTime } = unit.sale;
    const seller = await cache.get(`enterprise:${soldBy}`, async () => {
      const doc = await models.enterprises.findById(soldBy).lean();
      return doc ? String(doc.record.name) : undefined;
    });
    return { lotId: unit.lotId, unit: { serial, sale: { soldBy, soldByName: seller ?? soldBy, eventTime } } };
  };
  try {
    return await cache.get(`unit:${gtin}|${serial}`, load);
  } catch (error) {
    if (error instanceof UnitNotCommissioned) return undefined;
    throw error;
  }
}
