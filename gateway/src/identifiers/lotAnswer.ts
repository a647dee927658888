import type { TraceIdentifier } from '../../../model/src';
import { consumerLinkset } from '../consumer/linkset';
import { lotJson } from '../consumer/lotJson';
import type { BannerKind, ConsumerLotView } from '../consumer/lotView';
import { lotPage } from '../consumer/page';
import type { ConsumerUnit } from '../consumer/unitView';
import type { ScanAnswer, ScanReading } from './identifierHandler';

/**
 * The view with a unit's banners before the lot's own and a possibly stale answer's last; the view
 * itself when there are none, so what was rendered from it stays cached with it.
 */
export function withBanners(view: ConsumerLotView, first: readonly BannerKind[], outOfDate: boolean): ConsumerLotView {
  if (first.length === 0 && !outOfDate) return view;
  return { ...view, banners: [...first, ...view.banners, ...(outOfDate ? ['outOfDate' as const] : [])] };
}

/** A lot's answer, and a unit's (its lot's, with the unit): linkset, JSON or the consumer page. */
export function lotAnswer(scan: ScanReading<TraceIdentifier>, view: ConsumerLotView, unit?: ConsumerUnit): ScanAnswer {
  if (scan.format === 'linkset') {
    return { type: 'application/linkset+json', body: JSON.stringify(consumerLinkset(`${scan.resolverBase}/${scan.subjectId}`, view.lot.product)) };
  }
  if (scan.format === 'json') return { type: 'application/json', body: lotJson(scan.id, scan.verdict, view, unit) };
  const page = { lang: scan.lang, query: scan.query };
  return { type: 'text/html', body: lotPage(view, scan.verdict, page, unit && { ...unit, subjectId: scan.subjectId }) };
}
