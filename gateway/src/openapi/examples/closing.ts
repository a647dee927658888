import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { REGULATOR_ENROLLMENT, RETAILER_ENROLLMENT, UNIT } from './story';

const INSPECTOR_LEFT = 'The inspector moved to another unit';

/** When keys are lost and people leave: re-keying, revoking tokens, revoking identities on the ledger. */
export const closingExamples: readonly ExampleCall[] = [
  {
    title: 'The retailer lost the laptop with its key: re-key its identity (its old tokens stop)',
    method: 'post', path: '/admin/enterprises/{id}/identities/rekey', params: { id: '{retailerId}' }, caller: 'admin', headers: idempotencyKey('rekey-retailer'),
    body: { enrollmentId: RETAILER_ENROLLMENT, successorEnrollmentId: `${RETAILER_ENROLLMENT}-2`, custody: 'custodial', reason: 'The laptop holding the key was lost' },
    status: 201,
    response: {
      rekeyed: { retired: { enrollmentId: RETAILER_ENROLLMENT, keyState: 'retired' }, successor: { enrollmentId: `${RETAILER_ENROLLMENT}-2` } },
      identity: { enrollmentId: `${RETAILER_ENROLLMENT}-2` },
      expiresIn: '8h',
    },
    keep: { retailerToken: 'body.token' },
  },
  {
    title: 'Take back every token issued so far to the regulator identity',
    method: 'post', path: '/admin/tokens/revoke', caller: 'admin',
    body: { enrollmentId: REGULATOR_ENROLLMENT, reason: INSPECTOR_LEFT },
    status: 201, response: { revoked: `enrollment:${REGULATOR_ENROLLMENT}` },
  },
  {
    title: 'A revoked token gets 401',
    method: 'get', path: '/clues', query: { subjectId: UNIT }, caller: 'regulator', eventual: true,
    status: 401, response: { title: 'Unauthorized' },
  },
  {
    title: 'Revoke the regulator identity on the ledger: it can no longer act as a regulator',
    method: 'post', path: '/admin/regulators/{enrollmentId}/revoke', params: { enrollmentId: REGULATOR_ENROLLMENT }, caller: 'admin', headers: idempotencyKey('revoke-regulator'),
    body: { reason: INSPECTOR_LEFT },
    status: 201, response: { result: { enrollmentId: REGULATOR_ENROLLMENT, status: 'revoked', revocationReason: INSPECTOR_LEFT } },
  },
  {
    title: 'No token is issued for a revoked regulator',
    method: 'post', path: '/admin/regulators/{enrollmentId}/tokens', params: { enrollmentId: REGULATOR_ENROLLMENT }, caller: 'admin',
    body: { expiresIn: '1h' },
    status: 409, response: { title: 'Conflict' },
  },
  {
    title: 'Revoke the retailer: none of its identities can write afterwards',
    method: 'post', path: '/admin/enterprises/{id}/revoke', params: { id: '{retailerId}' }, caller: 'admin', headers: idempotencyKey('revoke-retailer'),
    body: { reason: 'Food business licence withdrawn' },
    status: 201, response: { result: { id: '{retailerId}', status: 'revoked', revocationReason: 'Food business licence withdrawn' } },
  },
  {
    title: 'No token is issued for a revoked enterprise',
    method: 'post', path: '/admin/enterprises/{id}/tokens', params: { id: '{retailerId}' }, caller: 'admin',
    body: { expiresIn: '1h' },
    status: 409, response: { title: 'Conflict' },
  },
];
