import { carViewOf, type AssetIdentifier } from '../../../model/src';
import { elevatorCarPage, type CarPageView } from '../consumer/elevatorPage';
import { consumerLinkset } from '../consumer/linkset';
import { cacheKeys } from '../projection/cacheKeys';
import type { IdentifierHandler } from './identifierHandler';

/**
 * GIAI asset codes (8004) on a lift's car: the car page. A GIAI that names no lift (a temperature
 * logger's, say) is not registered here and answers 404. Fitness, overdue and risk are worked out
 * at the scan's moment from the projected lift, so a failed inspection shows as soon as its block
 * is projected.
 */
export const elevatorHandler: IdentifierHandler<AssetIdentifier, CarPageView> = {
  kind: 'asset',
  async facts(id, reads) {
    const found = await reads.elevators?.byGiai(id.giai);
    if (!found) return { known: false };
    const { elevator, firmName, usingUnitName } = found;
    const view: CarPageView = {
      ...carViewOf(elevator, Date.now()),
      firmName,
      usingUnitName,
      outOfDate: reads.mayBeOutOfDate(cacheKeys.elevatorByGiai(id.giai)),
    };
    return { known: true, facts: view };
  },
  answer(scan, view) {
    if (scan.format === 'linkset') {
      return { type: 'application/linkset+json', body: JSON.stringify(consumerLinkset(`${scan.resolverBase}/${scan.subjectId}`, view.registrationNumber ?? view.deviceCode)) };
    }
    if (scan.format === 'json') return { type: 'application/json', body: JSON.stringify({ identifier: scan.subjectId, elevator: view }) };
    return { type: 'text/html', body: elevatorCarPage(view, scan.lang, scan.query, scan.subjectId) };
  },
};
