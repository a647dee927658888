import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { lotIdOf, shanghaiDateOf, type Recall } from '../../model/src';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, lotRegistration, Places, scenarioClock } from './coldchainFixtures';
import { batchRegistration, codesOf, commissionList, registerTestProduct, submitDrug } from './drugFixtures';
import { registerTestEnterprise, requireNetwork, testLayout, uniqueId } from './testNetwork';

const REGIONS = [{ code: '330000', name: '浙江省' }, { code: '330100', name: '杭州市', parent: '330000' }, { code: '330200', name: '宁波市', parent: '330000' }];
const UNITS = [
  { unitId: 'amr-330100', name: '杭州市市场监督管理局', regions: ['330100'] },
  { unitId: 'amr-330200', name: '宁波市市场监督管理局', regions: ['330200'] },
];
/** A district of Hangzhou of this run's own. */
const DISTRICT = `3301${50 + Math.floor(Math.random() * 50)}`;
const EVENT_HEADERS = ['event time', 'recorded at', 'event type', 'event id', 'GTIN', 'lot', 'lot id', 'product', 'location GLN', 'location address', 'region', 'from', 'from name', 'to', 'to name', 'recorded by', 'quantity', 'unit', 'receipt', 'related lots', 'reference documents', 'assurance', 'transaction id', 'domain'];

interface Download {
  status: number;
  contentType: string;
  bytes: Buffer;
}

async function download(route: string, token: string): Promise<Download> {
  const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}${route}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** CSV records as arrays of cells, the byte-order mark dropped. */
const csvLines = (bytes: Buffer): string[][] => parse(bytes, { bom: true }) as string[][];

