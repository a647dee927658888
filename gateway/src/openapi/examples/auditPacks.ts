import type { ExampleCall } from '../exampleCall';
import { LOT } from './story';

/**
 * Evidence for a third party: the regulator takes an audit pack of the lot after its journey, and
 * anyone reads the trust anchor to check it with `npm run verify-pack` (offline).
 */
export const auditPackExamples: readonly ExampleCall[] = [
  {
    title: 'Publish the trust anchor packs are checked against (save it as anchor.json)',
    method: 'get', path: '/audit-packs/trust-anchor', caller: 'consumer',
    status: 200, response: { channel: 'traceledger', organisations: { RegulatorOrgMSP: {}, SupplyOrgMSP: {}, EquipmentOrgMSP: {}, OrdererMSP: {} } },
  },
  {
    title: 'Take a party pack of the lot: its transactions, each with two organisations\' signed word that it is valid',
    method: 'get', path: '/regulator/audit-packs/{kind}/{id}', params: { kind: 'lot', id: LOT }, query: { mode: 'party' }, caller: 'regulator',
    status: 200, contentType: 'application/zip',
  },
  {
    title: 'Take a full pack of the lot: whole blocks, orderer-signed and hash-chained (for courts)',
    method: 'get', path: '/regulator/audit-packs/{kind}/{id}', params: { kind: 'lot', id: LOT }, query: { mode: 'full' }, caller: 'regulator',
    status: 200, contentType: 'application/zip',
  },
];
