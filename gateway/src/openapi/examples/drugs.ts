import { ACCEPT_JSON, idempotencyKey, type ExampleCall } from '../exampleCall';
import { DRUG_BATCH, DRUG_BOXES, DRUG_CASE, DRUG_GUESS, DRUG_ID_CODES, DRUG_PRODUCT, DRUG_UNITS } from './story';

const pharmacyCounter = { address: 'Keqiao Fresh Market pharmacy counter, 1 Jinke Rd', region: '330603' };
const hangzhouCounter = { address: 'Pharmacy, 1 Wensan Rd, Hangzhou', region: '330106' };

/**
 * The drug chapter: the importer, as a marketing-authorisation holder, registers amoxicillin capsules,
 * commissions the codes of a batch, packs units into boxes and boxes into a case, ships the case to
 * the market's pharmacy counter, which sells a unit once; a second sale raises a duplicate-sale alert.
 */
export const drugExamples: readonly ExampleCall[] = [
  ...(['unit', 'box', 'case'] as const).map((level): ExampleCall => ({
    title: `Assign the importer the drug identification code of its capsules' ${level} level`,
    method: 'post', path: '/admin/drug/identification-codes', caller: 'admin', headers: idempotencyKey(`assign-drug-${level}`),
    body: { idCode: DRUG_ID_CODES[level], holderId: '{importerId}' },
    status: 201, response: { result: { assignments: [{ idCode: DRUG_ID_CODES[level], holderId: '{importerId}' }] } },
  })),
  {
    title: 'Register the product with its packaging levels: 1 unit, 10 units a box, 2 boxes a case',
    method: 'post', path: '/drug/products', caller: 'importer', headers: idempotencyKey('drug-product'),
    body: {
      approvalNumber: '国药准字H20261234', genericName: '阿莫西林胶囊', tradeName: '阿莫仙', dosageForm: '胶囊剂', strength: '0.25g', packageSpec: '24粒/盒', storageCondition: '密封，在干燥处保存',
      levels: [{ level: 'unit', idCode: DRUG_ID_CODES.unit }, { level: 'box', idCode: DRUG_ID_CODES.box, contains: 10 }, { level: 'case', idCode: DRUG_ID_CODES.case, contains: 2 }],
    },
    status: 201, response: { result: { products: [{ productId: DRUG_PRODUCT, holderId: '{importerId}', returnWindowDays: 7 }] } },
  },
  {
    title: 'Look the product up (anyone)',
    method: 'get', path: '/drug/products/{productId}', params: { productId: DRUG_PRODUCT }, caller: 'consumer', eventual: true,
    status: 200, response: { productId: DRUG_PRODUCT, genericName: '阿莫西林胶囊' },
  },
  {
    title: 'Let the market pack the capsules under contract',
    method: 'post', path: '/drug/delegations', caller: 'importer', headers: idempotencyKey('drug-delegation'),
    body: { manufacturerId: '{retailerId}', purpose: 'Contract packaging of 阿莫西林胶囊' },
    status: 201, response: { result: { delegations: [{ holderId: '{importerId}', manufacturerId: '{retailerId}' }] } },
  },
  {
    title: 'Withdraw that delegation again',
    method: 'post', path: '/drug/delegations/withdrawals', caller: 'importer', headers: idempotencyKey('drug-withdrawal'),
    body: { manufacturerId: '{retailerId}' },
    status: 201, response: { result: { delegations: [{ manufacturerId: '{retailerId}' }] } },
  },
  {
    title: 'Register a production batch with its planned packs per level',
    method: 'post', path: '/drug/batches', caller: 'importer', headers: idempotencyKey('drug-batch'),
    body: { productId: DRUG_PRODUCT, batchNumber: DRUG_BATCH, productionDate: '2026-11-01', expiryDate: '2028-10-31', quantities: { unit: 4, box: 2, case: 1 } },
    status: 201, response: { result: { batches: [{ id: `${DRUG_PRODUCT}/${DRUG_BATCH}` }] } },
  },
  {
    title: 'Read the batch as the public does: dates and holds, no quantities',
    method: 'get', path: '/drug/batches/{productId}/{batchNumber}', params: { productId: DRUG_PRODUCT, batchNumber: DRUG_BATCH }, caller: 'consumer', eventual: true,
    status: 200, response: { id: `${DRUG_PRODUCT}/${DRUG_BATCH}`, expiryDate: '2028-10-31' },
  },
  ...([['unit', [...DRUG_UNITS]], ['box', [...DRUG_BOXES]], ['case', [DRUG_CASE]]] as const).map(([level, codes]): ExampleCall => ({
    title: `Commission the batch's ${level} codes as printed: the ledger anchors their Merkle root`,
    method: 'post', path: '/drug/commissionings', caller: 'importer', headers: idempotencyKey(`drug-commission-${level}`),
    body: { productId: DRUG_PRODUCT, batchNumber: DRUG_BATCH, level, codes: [...codes], eventTime: '{commissionedAt}' },
    status: 201, response: { result: { commissionings: [{ level, count: codes.length }] } },
  })),
  {
    title: 'Print the batch\'s unit labels: Code 128 with the digits beneath, on an A4 sheet',
    method: 'post', path: '/drug/labels', caller: 'importer', eventual: true,
    body: { codes: [...DRUG_UNITS] },
    status: 200, contentType: 'application/pdf', responseHeaders: { 'X-Code-Count': '4' },
    keep: { runId: 'header.x-code-run' },
  },
  {
    title: 'Follow the label sheet\'s progress',
    method: 'get', path: '/drug/labels/runs/{runId}', params: { runId: '{runId}' }, caller: 'importer',
    status: 200, response: { runId: '{runId}', total: 4, done: 4 },
  },
  {
    title: 'The packaging line uploads its run: units 1–2 into the first box as a range of serials, units 3 and 4 into the second by their codes, in one transaction',
    method: 'post', path: '/drug/pack-uploads', caller: 'importer', headers: idempotencyKey('drug-pack-boxes'),
    body: {
      packs: [
        { eventId: 'pack-box1-{run}', eventTime: '{releasedAt}', parent: DRUG_BOXES[0], children: [{ idCode: DRUG_ID_CODES.unit, from: 1, to: 2 }] },
        { eventId: 'pack-box2-{run}', eventTime: '{releasedAt}', parent: DRUG_BOXES[1], children: [DRUG_UNITS[2], DRUG_UNITS[3]] },
      ],
    },
    status: 201, response: { result: { packs: [{ parent: DRUG_BOXES[0], childCount: 2, contents: { unit: 2 } }, { parent: DRUG_BOXES[1], childCount: 2 }] } },
  },
  {
    title: 'Pack both boxes into the case',
    method: 'post', path: '/drug/packs', caller: 'importer', headers: idempotencyKey('drug-pack-case'),
    body: { eventId: 'pack-case-{run}', eventTime: '{palletShippedAt}', parent: DRUG_CASE, children: [...DRUG_BOXES] },
    status: 201, response: { result: { packs: [{ parent: DRUG_CASE, contents: { box: 2, unit: 4 } }] } },
  },
  {
    title: 'Scan the case as anyone: product, count and status, never the child codes',
    method: 'get', path: '/drug/packs/{code}', params: { code: DRUG_CASE }, caller: 'consumer', eventual: true,
    status: 200, response: { parent: DRUG_CASE, level: 'case', childCount: 2, status: 'packed' },
  },
  {
    title: 'Quarantine the case while its paperwork is checked: it cannot move',
    method: 'post', path: '/drug/holds', caller: 'importer', headers: idempotencyKey('drug-hold'),
    body: { target: { kind: 'code', code: DRUG_CASE }, state: 'quarantined', reason: 'release certificate being checked' },
    status: 201, response: { result: { movements: [{ action: 'hold' }] } },
  },
  {
    title: 'Lift the quarantine',
    method: 'post', path: '/drug/holds/lift', caller: 'importer', headers: idempotencyKey('drug-lift'),
    body: { target: { kind: 'code', code: DRUG_CASE }, reason: 'release certificate in order' },
    status: 201, response: { result: { movements: [{ action: 'liftHold' }] } },
  },
  {
    title: 'Ship the case to the market; what is packed inside moves with it',
    method: 'post', path: '/drug/shipments', caller: 'importer', headers: idempotencyKey('drug-ship'),
    body: { eventId: 'ship-case-{run}', eventTime: '{shippedAt}', to: '{retailerId}', codes: [DRUG_CASE] },
    status: 201, response: { result: { movements: [{ action: 'ship', counts: { case: 1, box: 2, unit: 4 } }] } },
  },
  {
    title: 'The market receives the case',
    method: 'post', path: '/drug/receipts', caller: 'retailer', headers: idempotencyKey('drug-receive'),
    body: { eventId: 'receive-case-{run}', eventTime: '{receivedAt}', codes: [DRUG_CASE], decision: 'accept' },
    status: 201, response: { result: { movements: [{ action: 'receive', counts: { case: 1, box: 2, unit: 4 } }] } },
  },
  ...([['case', DRUG_CASE], ['first box', DRUG_BOXES[0]]] as const).map(([what, code]): ExampleCall => ({
    title: `Unpack the ${what} at the pharmacy counter`,
    method: 'post', path: '/drug/unpacks', caller: 'retailer', headers: idempotencyKey(`drug-unpack-${what.replace(' ', '-')}`),
    body: { eventId: `unpack-${what.replace(' ', '-')}-{run}`, eventTime: '{storedAt}', parent: code },
    status: 201, response: { result: { packs: [{ parent: code, status: 'unpacked' }] } },
  })),
  {
    title: 'Sell the first unit: the code is used',
    method: 'post', path: '/drug/dispenses', caller: 'retailer', headers: idempotencyKey('drug-sale'),
    body: { eventId: 'till-{run}-1', kind: 'sale', location: pharmacyCounter, units: [{ code: DRUG_UNITS[0], eventTime: '{soldAt}' }] },
    status: 201, response: { codes: [{ code: DRUG_UNITS[0], outcome: 'dispensed', status: 201 }] },
  },
  {
    title: 'Sell the same code again (a copied label in Hangzhou): 409 with the duplicate-sale alert; the first sale stays',
    method: 'post', path: '/drug/dispenses', caller: 'retailer', headers: idempotencyKey('drug-resale'),
    body: { eventId: 'till-{run}-2', kind: 'sale', location: hangzhouCounter, units: [{ code: DRUG_UNITS[0], eventTime: '{drugResoldAt}' }] },
    status: 409, response: { title: 'duplicate sale', codes: [{ code: DRUG_UNITS[0], outcome: 'duplicate', status: 409 }] },
  },
  {
    title: 'Check the unit as a patient: already sold, on which day and in which city',
    method: 'get', path: '/drug/codes/{code}', params: { code: DRUG_UNITS[0] }, caller: 'consumer', eventual: true,
    status: 200, response: { verdict: 'dispensed', used: { state: 'sold', cityRegion: '330600' }, product: { genericName: '阿莫西林胶囊' } },
  },
  {
    title: 'A guessed code: the right serial with made-up check digits is unknown',
    method: 'get', path: '/drugcodes/{code}', params: { code: DRUG_GUESS }, caller: 'consumer', headers: ACCEPT_JSON,
    status: 200, response: { code: DRUG_GUESS, verdict: 'unknown' },
  },
  {
    title: 'Take the unit back within the return window: the code is active again',
    method: 'post', path: '/drug/returns', caller: 'retailer', headers: idempotencyKey('drug-return'),
    body: { eventId: 'return-{run}', code: DRUG_UNITS[0], reason: 'unopened, prescription changed', eventTime: '{drugReturnedAt}' },
    status: 201, response: { result: { movements: [{ action: 'return' }] } },
  },
  {
    title: 'Destroy the second unit, damaged at the counter',
    method: 'post', path: '/drug/retirements', caller: 'retailer', headers: idempotencyKey('drug-destroy'),
    body: { eventId: 'destroy-{run}', eventTime: '{drugReturnedAt}', state: 'destroyed', codes: [DRUG_UNITS[1]], reason: 'capsules crushed' },
    status: 201, response: { result: { movements: [{ action: 'retire', counts: { unit: 1 } }] } },
  },
  {
    title: 'Report a suspected adverse reaction on a unit of the batch',
    method: 'post', path: '/drug/adverse-reactions', caller: 'retailer', headers: idempotencyKey('drug-adr'),
    body: { subject: { kind: 'code', code: DRUG_UNITS[2] }, description: 'Rash within an hour of the first capsule', seriousness: 'nonSerious', outcome: 'recovering' },
    status: 201, response: { result: { adverseReactions: [{ batchId: `${DRUG_PRODUCT}/${DRUG_BATCH}`, reporterKind: 'pharmacy' }] } },
  },
  {
    title: 'A patient reports a reaction to the scanned unit from the verify page, leaving a phone number off chain',
    method: 'post', path: '/drug/codes/{code}/adverse-reactions', params: { code: DRUG_UNITS[3] }, caller: 'consumer', headers: idempotencyKey('drug-adr-consumer'),
    body: { description: 'Dizziness after the second capsule', seriousness: 'nonSerious', outcome: 'recovered', contact: '138 0000 0000' },
    status: 201, response: { result: { adverseReactions: [{ reporterKind: 'consumer', reportedBy: 'intake' }] } },
  },
  {
    title: 'A regulator reads the unit\'s whole history from the ledger',
    method: 'get', path: '/drug/codes/{code}/history', params: { code: DRUG_UNITS[0] }, caller: 'regulator',
    status: 200,
  },
  {
    title: 'A regulator asks where the batch is now',
    method: 'get', path: '/drug/batches/{productId}/{batchNumber}/whereabouts', params: { productId: DRUG_PRODUCT, batchNumber: DRUG_BATCH }, caller: 'regulator', eventual: true,
    status: 200, response: { commissioned: { unit: 4, box: 2, case: 1 }, retired: { destroyed: 1 } },
  },
  {
    title: 'A regulator counts the batch\'s adverse-reaction reports',
    method: 'get', path: '/drug/batches/{productId}/{batchNumber}/adverse-reactions', params: { productId: DRUG_PRODUCT, batchNumber: DRUG_BATCH }, caller: 'regulator', eventual: true,
    status: 200, response: { batchCount: 2, reports: [{ seriousness: 'nonSerious', reporterKind: 'pharmacy' }, { reporterKind: 'consumer' }] },
  },
  {
    title: 'A regulator lists the duplicate-sale alerts raised in Hangzhou\'s Xihu district',
    method: 'get', path: '/drug/alerts/regions/{region}', params: { region: '330106' }, caller: 'regulator', eventual: true,
    status: 200, response: { region: '330106', alerts: [{ kind: 'duplicateSale', code: DRUG_UNITS[0] }] },
  },
];
