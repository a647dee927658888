import type { CodeVerdict } from '../qr';
import { dayOf, publicAlert, publicCustodyRecord, publicLot, type TraceIdentifier } from '../../../model/src';
import type { ConsumerLotView } from './lotView';
import type { ConsumerUnit } from './unitView';

/** The serialised lot fields of a view, kept per view (by its names object, as the page parts are). */
const serialisedLots = new WeakMap<ConsumerLotView['enterprises'], string>();

/**
 * The resolver's JSON answer: identifier, authenticity, banners, the unit if any, then lot, journey,
 * inputs (a derived lot's parents), alerts, whether temperatures were recorded at all, and the block
 * the projection was at. The lot's part, most of the bytes, is serialised once
 * per view. The resolver answers anyone, so everything in it is the public view (LotAudiences):
 * enterprises, days and cities, never quantities, times of day, addresses or documents.
 */
export function lotJson(id: TraceIdentifier, verdict: CodeVerdict, view: ConsumerLotView, unit?: ConsumerUnit): string {
  let lotPart = serialisedLots.get(view.enterprises);
  if (lotPart === undefined) {
    const { lot, journey, inputs, moreInputs, alerts, temperatureRecorded, projectedAtBlock } = view;
    lotPart = JSON.stringify({
      lot: publicLot(lot),
      journey: journey.map(publicCustodyRecord),
      inputs: inputs.map((input) => ({ ...input, custody: input.custody.map(publicCustodyRecord) })),
      moreInputs,
      alerts: alerts.map(publicAlert),
      temperatureRecorded,
      projectedAtBlock,
    }).slice(1, -1);
    serialisedLots.set(view.enterprises, lotPart);
  }
  const head = JSON.stringify({ identifier: id, authenticity: verdict, banners: view.banners, ...(unit ? { unit: publicUnit(unit) } : {}) });
  return `${head.slice(0, -1)},${lotPart}}`;
}

/** A unit as the public sees it: its serial, and who sold it on which day. */
function publicUnit({ serial, sale }: ConsumerUnit): { serial: string; sale?: { soldBy: string; soldByName: string; day: string } } {
  return sale ? { serial, sale: { soldBy: sale.soldBy, soldByName: sale.soldByName, day: dayOf(sale.eventTime) } } : { serial };
}
