import { idempotencyKey, type ExampleCall } from '../exampleCall';

/** The importer's own brand: the admin records the GS1 company prefix it licensed, which it may lend out. */
export const brandExamples: readonly ExampleCall[] = [
  {
    title: 'Assign the importer the GS1 company prefix of its own brand',
    method: 'post', path: '/admin/prefixes', caller: 'admin', headers: idempotencyKey('assign-prefix'),
    body: { kind: 'gtin', prefix: '{prefix}', enterpriseId: '{importerId}' },
    status: 201, response: { result: { kind: 'gtin', prefix: '{prefix}', enterpriseId: '{importerId}' } },
  },
  {
    title: 'Check whose brand a company prefix is',
    method: 'get', path: '/brands/prefixes/{kind}/{prefix}', params: { kind: 'gtin', prefix: '{prefix}' }, caller: 'consumer',
    status: 200, response: { kind: 'gtin', prefix: '{prefix}', enterpriseId: '{importerId}' },
  },
  {
    title: 'Let the retailer pack own-label goods under the importer\'s prefix',
    method: 'post', path: '/brands/delegations', caller: 'importer', headers: idempotencyKey('delegate-prefix'),
    body: { kind: 'gtin', prefix: '{prefix}', delegateId: '{retailerId}', purpose: 'Own-label diced lamb packed in store' },
    status: 201, response: { result: { prefix: '{prefix}', delegateId: '{retailerId}' } },
  },
  {
    title: 'Withdraw that delegation again',
    method: 'post', path: '/brands/delegations/withdrawals', caller: 'importer', headers: idempotencyKey('withdraw-delegation'),
    body: { kind: 'gtin', prefix: '{prefix}', delegateId: '{retailerId}' },
    status: 201, response: { result: { prefix: '{prefix}', delegateId: '{retailerId}' } },
  },
];
