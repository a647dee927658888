import type { ExampleCall } from '../exampleCall';

const NOT_STARTED = 'start with POST /offline/proposals, which names your certificate';

/**
 * Offline signing is for enterprises that keep their own key; its round is what gateway/src/client
 * does. The custodial importer of the story shows the refusals a client meets when it skips a step.
 */
export const offlineExamples: readonly ExampleCall[] = [
  {
    title: 'Only the relay list\'s functions can be proposed through the relay',
    method: 'post', path: '/offline/proposals', caller: 'importer',
    body: { fn: 'registry:registerEnterprise', args: ['{}'], certificate: '-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----\n' },
    status: 403, response: { title: 'Forbidden' },
  },
  {
    title: 'An endorsement needs a proposal built by POST /offline/proposals',
    method: 'post', path: '/offline/endorsements', caller: 'importer',
    body: { proposal: 'AAAA', signature: 'AAAA' },
    status: 400, response: { title: 'Bad Request' },
  },
  {
    title: 'A submission needs the certificate a proposal named',
    method: 'post', path: '/offline/submissions', caller: 'importer',
    body: { transaction: 'AAAA', signature: 'AAAA' },
    status: 403, response: { title: 'Forbidden', detail: NOT_STARTED },
  },
  {
    title: 'So does waiting for the commit',
    method: 'post', path: '/offline/commits', caller: 'importer',
    body: { commit: 'AAAA', signature: 'AAAA' },
    status: 403, response: { title: 'Forbidden', detail: NOT_STARTED },
  },
];
