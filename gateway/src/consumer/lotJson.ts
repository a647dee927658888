import type { CodeVerdict } from '../qr';
import type { TraceIdentifier } from '../../../model/src';
import type { ConsumerLotView } from './lotView';
import type { ConsumerUnit } from './unitView';

/** The serialised lot fields of a view, kept per view (by its names object, as the page parts are). */
const serialisedLots = new WeakMap<ConsumerLotView['enterprises'], string>();

/**
 * The resolver's JSON answer: identifier, authenticity, banners, the unit if any, then lot, journey,
 * inputs (a derived lot's parents), alerts, whether temperatures were recorded at all, and the block
 * the projection was at. The lot's part, most of the bytes, is serialised once
 * per view.
 */
export function lotJson(id: TraceIdentifier, verdict: CodeVerdict, view: ConsumerLotView, unit?: ConsumerUnit): string {
  let lotPart = serialisedLots.get(view.enterprises);
  if (lotPart === undefined) {
    const { lot, journey, inputs, moreInputs, alerts, temperatureRecorded, projectedAtBlock } = view;
    lotPart = JSON.stringify({ lot, journey, inputs, moreInputs, alerts, temperatureRecorded, projectedAtBlock }).slice(1, -1);
    serialisedLots.set(view.enterprises, lotPart);
  }
  const head = JSON.stringify({ identifier: id, authenticity: verdict, banners: view.banners, ...(unit ? { unit } : {}) });
  return `${head.slice(0, -1)},${lotPart}}`;
}
