import { idempotencyKey, type ExampleCall } from '../exampleCall';
import type { JsonValue } from '../placeholders';
import { BATCH_LOTS, CUSTOMS_DECLARATION, GTIN, LOT, LOT_NUMBER, place, SERIAL_PREFIX } from './story';

/** A lot of imported lamb as the importer registers it; its customs declaration lets it use a foreign brand's GTIN. */
const lamb = (lotNumber: string, quantity: number): JsonValue => ({
  gtin: GTIN,
  lotNumber,
  product: 'Frozen lamb shoulder',
  category: 'frozen',
  lotType: 'imported',
  originCountry: 'NZ',
  producer: 'Alliance Group plant ME 41',
  customsDeclarationNumber: CUSTOMS_DECLARATION,
  quantity,
  unit: 'carton',
  productionDate: '2026-09-01',
  expiryDate: '2028-09-01',
});

const SHA256 = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';

/** The four entry documents an imported lot needs before it may be released for sale. */
const documents: readonly { kind: string; number: string; issuer: string; complete: boolean }[] = [
  { kind: 'customsDeclaration', number: CUSTOMS_DECLARATION, issuer: 'Ningbo Customs', complete: false },
  { kind: 'inspectionQuarantineCertificate', number: 'IQ-2026-3302-0457', issuer: 'Ningbo Customs', complete: false },
  { kind: 'testReport', number: 'TR-2026-11873', issuer: 'Zhejiang Food Testing Institute', complete: false },
  { kind: 'disinfectionCertificate', number: 'DS-2026-00912', issuer: 'Ningbo Port Disinfection Station', complete: true },
];

/** The importer registers its lots, documents them, labels the cartons and releases the lot for sale. */
export const lotExamples: readonly ExampleCall[] = [
  {
    title: 'Register a lot of 200 cartons of imported lamb',
    method: 'post', path: '/coldchain/lots', caller: 'importer', headers: idempotencyKey('lot'),
    body: lamb(LOT_NUMBER, 200),
    status: 201,
    response: { result: { lots: [{ id: LOT, ownerId: '{importerId}', custodianId: '{importerId}', quantityOnHand: 200, documentStatus: 'incomplete' }] } },
  },
  {
    title: 'Register two more lots of the shipment in one transaction',
    method: 'post', path: '/coldchain/lots/batches', caller: 'importer', headers: idempotencyKey('lot-batch'),
    body: { lots: [lamb('LAMB-{run}-B1', 100), lamb('LAMB-{run}-B2', 100)] },
    status: 201, response: { result: { lots: [{ id: BATCH_LOTS[0] }, { id: BATCH_LOTS[1] }] } },
  },
  {
    title: 'Registering the same lot again (with a new Idempotency-Key) is a conflict',
    method: 'post', path: '/coldchain/lots', caller: 'importer', headers: idempotencyKey('lot-again'),
    body: lamb(LOT_NUMBER, 200),
    status: 409, response: { title: 'Conflict', detail: `lot ${LOT} already exists` },
  },
  ...documents.map(
    ({ kind, number, issuer, complete }): ExampleCall => ({
      title: complete ? `Add the last entry document (${kind}): the lot is complete` : `Add an entry document: ${kind}`,
      method: 'post', path: '/coldchain/lots/{lotId}/documents', params: { lotId: LOT }, caller: 'importer', headers: idempotencyKey(`document-${kind}`),
      body: { kind, number, issuer, issuedOn: '2026-11-20', sha256: SHA256 },
      status: 201, response: { result: { lots: [{ id: LOT, documentStatus: complete ? 'complete' : 'incomplete' }] } },
    }),
  ),
  {
    title: 'Read the lot from the ledger as its owner, documents and quantities included',
    method: 'get', path: '/coldchain/lots/{lotId}', params: { lotId: LOT }, caller: 'importer',
    status: 200, response: { id: LOT, lotType: 'imported', documentStatus: 'complete', missingDocuments: [], customsDeclarationNumber: CUSTOMS_DECLARATION },
  },
  {
    title: 'A lot nobody registered is not found',
    method: 'get', path: '/coldchain/lots/{lotId}', params: { lotId: `01/${GTIN}/10/NONE-{run}` }, caller: 'consumer',
    status: 404, response: { title: 'Not Found', detail: `lot 01/${GTIN}/10/NONE-{run} does not exist` },
  },
  {
    title: 'Commission serialised cartons 1–20 of the lot (their labels are printed later)',
    method: 'post', path: '/coldchain/lots/{lotId}/units', params: { lotId: LOT }, caller: 'importer', headers: idempotencyKey('units'),
    body: { serialPrefix: SERIAL_PREFIX, from: 1, count: 20, eventTime: '{commissionedAt}' },
    status: 201, response: { result: { unitRuns: [{ lotId: LOT, gtin: GTIN, serialPrefix: SERIAL_PREFIX, from: 1, count: 20, eventTime: '{commissionedAt}' }] } },
  },
  {
    title: 'Only the lot\'s owner commissions its units',
    method: 'post', path: '/coldchain/lots/{lotId}/units', params: { lotId: LOT }, caller: 'retailer', headers: idempotencyKey('units-not-mine'),
    body: { serialPrefix: '{run}Y', from: 1, count: 1 },
    status: 403, response: { title: 'Forbidden', detail: `only the owner {importerId} of lot ${LOT} may commission its units; caller is {retailerId}` },
  },
  {
    title: 'Release the documented lot for sale',
    method: 'post', path: '/coldchain/custody', caller: 'importer', headers: idempotencyKey('release'),
    body: { eventId: 'release-{run}', action: 'releaseForSale', lotId: LOT, eventTime: '{releasedAt}', location: place('ningboPort') },
    status: 201,
    response: { result: { lots: [{ id: LOT, releasedForSale: { eventId: 'release-{run}', eventTime: '{releasedAt}', by: '{importerId}' } }], custodyEvents: [{ action: 'releaseForSale', eventId: 'release-{run}' }] } },
  },
];
