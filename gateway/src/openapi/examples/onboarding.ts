import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { IMPORTER_ENROLLMENT, REGULATOR_ENROLLMENT, RETAILER_ENROLLMENT } from './story';

/** The platform admin brings the cast on board: two enterprises and a regulator, each with a token. */
export const onboardingExamples: readonly ExampleCall[] = [
  {
    title: 'Onboard the importer (which also processes): register it on the ledger, enroll its identity, get its token',
    method: 'post', path: '/admin/enterprises', caller: 'admin', headers: idempotencyKey('onboard-importer'),
    body: { id: '{importerId}', name: 'Ningbo Polar Foods Import Co.', kinds: ['importer', 'processor', 'drugMaker'], region: '330206', enrollmentId: IMPORTER_ENROLLMENT, custody: 'custodial' },
    status: 201,
    response: {
      enterprise: { id: '{importerId}', kinds: ['importer', 'processor'], status: 'active' },
      identity: { enrollmentId: IMPORTER_ENROLLMENT, custody: 'custodial' },
      expiresIn: '8h',
    },
    keep: { importerToken: 'body.token' },
  },
  {
    title: 'Onboard the retailer',
    method: 'post', path: '/admin/enterprises', caller: 'admin', headers: idempotencyKey('onboard-retailer'),
    body: { id: '{retailerId}', name: 'Keqiao Fresh Market', kinds: ['retailer', 'pharmacy'], region: '330603', enrollmentId: RETAILER_ENROLLMENT },
    status: 201,
    response: { enterprise: { id: '{retailerId}', kinds: ['retailer'], status: 'active' }, identity: { enrollmentId: RETAILER_ENROLLMENT } },
    keep: { retailerToken: 'body.token' },
  },
  {
    title: 'Look up the importer in the public register',
    method: 'get', path: '/enterprises/{id}', params: { id: '{importerId}' }, caller: 'consumer', eventual: true,
    status: 200, response: { id: '{importerId}', name: 'Ningbo Polar Foods Import Co.', status: 'active' },
  },
  {
    title: 'Page through the retailers registered after the importer, one at a time',
    method: 'get', path: '/enterprises', query: { kind: 'retailer', after: '{importerId}', limit: '1' }, caller: 'admin', eventual: true,
    status: 200, response: [{ id: '{retailerId}', kinds: ['retailer'] }],
  },
  {
    title: 'Issue the retailer a short-lived token for a till system',
    method: 'post', path: '/admin/enterprises/{id}/tokens', params: { id: '{retailerId}' }, caller: 'admin', eventual: true,
    body: { expiresIn: '2h' },
    status: 201, response: { expiresIn: '2h' },
  },
  {
    title: 'Enroll a market regulator identity and register it on the ledger',
    method: 'post', path: '/admin/regulators', caller: 'admin',
    body: { enrollmentId: REGULATOR_ENROLLMENT, unit: 'Ningbo Market Supervision Administration', regions: ['330200'] },
    status: 201,
    response: { regulator: { enrollmentId: REGULATOR_ENROLLMENT, unit: 'Ningbo Market Supervision Administration', status: 'active' }, expiresIn: '8h' },
    keep: { regulatorToken: 'body.token' },
  },
  {
    title: 'Issue the regulator another token, for an hour',
    method: 'post', path: '/admin/regulators/{enrollmentId}/tokens', params: { enrollmentId: REGULATOR_ENROLLMENT }, caller: 'admin',
    body: { expiresIn: '1h' },
    status: 201, response: { expiresIn: '1h' },
  },
];
