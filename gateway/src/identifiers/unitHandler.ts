import type { SerialIdentifier } from '../../../model/src';
import type { ConsumerLotView } from '../consumer/lotView';
import type { ConsumerUnit } from '../consumer/unitView';
import type { IdentifierHandler } from './identifierHandler';
import { lotAnswer, withBanners } from './lotAnswer';
import { cacheKeys } from '../projection/cacheKeys';

interface UnitScanFacts {
  view: ConsumerLotView;
  unit: ConsumerUnit;
}

/**
 * GS1 serialised units (01 + 21): the unit's lot page with the unit's serial, and its sale first
 * when it was sold. A commissioned unit is known even while its lot's view cannot be read.
 */
export const unitHandler: IdentifierHandler<SerialIdentifier, UnitScanFacts> = {
  kind: 'serial',
  async facts(id, reads) {
    const unit = await reads.consumerViews.unit(id.gtin, id.serial);
    if (!unit) return { known: false };
    const sale = unit.unit.sale;
    const lotView = await reads.consumerViews.lot(unit.lotId);
    const found = { known: true, ...(sale ? { soldAt: sale.eventTime } : {}) };
    if (!lotView) return found;
    const outOfDate = reads.mayBeOutOfDate(cacheKeys.lot(unit.lotId)) || reads.mayBeOutOfDate(cacheKeys.unit(id.gtin, id.serial));
    return { ...found, facts: { view: withBanners(lotView, sale ? ['sold'] : [], outOfDate), unit: unit.unit } };
  },
  answer: (scan, { view, unit }) => lotAnswer(scan, view, unit),
};
