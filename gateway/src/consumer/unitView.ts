import { findUnit } from '../projection/coldchain';
import type { LedgerModels } from '../projection/models';

/** What a consumer sees about one serialised unit besides its lot: its serial, and its sale if any. */
export interface ConsumerUnit {
  serial: string;
  sale?: { soldBy: string; soldByName: string; eventTime: string };
}

/** A commissioned unit: its lot and what a consumer sees of it. */
export interface UnitFacts {
  lotId: string;
  unit: ConsumerUnit;
}

/** The lot of a serialised unit and the unit as a consumer sees it, or undefined when the serial is not commissioned. */
export async function loadUnitFacts(models: LedgerModels, gtin: string, serial: string, nameOf: (enterpriseId: string) => Promise<string | undefined>): Promise<UnitFacts | undefined> {
  const unit = await findUnit(models, gtin, serial);
  if (!unit) return undefined;
  if (!unit.sale) return { lotId: unit.lotId, unit: { serial } };
  const { soldBy, eventTime } = unit.sale;
  return { lotId: unit.lotId, unit: { serial, sale: { soldBy, soldByName: (await nameOf(soldBy)) ?? soldBy, eventTime } } };
}
