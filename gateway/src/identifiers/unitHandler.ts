import type { SerialIdentifier } from '../../../model/src';
import type { ConsumerLotView } from '../consumer/lotView';
import type { ConsumerUnit } from '../consumer/unitView';
import { withPrintedLabel, type DrugCodeVerification } from '../drugCodes';
import { drugCodeHandler } from './drugCodeHandler';
import type { IdentifierHandler } from './identifierHandler';
import { lotAnswer, withBanners } from './lotAnswer';
import { cacheKeys } from '../projection/cacheKeys';

type UnitScanFacts = { view: ConsumerLotView; unit: ConsumerUnit } | { drug: DrugCodeVerification };

/**
 * GS1 serialised units (01 + 21): the unit's lot page with the unit's serial, and its sale first
 * when it was sold. A commissioned unit is known even while its lot's view cannot be read. A serial
 * under the GTIN of a drug's packaging level is the GS1 form of a drug trace code: it answers as
 * the 20 digits do, with the label's batch and expiry (path or query) checked against the record.
 */
export const unitHandler: IdentifierHandler<SerialIdentifier, UnitScanFacts> = {
  kind: 'serial',
  async facts(id, reads) {
    const unit = await reads.consumerViews.unit(id.gtin, id.serial);
    if (!unit) {
      const drugCode = await reads.drugCodes.codeOfGs1(id.gtin, id.serial);
      if (drugCode === undefined) return { known: false };
      const drug = await drugCodeHandler.facts({ kind: 'drugTraceCode', code: drugCode }, reads);
      // The label's batch and expiry (AI 10, 17), when the scan carries them, must be the record's.
      return drug.facts ? { known: drug.known, facts: { drug: withPrintedLabel(drug.facts, id) } } : { known: drug.known };
    }
    const sale = unit.unit.sale;
    const lotView = await reads.consumerViews.lot(unit.lotId);
    const found = { known: true, ...(sale ? { soldAt: sale.eventTime } : {}) };
    if (!lotView) return found;
    const outOfDate = reads.mayBeOutOfDate(cacheKeys.lot(unit.lotId)) || reads.mayBeOutOfDate(cacheKeys.unit(id.gtin, id.serial));
    return { ...found, facts: { view: withBanners(lotView, sale ? ['sold'] : [], outOfDate), unit: unit.unit } };
  },
  answer: (scan, facts) => ('drug' in facts ? drugCodeHandler.answer({ ...scan, id: { kind: 'drugTraceCode', code: facts.drug.code } }, facts.drug) : lotAnswer(scan, facts.view, facts.unit)),
};
