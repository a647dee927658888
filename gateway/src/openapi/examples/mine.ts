import type { ExampleCall } from '../exampleCall';
import { LOGGER, LOT, SERIAL_PREFIX, SHORT_RECEIPT_ALERT } from './story';

/** Each enterprise's own view: its lots, the alerts that concern it, its loggers and label runs. */
export const mineExamples: readonly ExampleCall[] = [
  {
    title: 'The importer lists its lots in stock (it still owns the lot the retailer now holds)',
    method: 'get', path: '/me/lots', query: { state: 'inStock' }, caller: 'importer', eventual: true,
    status: 200, response: [{ lotId: LOT, state: 'inStock', relations: ['owner'], ownerId: '{importerId}', custodianId: '{retailerId}' }],
  },
  {
    title: 'The retailer lists the alerts it has acknowledged',
    method: 'get', path: '/me/alerts', query: { status: 'acknowledged' }, caller: 'retailer', eventual: true,
    status: 200, response: [{ lotId: LOT, alertId: SHORT_RECEIPT_ALERT, status: 'acknowledged', ackBy: '{retailerId}' }],
  },
  {
    title: 'The importer lists its loggers',
    method: 'get', path: '/me/loggers', caller: 'importer', eventual: true,
    status: 200, response: [{ loggerId: LOGGER, ownerId: '{importerId}' }],
  },
  {
    title: 'The importer lists the runs of units it commissioned',
    method: 'get', path: '/me/unit-runs', caller: 'importer', eventual: true,
    status: 200, response: [{ lotId: LOT, serialPrefix: SERIAL_PREFIX, from: 1, count: 20 }],
  },
];