async function worksheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('regulator exports of tracking events, registers and reports', function () {
  this.timeout(300_000);
  const at = scenarioClock();
  let admin: string;
  let hangzhou: { token: string; enrollmentId: string };
  let ningbo: { token: string; enrollmentId: string };
  let importer: OnboardedEnterprise;
  let coldStore: OnboardedEnterprise;
  let lotA: string;
  let lotB: string;
  let recall: Recall;

  const post = async (token: string, route: string, body: unknown, status = 201): Promise<Record<string, unknown>> => {
    const answer = await api<Record<string, unknown>>(route, { token, idempotencyKey: uniqueId('k'), body });
    expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(status);
    return answer.body;
  };
  const registerRegulator = async (unit: string): Promise<{ token: string; enrollmentId: string }> => {
    const enrollmentId = uniqueId('reg');
    const body = await post(admin, '/admin/regulators', { enrollmentId, unit });
    return { token: body.token as string, enrollmentId };
  };
  const createLot = async (): Promise<string> => {
    const registration = lotRegistration();
    await post(importer.token, '/coldchain/lots', registration);
    return lotIdOf(registration.gtin as string, registration.lotNumber as string);
  };
  /** Ship, receive and store: three custody events at the hours given. */
  const moveToColdStore = async (lotId: string, hours: number): Promise<void> => {
    await post(importer.token, '/coldchain/custody', custodyEvent('ship', lotId, at(hours), Places.ningboPort, { to: coldStore.id, quantity: 1000 }));
    await post(coldStore.token, '/coldchain/custody', custodyEvent('receive', lotId, at(hours + 2), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    await post(coldStore.token, '/coldchain/custody', custodyEvent('store', lotId, at(hours + 3), Places.hangzhouColdStore));
  };

  before(async () => {
    requireNetwork();
    admin = await testAdminToken();
    for (const region of [...REGIONS, { code: DISTRICT, name: 'Export test district', parent: '330100' }]) await post(admin, '/admin/reference/regions', region);
    for (const unit of UNITS) await post(admin, '/admin/reference/regulator-units', unit);
    hangzhou = await registerRegulator('amr-330100');
    ningbo = await registerRegulator('amr-330200');
    importer = await onboardEnterprise('custodial', ['importer'], DISTRICT);
    coldStore = await onboardEnterprise('custodial', ['coldStore'], DISTRICT);
    // Lot B moves after lot A on the ledger but earlier in event time: exports sort by event time, not by ledger order.
    lotA = await createLot();
    lotB = await createLot();
    await moveToColdStore(lotA, 10);
    await moveToColdStore(lotB, 2);
    const opened = await post(importer.token, '/recalls', { reason: 'Listeria in a retained sample', domain: 'food', level: 1, scope: { kind: 'lots', lotIds: [lotA] } });
    recall = (opened.result as { recalls: Recall[] }).recalls[0];
    await api('/complaints', { body: { subjectId: lotA, category: 'quality', text: 'the carton smelt off', idempotencyKey: uniqueId('complaint') } });
  });

  it('exports an enterprise\'s custody events as XLSX that parses back: one row each, sorted by event time, typed cells, frozen filterable header', async () => {
    const sheet = await eventually('the cold store\'s six events projected', async () => {
      const answer = await download(`/regulator/exports/events?enterpriseId=${coldStore.id}&format=xlsx`, hangzhou.token);
      expect(answer.status, answer.bytes.toString()).to.equal(200);
      const worksheet = await worksheetOf(answer.bytes);
      return worksheet.rowCount === 7 ? worksheet : undefined;
    }, 30_000);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).to.deep.equal(EVENT_HEADERS.map((name) => (name === 'event time' || name === 'recorded at' ? `${name} (Asia/Shanghai)` : name)));
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter, 'an autofilter over the header').to.not.equal(undefined);
    const rows = Array.from({ length: 6 }, (_, i) => sheet.getRow(i + 2));
    const times = rows.map((row) => row.getCell(1).value);
    for (const time of times) expect(time).to.be.instanceOf(Date);
    const millis = times.map((time) => (time as Date).getTime());
    expect(millis, 'sorted by event time').to.deep.equal([...millis].sort((a, b) => a - b));
    expect(rows.map((row) => [row.getCell(7).value, row.getCell(3).value])).to.deep.equal([
      [lotB, 'ship'], [lotB, 'receive'], [lotB, 'store'], [lotA, 'ship'], [lotA, 'receive'], [lotA, 'store'],
    ]);
    // Shanghai wall-clock time in the cell: the event written as +08:00 reads the same hours.
    expect((times[0] as Date).toISOString().slice(0, 19)).to.equal(at(2).slice(0, 19));
    expect(rows[1].getCell(17).value, 'quantity is a number cell').to.equal(1000);
    expect(rows[1].getCell(12).value, 'a receipt comes from the shipper').to.equal(importer.id);
    expect(rows[1].getCell(14).value).to.equal(coldStore.id);
    expect(String(rows[1].getCell(15).value)).to.match(/^Gateway test/);
    expect(rows[1].getCell(21).value, 'the lot\'s customs declaration as its reference document').to.match(/customsDeclaration 310420261000012345/);
  });

  it('exports a lot\'s events as CSV with its header and one line per event, in event-time order (the lot was registered after its backdated moves)', async () => {
    const answer = await download(`/regulator/exports/events?lotId=${encodeURIComponent(lotA)}&format=csv`, hangzhou.token);
    expect(answer.status).to.equal(200);
    expect(answer.contentType).to.match(/^text\/csv/);
    expect(answer.bytes.subarray(0, 3).toString('hex'), 'a byte-order mark for spreadsheet programs').to.equal('efbbbf');
    const [header, ...lines] = csvLines(answer.bytes);
    expect(header).to.deep.equal(EVENT_HEADERS);
    expect(lines.map((cells) => cells[2])).to.deep.equal(['ship', 'receive', 'store', 'create']);
    expect(lines.every((cells) => cells[6] === lotA && /^[0-9a-f]{64}$/.test(cells[22]))).to.equal(true);
  });

  it('exports a window of days and a GTIN in event-time order, holding the suite\'s events', async () => {
    const from = shanghaiDateOf(at(2));
    const to = shanghaiDateOf(at(13));
    const window = csvLines((await download(`/regulator/exports/events?from=${from}&to=${to}&format=csv`, hangzhou.token)).bytes).slice(1);
    const ours = window.filter((cells) => cells[6] === lotA || cells[6] === lotB);
    expect(ours.length, 'ship, receive and store of both lots').to.equal(6);
    const times = window.map((cells) => Date.parse(cells[0]));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    const lotAndGtin = csvLines((await download(`/regulator/exports/events?lotId=${encodeURIComponent(lotB)}&gtin=09521234543213&from=${from}&to=${from}&format=csv`, hangzhou.token)).bytes).slice(1);
    expect(lotAndGtin.every((cells) => cells[6] === lotB && shanghaiDateOf(cells[0]) === from)).to.equal(true);
  });

  it('lists a drug maker\'s code movements by enterprise, beside the cold chain\'s rows', async () => {
    const layout = testLayout();
    const holder = await registerTestEnterprise(layout, 'supply', ['drugMaker']);
    const { productId, idCodes } = await registerTestProduct(layout, holder);
    const batch = batchRegistration(productId);
    await submitDrug(layout, holder, 'registerBatch', JSON.stringify(batch));
    await commissionList(layout, holder, productId, batch.batchNumber as string, 'unit', codesOf(idCodes.unit, 1, 40), at(1));
    const lines = await eventually('the commissioning projected', async () => {
      const rows = csvLines((await download(`/regulator/exports/events?enterpriseId=${holder.registration.id}&format=csv`, hangzhou.token)).bytes).slice(1);
      return rows.length > 0 ? rows : undefined;
    }, 30_000);
    expect(lines).to.have.length(1);
    const [row] = lines;
    expect([row[2], row[15], row[16], row[17], row[23]]).to.deep.equal(['commission', holder.registration.id, '40', '40 unit', 'drug']);
    expect(row[19], 'the serial range commissioned').to.match(/of /);
  });

  it('refuses an export that names nothing, or a window the wrong way round, naming the field', async () => {
    const nothing = await api('/regulator/exports/events?format=xlsx', { token: hangzhou.token });
    expect(nothing.status).to.equal(400);
    expect(JSON.stringify(nothing.body)).to.include('lotId');
    const backwards = await api('/regulator/exports/events?from=2026-11-02&to=2026-11-01', { token: hangzhou.token });
    expect(backwards.status).to.equal(400);
    expect(JSON.stringify(backwards.body)).to.include('to');
    expect((await api(`/regulator/exports/events?lotId=${encodeURIComponent(lotA)}`, { token: importer.token })).status, 'an enterprise token').to.equal(403);
  });

  it('exports the clue and recall registers of the caller\'s regions, and answers 403 outside them', async () => {
    const complaintRow = await eventually('the complaint\'s clue in the district\'s register', async () => {
      const answer = await download(`/regulator/exports/clues?region=${DISTRICT}&format=xlsx`, hangzhou.token);
      expect(answer.status).to.equal(200);
      const worksheet = await worksheetOf(answer.bytes);
      // Other suites' clues may share the district on one test ledger: the complaint's row is found by its lot.
      const rows = Array.from({ length: worksheet.rowCount - 1 }, (_, i) => worksheet.getRow(i + 2));
      return rows.find((row) => row.getCell(3).value === lotA);
    }, 30_000);
    expect(complaintRow.getCell(1).value).to.be.instanceOf(Date);
    expect((await api(`/regulator/exports/clues?region=${DISTRICT}`, { token: ningbo.token })).status).to.equal(403);
    const recalls = csvLines((await download('/regulator/exports/recalls?region=330100&format=csv', hangzhou.token)).bytes);
    expect(recalls[0].slice(0, 3)).to.deep.equal(['opened at', 'recall id', 'domain']);
    expect(recalls.some((cells) => cells[1] === recall.recallId)).to.equal(true);
    const ningboRecalls = csvLines((await download('/regulator/exports/recalls?format=csv', ningbo.token)).bytes);
    expect(ningboRecalls.some((cells) => cells[1] === recall.recallId), 'a recall of Hangzhou enterprises is not in Ningbo\'s register').to.equal(false);
    expect((await api('/regulator/exports/recalls?region=330100', { token: ningbo.token })).status).to.equal(403);
  });

  it('prints a recall as a PDF naming the recall, for the regions it concerns only', async () => {
    const pdf = await download(`/regulator/exports/recalls/${recall.recallId}`, hangzhou.token);
    expect(pdf.status).to.equal(200);
    expect(pdf.contentType).to.equal('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(pdf.bytes.toString('latin1')).to.include(recall.recallId);
    expect((await api(`/regulator/exports/recalls/${recall.recallId}`, { token: ningbo.token })).status).to.equal(403);
    expect((await api('/regulator/exports/recalls/RC-0000000000000000', { token: hangzhou.token })).status).to.equal(404);
  });

  it('writes every export to the regulator audit log', async () => {
    const log = await api<{ who: string; route: string; subjectId: string }[]>('/regulators/audit-log?page=0', { token: admin });
    const mine = log.body.filter((read) => read.who === hangzhou.enrollmentId);
    expect(mine.map((read) => read.route)).to.include.members([
      'GET /regulator/exports/events',
      'GET /regulator/exports/clues',
      'GET /regulator/exports/recalls',
      'GET /regulator/exports/recalls/:recallId',
    ]);
    expect(mine.some((read) => read.subjectId === `enterprise:${coldStore.id}`)).to.equal(true);
    expect(mine.some((read) => read.subjectId === recall.recallId)).to.equal(true);
  });
});
