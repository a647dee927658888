import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { PALLET } from './story';

const palletShipping = {
  eventId: 'pallet-{run}-shipping',
  subjectId: PALLET,
  bizStep: 'shipping',
  eventTime: '{palletShippedAt}',
  details: { carrier: 'Zhejiang Cold Express', containerTemperatureC: -20 },
};

/** The pallet the cartons travel on is no lot: the importer follows it with generic trace events. */
export const traceExamples: readonly ExampleCall[] = [
  {
    title: 'Record that the pallet left with the carrier',
    method: 'post', path: '/trace/events', caller: 'importer', headers: idempotencyKey('pallet-shipping'),
    body: palletShipping,
    status: 201, response: { result: { eventId: 'pallet-{run}-shipping', subjectId: PALLET, bizStep: 'shipping', enterpriseId: '{importerId}' } },
  },
  {
    title: 'Reusing an Idempotency-Key for a different request is refused',
    method: 'post', path: '/trace/events', caller: 'importer', headers: idempotencyKey('pallet-shipping'),
    body: { ...palletShipping, bizStep: 'receiving' },
    status: 422, response: { title: 'Unprocessable Content', detail: 'this Idempotency-Key was already used for a different request' },
  },
  {
    title: 'Read the event from the ledger as the enterprise that recorded it (the public sees its day, not its time or details)',
    method: 'get', path: '/trace/events/{eventId}', params: { eventId: 'pallet-{run}-shipping' }, caller: 'importer',
    status: 200, response: { eventId: 'pallet-{run}-shipping', subjectId: PALLET, bizStep: 'shipping', eventTime: '{palletShippedAt}' },
  },
  {
    title: 'Read the pallet\'s timeline, oldest first',
    method: 'get', path: '/trace/subjects/{subjectId}/events', params: { subjectId: PALLET }, caller: 'consumer', eventual: true,
    status: 200, response: [{ eventId: 'pallet-{run}-shipping', bizStep: 'shipping' }], responseHeaders: { 'X-Page': '0', 'X-Pages': '1' },
  },
];
