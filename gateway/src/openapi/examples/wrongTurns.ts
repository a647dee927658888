import type { ExampleCall } from '../exampleCall';
import { GTIN } from './story';

const ENCODED_LOT = `01%2F${GTIN}%2F10%2FLAMB-{run}`;

/** Mistakes every newcomer makes once, and what the gateway says to them. */
export const wrongTurnExamples: readonly ExampleCall[] = [
  {
    title: 'A lot id sent with its slashes unencoded: the answer says what to send',
    method: 'get', path: `/coldchain/lots/01/${GTIN}/10/LAMB-{run}/journey`, caller: 'consumer', unrouted: true,
    status: 404,
    response: {
      title: 'Not Found',
      detail: `no route GET /coldchain/lots/01/${GTIN}/10/LAMB-{run}/journey: the lot id is one path segment, so encode the lot id: ${ENCODED_LOT} (send GET /coldchain/lots/${ENCODED_LOT}/journey)`,
    },
  },
  {
    title: 'The same for a pallet\'s subject id',
    method: 'get', path: '/trace/subjects/00/{sscc}/events', caller: 'consumer', unrouted: true,
    status: 404,
    response: {
      title: 'Not Found',
      detail: 'no route GET /trace/subjects/00/{sscc}/events: the subject id is one path segment, so encode the subject id: 00%2F{sscc} (send GET /trace/subjects/00%2F{sscc}/events)',
    },
  },
  {
    title: 'A method the path does not have: 405, and Allow names the ones it has',
    method: 'put', path: '/coldchain/lots', caller: 'importer', unrouted: true,
    status: 405, response: { title: 'Method Not Allowed', detail: 'PUT is not a method of /coldchain/lots: it answers POST' }, responseHeaders: { Allow: 'POST' },
  },
];
