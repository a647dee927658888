import { lotIdOf, type LotIdentifier } from '../../../model/src';
import type { ConsumerLotView } from '../consumer/lotView';
import type { IdentifierHandler } from './identifierHandler';
import { lotAnswer, withBanners } from './lotAnswer';
import { cacheKeys } from '../projection/cacheKeys';

/**
 * GS1 lots (01 + 10): the lot's consumer view, from memory. The projector invalidates it as it
 * writes, so a committed recall shows as soon as its block is projected.
 */
export const lotHandler: IdentifierHandler<LotIdentifier, ConsumerLotView> = {
  kind: 'lot',
  async facts(id, reads) {
    const lotId = lotIdOf(id.gtin, id.lot);
    const view = await reads.consumerViews.lot(lotId);
    return view ? { known: true, facts: withBanners(view, [], reads.mayBeOutOfDate(cacheKeys.lot(lotId))) } : { known: false };
  },
  answer: (scan, view) => lotAnswer(scan, view),
};
