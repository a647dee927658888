import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { CHILD_LOT, DICED_LOT, FIRST_SERIAL, GTIN, LOT, place, SHORT_RECEIPT_ALERT } from './story';

/**
 * The lot travels to the supermarket, arrives two cartons short, is stocked and sold; then everyone
 * can read where it went and what it became.
 */
export const custodyExamples: readonly ExampleCall[] = [
  {
    title: 'Ship the rest of the lot (150 cartons) to the retailer',
    method: 'post', path: '/coldchain/custody', caller: 'importer', headers: idempotencyKey('ship'),
    body: { eventId: 'ship-{run}', action: 'ship', lotId: LOT, eventTime: '{shippedAt}', location: place('ningboPort'), to: '{retailerId}', quantity: 150 },
    status: 201, response: { result: { lots: [{ id: LOT, status: 'inTransit', shipment: { eventId: 'ship-{run}', to: '{retailerId}', quantity: 150 } }] } },
  },
  {
    title: 'The retailer receives 148 cartons: custody passes, and the shortfall raises an alert',
    method: 'post', path: '/coldchain/custody', caller: 'retailer', headers: idempotencyKey('receive'),
    body: { eventId: 'receive-{run}', action: 'receive', lotId: LOT, eventTime: '{receivedAt}', location: place('keqiaoSupermarket'), decision: 'accept', quantity: 148 },
    status: 201,
    response: {
      result: {
        lots: [{ id: LOT, status: 'inStock', custodianId: '{retailerId}', quantityOnHand: 148, quantityLost: 2 }],
        alerts: [{ lotId: LOT, alertId: SHORT_RECEIPT_ALERT, kind: 'quantityMismatch' }],
      },
    },
  },
  {
    title: 'The retailer acknowledges the alert, saying what happened',
    method: 'post', path: '/coldchain/lots/{lotId}/alerts/{alertId}/acknowledgements', params: { lotId: LOT, alertId: SHORT_RECEIPT_ALERT }, caller: 'retailer',
    headers: idempotencyKey('acknowledge-shortfall'),
    body: { comment: 'Two cartons crushed in transit; claim filed with the carrier' },
    status: 201, response: { result: { alerts: [{ alertId: SHORT_RECEIPT_ALERT, status: 'acknowledged', ackBy: '{retailerId}' }] } },
  },
  {
    title: 'Stock the lot and sell 10 cartons, in one transaction',
    method: 'post', path: '/coldchain/custody/batches', caller: 'retailer', headers: idempotencyKey('store-and-sell'),
    body: {
      events: [
        { eventId: 'store-{run}', action: 'store', lotId: LOT, eventTime: '{storedAt}', location: place('keqiaoSupermarket') },
        { eventId: 'sell-{run}', action: 'sell', lotId: LOT, eventTime: '{soldAt}', location: place('keqiaoSupermarket'), quantity: 10 },
      ],
    },
    status: 201, response: { result: { lots: [{ id: LOT, quantityOnHand: 138, quantitySold: 10 }] } },
  },
  {
    title: 'Record the till\'s sale of labelled carton 1',
    method: 'post', path: '/coldchain/lots/{lotId}/unit-sales', params: { lotId: LOT }, caller: 'retailer', headers: idempotencyKey('unit-sale'),
    body: { sales: [{ serial: FIRST_SERIAL, eventTime: '{soldAt}' }] },
    status: 201, response: { result: { unitSales: [{ lotId: LOT, gtin: GTIN, serial: FIRST_SERIAL, soldBy: '{retailerId}', eventTime: '{soldAt}' }] } },
  },
  {
    title: 'Check the lot\'s ended custody periods for time without temperature readings',
    method: 'post', path: '/coldchain/lots/{lotId}/temperature-coverage/checks', params: { lotId: LOT }, caller: 'importer', headers: idempotencyKey('coverage-check'),
    body: {},
    status: 201, response: { result: { gaps: [] } },
  },
  {
    title: 'Read every state the lot has been in, oldest first, as its owner',
    method: 'get', path: '/coldchain/lots/{lotId}/history', params: { lotId: LOT }, caller: 'importer',
    status: 200, response: [{ lot: { id: LOT, status: 'inStock', quantityOnHand: 200, custodianId: '{importerId}' } }],
  },
  {
    title: 'Trace what the lot became, from the ledger',
    method: 'get', path: '/coldchain/lots/{lotId}/trace', params: { lotId: LOT }, caller: 'consumer',
    status: 200, response: { lotId: LOT, ancestors: [], descendants: [CHILD_LOT, DICED_LOT] },
  },
  {
    title: 'Read the lot\'s journey as its owner: custody log, alerts, lineage, loggers',
    method: 'get', path: '/coldchain/lots/{lotId}/journey', params: { lotId: LOT }, caller: 'importer', eventual: true,
    status: 200,
    response: {
      lot: { id: LOT, custodianId: '{retailerId}', quantityOnHand: 138 },
      custody: [{ action: 'ship', eventId: 'ship-{run}' }, { action: 'receive', eventId: 'receive-{run}' }],
      children: [CHILD_LOT],
    },
  },
  {
    title: 'Trace forward: every lot made from this one, with everyone who held any of them',
    method: 'get', path: '/coldchain/lots/{lotId}/trace/forward', params: { lotId: LOT }, query: { hops: '5' }, caller: 'consumer', eventual: true,
    status: 200,
    response: {
      lots: [{ lotId: LOT, depth: 0 }, { lotId: CHILD_LOT, depth: 1 }, { lotId: DICED_LOT, depth: 2 }],
      holders: ['{importerId}', '{retailerId}'],
    },
  },
  {
    title: 'Trace the diced lamb back to the lot it came from',
    method: 'get', path: '/coldchain/lots/{lotId}/trace/back', params: { lotId: DICED_LOT }, query: { hops: '5' }, caller: 'consumer', eventual: true,
    status: 200, response: { lots: [{ lotId: DICED_LOT, depth: 0 }, { lotId: CHILD_LOT, depth: 1 }, { lotId: LOT, depth: 2 }] },
  },
];
