import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { LOGGER, LOT } from './story';

/**
 * The reefer container's logger rides with the lot at the port: the importer registers it, attaches
 * it, uploads what it measured (anchored on the ledger per hour), and lends it to the retailer for a
 * while.
 */
export const loggerExamples: readonly ExampleCall[] = [
  {
    title: 'Register the reefer container\'s temperature logger',
    method: 'post', path: '/coldchain/loggers', caller: 'importer', headers: idempotencyKey('logger'),
    body: { loggerId: LOGGER, description: 'Reefer container logger, container MSKU 718203-4' },
    status: 201, response: { result: { loggers: [{ loggerId: LOGGER, ownerId: '{importerId}' }] } },
  },
  {
    title: 'Attach the logger to the lot',
    method: 'post', path: '/coldchain/loggers/attachments', caller: 'importer', headers: idempotencyKey('attach-logger'),
    body: { loggerId: LOGGER, lotId: LOT, eventTime: '{attachedAt}' },
    status: 201, response: { result: { attachments: [{ loggerId: LOGGER, lotId: LOT, periods: [{ from: '{attachedAt}' }] }] } },
  },
  {
    title: 'Upload the logger\'s readings: stored off chain, their hour anchored on the ledger',
    method: 'post', path: '/coldchain/loggers/{loggerId}/readings', params: { loggerId: LOGGER }, caller: 'importer', headers: idempotencyKey('readings'),
    body: {
      readings: [
        { readingId: 'r-0001', time: '{firstReadingAt}', tenthsC: -200 },
        { readingId: 'r-0002', time: '{secondReadingAt}', tenthsC: -195 },
        { readingId: 'r-0003', time: '{thirdReadingAt}', tenthsC: -201 },
      ],
    },
    status: 201,
    response: { loggerId: LOGGER, received: 3, stored: 3, alreadyStored: 0, deviceSigned: 0, anchors: [{ count: 3, minTenthsC: -201, maxTenthsC: -195, anchored: 'now' }] },
  },
  {
    title: 'Prove one reading against the root anchored on the ledger',
    method: 'get', path: '/coldchain/readings/{loggerId}/{readingId}/proof', params: { loggerId: LOGGER, readingId: 'r-0002' }, caller: 'consumer',
    status: 200, response: { reading: { loggerId: LOGGER, readingId: 'r-0002', tenthsC: -195 }, proof: { leafIndex: 1, treeSize: 3 }, assurance: 'typed' },
  },
  {
    title: 'Detach the logger before the lot leaves the port',
    method: 'post', path: '/coldchain/loggers/detachments', caller: 'importer', headers: idempotencyKey('detach-logger'),
    body: { loggerId: LOGGER, lotId: LOT, eventTime: '{detachedAt}' },
    status: 201, response: { result: { attachments: [{ loggerId: LOGGER, lotId: LOT, periods: [{ from: '{attachedAt}', to: '{detachedAt}' }] }] } },
  },
  {
    title: 'Lend the logger to the retailer for lots it holds, for a month',
    method: 'post', path: '/coldchain/loggers/grants', caller: 'importer', headers: idempotencyKey('grant-logger'),
    body: { loggerId: LOGGER, custodianId: '{retailerId}', until: '{grantUntil}' },
    status: 201, response: { result: { loggerGrants: [{ loggerId: LOGGER, custodianId: '{retailerId}', until: '{grantUntil}', ownerId: '{importerId}' }] } },
  },
  {
    title: 'End the loan',
    method: 'post', path: '/coldchain/loggers/grants/revocations', caller: 'importer', headers: idempotencyKey('revoke-logger-grant'),
    body: { loggerId: LOGGER, custodianId: '{retailerId}' },
    status: 201, response: { result: { loggerGrants: [{ loggerId: LOGGER, custodianId: '{retailerId}' }] } },
  },
];
