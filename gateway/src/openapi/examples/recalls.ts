import { ACCEPT_JSON, idempotencyKey, type ExampleCall } from '../exampleCall';
import { MERGED_LOT } from './story';

const RECALL = { recallId: '{recallId}' } as const;

/**
 * The recall chapter: a retained sample of the merged lot fails, so the importer (its owner) recalls
 * it. The ledger computes who holds what of it (here the importer alone: the lot never left the port),
 * holds the lot, and dates the deadlines; the retailer, who never held it, cannot answer; the importer
 * reports what it withdrew and destroyed, which completes the recall; anyone reads what was recalled.
 */
export const recallExamples: readonly ExampleCall[] = [
  {
    title: 'The importer recalls the merged lot (level 2): the ledger lists every holder and holds the lot',
    method: 'post', path: '/recalls', caller: 'importer', headers: idempotencyKey('recall'),
    body: { reason: 'Listeria in a retained sample', domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [MERGED_LOT] } },
    status: 201,
    response: {
      result: {
        recalls: [{ domain: 'food', level: 2, state: 'open', responsibleId: '{importerId}', scopeItems: [MERGED_LOT], holderIds: ['{importerId}'] }],
        recallHolders: [{ enterpriseId: '{importerId}', items: [{ kind: 'lot', itemId: MERGED_LOT, quantity: 200 }] }],
        lots: [{ id: MERGED_LOT, hold: { state: 'recalled' } }],
      },
    },
    keep: { recallId: 'body.result.recalls.0.recallId' },
  },
  {
    title: 'The importer acknowledges the recall notice',
    method: 'post', path: '/recalls/{recallId}/acknowledgement', params: RECALL, caller: 'importer', headers: idempotencyKey('recall-ack'),
    body: {}, status: 201, response: { result: { recallHolders: [{ enterpriseId: '{importerId}' }] } },
  },
  {
    title: 'The retailer never held the lot: it is not in the impact list and cannot acknowledge',
    method: 'post', path: '/recalls/{recallId}/acknowledgement', params: RECALL, caller: 'retailer', headers: idempotencyKey('recall-ack-retailer'),
    body: {}, status: 403, response: { title: 'Forbidden' },
  },
  {
    title: 'A report of more than the holder held is refused',
    method: 'post', path: '/recalls/{recallId}/report', params: RECALL, caller: 'importer', headers: idempotencyKey('recall-overreport'),
    body: { items: [{ itemId: MERGED_LOT, withdrawn: 20, returned: 0, destroyed: 181 }] },
    status: 409, response: { title: 'Conflict' },
  },
  {
    title: 'The importer reports what it withdrew and destroyed: every holder has reported, so the recall is completed',
    method: 'post', path: '/recalls/{recallId}/report', params: RECALL, caller: 'importer', headers: idempotencyKey('recall-report'),
    body: { items: [{ itemId: MERGED_LOT, withdrawn: 20, returned: 0, destroyed: 180 }], note: '180 cartons destroyed under the bureau\'s supervision, 20 kept sealed for retesting' },
    status: 201, response: { result: { recallHolders: [{ enterpriseId: '{importerId}', report: { items: [{ itemId: MERGED_LOT, destroyed: 180 }] } }] } },
  },
  {
    title: 'Anyone reads why and what was recalled, and that it is completed',
    method: 'get', path: '/recalls/{recallId}', params: RECALL, caller: 'consumer', headers: ACCEPT_JSON, eventual: true,
    status: 200, response: { audience: 'public', recall: { recallId: '{recallId}', reason: 'Listeria in a retained sample', level: 2, state: 'completed', scopeItems: [MERGED_LOT] } },
  },
  {
    title: 'The regulator pages through completed recalls',
    method: 'get', path: '/regulator/recalls', query: { state: 'completed' }, caller: 'regulator', eventual: true,
    status: 200, response: { items: [{ recallId: '{recallId}', holders: 1, reported: 1 }] },
  },
  {
    title: 'A completed recall needs no closing',
    method: 'post', path: '/recalls/{recallId}/closing', params: RECALL, caller: 'regulator', headers: idempotencyKey('recall-close'),
    body: { reason: 'Every holder has reported' }, status: 409, response: { title: 'Conflict' },
  },
];
