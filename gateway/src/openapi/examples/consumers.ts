import { ACCEPT_JSON, type ExampleCall } from '../exampleCall';
import { DRUG_TRACE_CODE, FIRST_SERIAL, GTIN, LOGGER_GIAI, LOT, LOT_NUMBER, REGULATOR_ENROLLMENT, UNIT } from './story';

/** A shopper scans the carton she bought, finds it was sold before, and complains; the regulator reads it. */
export const consumerExamples: readonly ExampleCall[] = [
  {
    title: 'Resolve the lot\'s code as JSON, as a program would',
    method: 'get', path: '/01/{gtin}/10/{lot}', params: { gtin: GTIN, lot: LOT_NUMBER }, caller: 'consumer', headers: ACCEPT_JSON, eventual: true,
    status: 200, response: { identifier: { kind: 'lot', gtin: GTIN, lot: LOT_NUMBER }, authenticity: { status: 'unsigned' }, lot: { id: LOT } },
  },
  {
    title: 'Resolve it as a GS1 linkset, as a GS1 resolver client would',
    method: 'get', path: '/01/{gtin}/10/{lot}', params: { gtin: GTIN, lot: LOT_NUMBER }, caller: 'consumer', headers: { Accept: 'application/linkset+json' },
    status: 200, contentType: 'application/linkset+json', response: { linkset: [{ anchor: `{resolver}/01/${GTIN}/10/${LOT_NUMBER}` }] },
  },
  {
    title: 'Open the consumer page a phone shows after the scan',
    method: 'get', path: '/01/{gtin}/10/{lot}', params: { gtin: GTIN, lot: LOT_NUMBER }, query: { lang: 'en' }, caller: 'consumer', headers: { Accept: 'text/html' },
    status: 200, contentType: 'text/html',
  },
  {
    title: 'Scan the sold carton: its sale shows first',
    method: 'get', path: '/01/{gtin}/21/{serial}', params: { gtin: GTIN, serial: FIRST_SERIAL }, caller: 'consumer', headers: ACCEPT_JSON, eventual: true,
    status: 200, response: { banners: ['sold'], unit: { serial: FIRST_SERIAL, sale: { soldBy: '{retailerId}' } }, lot: { id: LOT } },
  },
  {
    title: 'An asset code that names no lift: the resolver serves asset codes (GIAI) for lifts\' car pages, and the reefer\'s logger is no lift',
    method: 'get', path: '/8004/{giai}', params: { giai: LOGGER_GIAI }, query: { lang: 'en' }, caller: 'consumer', headers: ACCEPT_JSON,
    status: 404,
    response: { title: 'Not Found', detail: `nothing is registered under /8004/${LOGGER_GIAI}` },
  },
  {
    title: 'The pallet\'s SSCC, read by a phone set to Chinese: recognised, not served yet',
    method: 'get', path: '/00/{sscc}', params: { sscc: '{sscc}' }, caller: 'consumer', headers: { ...ACCEPT_JSON, 'Accept-Language': 'zh-CN,zh;q=0.9' },
    status: 404, response: { title: 'Not Found', identifierKind: 'logisticUnit', detail: '已识别为GS1 物流单元编码 SSCC（00，即箱或托盘）：(00){sscc}。本账本暂不提供此类编码的追溯信息。' },
  },
  {
    title: 'A 20-digit drug trace code no commissioning issued: the verdict is unknown (a pack under it may be counterfeit)',
    method: 'get', path: '/drugcodes/{code}', params: { code: DRUG_TRACE_CODE }, query: { lang: 'en' }, caller: 'consumer', headers: ACCEPT_JSON,
    status: 200, response: { code: DRUG_TRACE_CODE, verdict: 'unknown' },
  },
  {
    title: 'Complain about the carton from the scan page, leaving an address for follow-up',
    method: 'post', path: '/complaints', caller: 'consumer',
    body: { subjectId: UNIT, category: 'counterfeit', text: 'The seal was broken and the label looks reprinted', contact: 'buyer@example.com', idempotencyKey: 'complaint-{run}' },
    status: 201, response: { result: { subjectId: UNIT, category: 'counterfeit', source: 'consumer', status: 'assigned', severity: 'high' } },
    keep: { clueId: 'body.result.clueId', purgeToken: 'body.purgeToken' },
  },
  {
    title: 'The regulator reads the carton\'s risk clues, with the contact left',
    method: 'get', path: '/clues', query: { subjectId: UNIT }, caller: 'regulator', eventual: true,
    status: 200, response: [{ clueId: '{clueId}', subjectId: UNIT, source: 'consumer', category: 'counterfeit', contact: 'buyer@example.com' }],
  },
  {
    title: 'The regulator reads the lot\'s journey whole: quantities, times and addresses (the read is logged)',
    method: 'get', path: '/coldchain/lots/{lotId}/journey', params: { lotId: LOT }, caller: 'regulator', eventual: true,
    status: 200, response: { lot: { id: LOT, custodianId: '{retailerId}' }, custody: [{ action: 'ship', eventId: 'ship-{run}' }] },
  },
  {
    title: 'Regulators\' reads of enterprise-private records, newest first',
    method: 'get', path: '/regulators/audit-log', caller: 'regulator',
    status: 200, response: [{ who: REGULATOR_ENROLLMENT, role: 'regulator', route: 'GET /coldchain/lots/:lotId/journey', subjectId: LOT }],
    responseHeaders: { 'X-Page': '0' },
  },
  {
    title: 'The shopper deletes her contact details (the clue stays)',
    method: 'post', path: '/complaints/{clueId}/contact/purge', params: { clueId: '{clueId}' }, caller: 'consumer',
    body: { purgeToken: '{purgeToken}' },
    status: 200, response: { deleted: true },
  },
  {
    title: 'Clues are for regulators: without a token, 401',
    method: 'get', path: '/clues', caller: 'consumer',
    status: 401, response: { title: 'Unauthorized', detail: 'a bearer token is required' },
  },
];
