import { expect } from 'chai';
import type { RiskClue } from '../../model/src';
import { codeOf, codesOf, newIdCodes, productRegistration } from './drugFixtures';
import { newBrand, scenarioClock } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { requireNetwork, testLayout, uniqueId, uniqueUscc } from './testNetwork';

interface CodeOutcome {
  code: string;
  outcome: string;
  status: number;
  alertId?: string;
}

/**
 * The drug routes over HTTP: codes named by their 20 digits (the gateway adds each proof from the
 * stored lists), one-use dispensing answered per code, the verify page and the entry page, and every
 * bad input of the issue answered 4xx naming the field, with nothing written.
 */
describe('drug codes through the gateway', function () {
  this.timeout(300_000);
  const at = scenarioClock();
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  const idCodes = newIdCodes();
  const productId = idCodes.unit;
  const batchNumber = uniqueId('GB').replace(/[^A-Za-z0-9.-]/g, '').slice(-20);
  let holder: OnboardedEnterprise;
  let pharmacy: OnboardedEnterprise;
  let admin: string;
  const unit = (n: number) => codeOf(idCodes.unit, n);
  const box = (n: number) => codeOf(idCodes.box, n);
  const kase = (n: number) => codeOf(idCodes.case, n);
  const post = (token: string, route: string, body: unknown) => api<Record<string, unknown>>(route, { token, idempotencyKey: uniqueId('k'), body });
  const created = async (token: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
    const answer = await post(token, route, body);
    expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(201);
    return answer.body;
  };
  const move = (extra: Record<string, unknown>, hours: number) => ({ eventId: uniqueId('ev'), eventTime: at(hours), ...extra });
  const sell = (codes: string[], hours: number, region = '330602') =>
    post(pharmacy.token, '/drug/dispenses', { eventId: uniqueId('till'), kind: 'sale', location: { address: 'Pharmacy, 9 Jiefang Rd', region }, units: codes.map((code) => ({ code, eventTime: at(hours) })) });
  const verify = (code: string) => api<Record<string, unknown>>(`/drug/codes/${code}`);

  before(async () => {
    requireNetwork();
    admin = await testAdminToken();
    holder = await onboardEnterprise('custodial', ['drugMaker']);
    pharmacy = await onboardEnterprise('custodial', ['pharmacy']);
    for (const idCode of Object.values(idCodes)) await created(admin, '/admin/drug/identification-codes', { idCode, holderId: holder.id });
    await created(holder.token, '/drug/products', productRegistration(idCodes));
    await created(holder.token, '/drug/batches', { productId, batchNumber, productionDate: '2026-09-01', expiryDate: '2028-08-31', quantities: { unit: 100, box: 10, case: 5 } });
    await created(holder.token, '/drug/commissionings', { productId, batchNumber, level: 'unit', codes: codesOf(idCodes.unit, 1, 20).reverse(), eventTime: at(0) });
    await created(holder.token, '/drug/commissionings', { productId, batchNumber, level: 'box', codes: codesOf(idCodes.box, 1, 2), eventTime: at(0) });
    await created(holder.token, '/drug/commissionings', { productId, batchNumber, level: 'case', codes: [kase(1)], eventTime: at(0) });
    // The line's run in one upload: a range of serials, and codes by their 20 digits.
    const run = await created(holder.token, '/drug/pack-uploads', { packs: [move({ parent: box(1), children: [{ idCode: idCodes.unit, from: 1, to: 10 }] }, 0.1), move({ parent: box(2), children: codesOf(idCodes.unit, 11, 20) }, 0.1)] });
    expect((run.result as { packs: { parent: string; childCount: number }[] }).packs.map((p) => [p.parent, p.childCount])).to.deep.equal([[box(1), 10], [box(2), 10]]);
    await created(holder.token, '/drug/packs', move({ parent: kase(1), children: [box(1), box(2)] }, 0.2));
  });

  it('shows anyone a case\'s product, count and status, and its children only to its holder', async () => {
    const anonymous = await eventually('the case in the projection', async () => {
      const answer = await api<Record<string, unknown>>(`/drug/packs/${kase(1)}`);
      return answer.status === 200 ? answer.body : undefined;
    }, 20_000);
    expect(anonymous).to.deep.equal({ parent: kase(1), level: 'case', productId, childCount: 2, contents: { box: 2, unit: 20 }, status: 'packed' });
    const own = await api<Record<string, unknown>>(`/drug/packs/${kase(1)}`, { token: holder.token });
    expect(own.body.children).to.deep.equal([{ idCode: idCodes.box, from: 1, to: 1 }, { idCode: idCodes.box, from: 2, to: 2 }]);
    const regulator = await api<Record<string, unknown>>(`/drug/packs/${kase(1)}`, { token: admin });
    expect(regulator.body.children).to.have.length(2);
    const rivalRead = await api<Record<string, unknown>>(`/drug/packs/${kase(1)}`, { token: pharmacy.token });
    expect(rivalRead.body).to.not.have.property('children');
    const scanned = await (await fetch(`${base()}/drugcodes/${kase(1)}`, { headers: { accept: 'application/json' } })).json() as Record<string, unknown>;
    expect(scanned).to.deep.include({ verdict: 'genuine', level: 'case', contents: { box: 2, unit: 20 } });
    expect(JSON.stringify(scanned)).to.not.include(idCodes.box);
  });

  it('moves the case to a pharmacy and answers a second sale of a code with 409 and its alert while the rest of the upload dispenses', async () => {
    await created(holder.token, '/drug/shipments', move({ to: pharmacy.id, codes: [kase(1)] }, 1));
    await created(pharmacy.token, '/drug/receipts', move({ codes: [kase(1)], decision: 'accept' }, 2));
    await created(pharmacy.token, '/drug/unpacks', move({ parent: kase(1) }, 3));
    await created(pharmacy.token, '/drug/unpacks', move({ parent: box(1) }, 3));
    const first = await sell([unit(1)], 4);
    expect(first.status).to.equal(201);
    expect(first.body.codes).to.deep.equal([{ code: unit(1), outcome: 'dispensed', status: 201 }]);
    const second = await sell([unit(1)], 5, '330106');
    expect(second.status).to.equal(409);
    const [duplicate] = second.body.codes as CodeOutcome[];
    expect(duplicate).to.include({ code: unit(1), outcome: 'duplicate', status: 409 });
    expect(duplicate.alertId).to.match(/^duplicateSale:/);
    const mixed = await sell([unit(1), unit(2)], 6, '330106');
    expect(mixed.status).to.equal(201);
    expect((mixed.body.codes as CodeOutcome[]).map((c) => c.status)).to.deep.equal([409, 201]);
    // The region's list holds every test's alerts (the ledger outlives runs): this code's two are among them.
    const alerts = await eventually('the alerts of the region', async () => {
      const answer = await api<{ alerts: { code: string }[] }>('/drug/alerts/regions/330106', { token: admin });
      const ours = answer.body.alerts.filter((alert) => alert.code === unit(1));
      return ours.length >= 2 ? ours : undefined;
    }, 20_000);
    expect(alerts[0]).to.deep.include({ kind: 'duplicateSale', code: unit(1), region: '330106' });
  });

  it('verifies codes for anyone: dispensed with its day and city, a guessed check as unknown, in zh and en', async () => {
    const used = await eventually('the sale in the projection', async () => {
      const answer = await verify(unit(1));
      return answer.body.verdict === 'dispensed' ? answer.body : undefined;
    }, 20_000);
    expect(used).to.deep.include({ used: { state: 'sold', day: at(4).slice(0, 10), cityRegion: '330600' } });
    expect(used.product).to.deep.include({ genericName: '阿莫西林胶囊', approvalNumber: '国药准字H20261234', holderId: holder.id });
    const guess = codeOf(idCodes.unit, 3, 7);
    expect((await verify(guess)).body).to.deep.equal({ code: guess, verdict: 'unknown' });
    const zh = await (await fetch(`${base()}/drugcodes/${unit(1)}?lang=zh`)).text();
    expect(zh).to.include('data-verdict="dispensed"').and.include('该追溯码已被销售或调剂').and.include('阿莫西林胶囊');
    const en = await (await fetch(`${base()}/drugcodes/${guess}?lang=en`)).text();
    expect(en).to.include('Unknown code: this ledger never issued it');
  });

  it('files a patient\'s adverse-reaction report from the verify page\'s form as a clue on the batch', async () => {
    const form = new URLSearchParams({ description: 'Rash after the first capsule', seriousness: 'nonSerious', outcome: 'recovering', contact: 'patient@example.com', idempotencyKey: uniqueId('form'), lang: 'en' });
    const answer = await fetch(`${base()}/drug/codes/${unit(5)}/adverse-reactions`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(answer.status).to.equal(201);
    expect(await answer.text()).to.include('Thank you. Regulators will follow up on your report.').and.include('/contact/purge');
    const reports = await eventually('the report in the projection', async () => {
      const read = await api<{ batchCount: number; reports: Record<string, unknown>[] }>(`/drug/batches/${productId}/${batchNumber}/adverse-reactions`, { token: admin });
      return read.body.batchCount >= 1 ? read.body : undefined;
    }, 20_000);
    expect(reports.reports[0]).to.include({ reporterKind: 'consumer', code: unit(5), reportedBy: 'intake' });
    expect(JSON.stringify(reports.reports)).to.not.include('patient@example.com');
    // The clue intake (every 20 s on the test network's gateway) makes the report a clue on the code, in the holder's region.
    const subjectId = `drugcodes/${unit(5)}`;
    const clue = await eventually('the report\'s clue', async () => (await api<RiskClue[]>(`/clues?subjectId=${encodeURIComponent(subjectId)}`, { token: admin })).body.find((c) => c.source === 'alert'), 90_000);
    expect(clue.alert).to.include({ domain: 'drug', itemId: `${productId}/${batchNumber}`, kind: 'adverseReaction' });
    expect(clue).to.include({ clueId: `alert:adr:${reports.reports[0].reportId as string}`, severity: 'medium', regionCode: '330100' });
  });

  it('takes the 20 digits typed into the entry page to the code\'s page', async () => {
    const form = await fetch(`${base()}/drugcodes?lang=en`);
    expect(await form.text()).to.include('Enter a drug trace code');
    const typed = unit(5).replace(/(\d{4})/g, '$1 ').trim();
    const redirect = await fetch(`${base()}/drugcodes?code=${encodeURIComponent(typed)}&lang=en`, { redirect: 'manual' });
    expect(redirect.status).to.equal(303);
    expect(redirect.headers.get('location')).to.equal(`/drugcodes/${unit(5)}?lang=en`);
    const wrong = await fetch(`${base()}/drugcodes?code=1234&lang=en`);
    expect(wrong.status).to.equal(400);
    expect(await wrong.text()).to.include('must be 20 digits');
  });

  it('answers every bad input 4xx naming the field and the reason, and writes nothing', async () => {
    const short = await sell([unit(3).slice(0, 19)], 7);
    expect(short.status).to.equal(400);
    expect(short.body.detail).to.match(/units\.0\.code: must be 20 digits .* but has 19/);
    const letters = await sell([`${unit(3).slice(0, 10)}X${unit(3).slice(11)}`], 7);
    expect(letters.status).to.equal(400);
    expect(letters.body.detail).to.match(/units\.0\.code: must be 20 digits, but has "X" at position 11/);
    const rival = await onboardEnterprise('custodial', ['drugMaker']);
    const notTheirs = await post(rival.token, '/drug/products', productRegistration(idCodes, { approvalNumber: '国药准字H20260001' }));
    expect(notTheirs.status).to.equal(403);
    expect(notTheirs.body.detail).to.match(/only the marketing-authorisation holder/);
    const unknownBatch = await post(holder.token, '/drug/commissionings', { productId, batchNumber: 'NOPE', level: 'unit', codes: [unit(90)] });
    expect(unknownBatch.status).to.equal(404);
    expect(unknownBatch.body.detail).to.match(/batchNumber: batch NOPE of product \d{7} is not registered/);
    const backwards = await post(holder.token, '/drug/batches', { productId, batchNumber: 'BACKWARDS', productionDate: '2026-10-01', expiryDate: '2026-09-01', quantities: { unit: 1 } });
    expect(backwards.status).to.equal(400);
    expect(backwards.body.detail).to.match(/expiryDate: must not be before productionDate/);
    const twoParents = await post(pharmacy.token, '/drug/packs', move({ parent: box(1), children: [unit(12)] }, 7));
    expect(twoParents.status).to.equal(409);
    expect(twoParents.body.detail).to.match(/is already packed in \d{20}; a child is in one parent at a time/);
    // A pack upload is all or nothing, and its refusal names the pack: unit 4 stays loose.
    const upload = await post(pharmacy.token, '/drug/pack-uploads', { packs: [move({ parent: box(1), children: [unit(4)] }, 7), move({ parent: kase(1), children: [unit(12)] }, 7)] });
    expect(upload.status).to.equal(409);
    expect(upload.body.detail).to.match(/^packs\.1\.children\.0: code \d{20} is already packed in \d{20}; a child is in one parent at a time/);
    const unknownInUpload = await post(pharmacy.token, '/drug/pack-uploads', { packs: [move({ parent: box(1), children: [codeOf(idCodes.unit, 4, 3)] }, 7)] });
    expect(unknownInUpload.status).to.equal(400);
    expect(unknownInUpload.body.detail).to.match(/^packs\.0\.children\.0: code \d{20} is unknown/);
    await created(pharmacy.token, '/drug/pack-uploads', { packs: [move({ parent: box(1), children: [unit(4)] }, 7)] });
    await created(pharmacy.token, '/drug/unpacks', move({ parent: box(1) }, 7.5));
    const stranger = uniqueUscc();
    const nowhere = await post(pharmacy.token, '/drug/shipments', move({ to: stranger, codes: [box(2)] }, 7));
    expect(nowhere.status).to.equal(400);
    expect(nowhere.body.detail).to.equal(`to: ${stranger} is not a registered enterprise`);
    const notInStock = await post(holder.token, '/drug/dispenses', { eventId: uniqueId('till'), kind: 'sale', location: { address: 'x', region: '330602' }, units: [{ code: unit(3), eventTime: at(7) }] });
    expect(notInStock.status).to.equal(403);
    const notDispenser = notInStock.body.detail as string;
    expect(notDispenser).to.match(/only a registered hospital or pharmacy/);
    const otherPharmacy = await onboardEnterprise('custodial', ['pharmacy']);
    const foreignStock = await post(otherPharmacy.token, '/drug/dispenses', { eventId: uniqueId('till'), kind: 'sale', location: { address: 'x', region: '330602' }, units: [{ code: unit(3), eventTime: at(7) }] });
    expect(foreignStock.status).to.equal(403);
    expect(foreignStock.body.detail).to.match(/units\.0\.code: code \d{20} is not in the stock of/);
    const unknown = await sell([codeOf(idCodes.unit, 3, 5)], 7);
    expect(unknown.status).to.equal(400);
    expect(unknown.body.detail).to.match(/units\.0\.code: code \d{20} is unknown/);
    // Nothing of it was written: unit 3 is still genuine and with the pharmacy.
    expect((await verify(unit(3))).body.verdict).to.equal('genuine');
  });

  it('answers the GS1 form of a code (GTIN of the level and the 13 digits of serial and check) as the 20 digits, and keeps GTINs to their owner', async () => {
    const brand = newBrand();
    await created(admin, '/admin/prefixes', { kind: 'gtin', prefix: brand.prefix, enterpriseId: holder.id });
    const gs1Codes = newIdCodes();
    for (const idCode of Object.values(gs1Codes)) await created(admin, '/admin/drug/identification-codes', { idCode, holderId: holder.id });
    const levels = [{ level: 'unit', idCode: gs1Codes.unit, gtin: brand.gtin }];
    const rivalClaim = await post((await onboardEnterprise('custodial', ['drugMaker'])).token, '/drug/products', productRegistration(gs1Codes, { levels }));
    expect(rivalClaim.status).to.equal(403);
    await created(holder.token, '/drug/products', productRegistration(gs1Codes, { levels }));
    const batch = uniqueId('G').replace(/[^A-Za-z0-9.-]/g, '').slice(-20);
    await created(holder.token, '/drug/batches', { productId: gs1Codes.unit, batchNumber: batch, productionDate: '2026-09-01', expiryDate: '2028-08-31', quantities: { unit: 5 } });
    const printed = codeOf(gs1Codes.unit, 7);
    await created(holder.token, '/drug/commissionings', { productId: gs1Codes.unit, batchNumber: batch, level: 'unit', codes: [printed], eventTime: at(0) });
    const scanned = await eventually('the GS1 form in the projection', async () => {
      const answer = await fetch(`${base()}/01/${brand.gtin}/21/${printed.slice(7)}`, { headers: { accept: 'application/json' } });
      const body = answer.status === 200 ? ((await answer.json()) as Record<string, unknown>) : undefined;
      return body?.verdict === 'genuine' ? body : undefined;
    }, 20_000);
    expect(scanned).to.include({ code: printed, verdict: 'genuine', level: 'unit' });
    // The DataMatrix's Digital Link with batch and expiry, in the path or the query: the same verdict.
    const json = async (path: string) => (await (await fetch(`${base()}${path}`, { headers: { accept: 'application/json' } })).json()) as Record<string, unknown>;
    const serial = printed.slice(7);
    expect(await json(`/01/${brand.gtin}/10/${batch}/21/${serial}?17=280831`)).to.deep.equal(scanned);
    expect(await json(`/01/${brand.gtin}/21/${serial}?10=${batch}&17=280800`)).to.deep.equal(scanned);
    // A genuine code on a label of another batch is a copy: suspect, saying what differs.
    const copied = await json(`/01/${brand.gtin}/10/OTHER1/21/${serial}?17=280831`);
    expect(copied).to.deep.include({ code: printed, verdict: 'suspect', labelMismatch: [{ field: 'batchNumber', printed: 'OTHER1', recorded: batch }] });
    const badExpiry = await fetch(`${base()}/01/${brand.gtin}/21/${serial}?17=2808`, { headers: { accept: 'application/json' } });
    expect(badExpiry.status).to.equal(400);
    const guessed = await (await fetch(`${base()}/01/${brand.gtin}/21/${printed.slice(7, 16)}0000`, { headers: { accept: 'application/json' } })).json() as Record<string, unknown>;
    expect(guessed).to.include({ verdict: 'unknown' });
  });

  it('tells a regulator where the batch is now', async () => {
    const whereabouts = await eventually('the batch in the projection', async () => {
      const answer = await api<Record<string, unknown>>(`/drug/batches/${productId}/${batchNumber}/whereabouts`, { token: admin });
      return answer.status === 200 && (answer.body.sold as number) >= 2 ? answer.body : undefined;
    }, 20_000);
    expect(whereabouts.holders).to.deep.equal({ [pharmacy.id]: { unit: 18, box: 2, case: 1 } });
    expect(whereabouts).to.deep.include({ sold: 2, dispensed: 0, commissioned: { unit: 20, box: 2, case: 1 } });
    const anonymous = await api(`/drug/batches/${productId}/${batchNumber}/whereabouts`);
    expect(anonymous.status).to.equal(401);
  });

  it('shows every unsold code of a recalled batch as recalled on the verify page and the resolver within 2 s of the opening', async () => {
    const opening = { reason: 'Impurity above the limit', domain: 'drug', level: 1, scope: { kind: 'batches', batches: [{ productId, batchNumber }] } };
    const opened = (await created(admin, '/recalls', opening)).result as { recalls: { recallId: string }[]; recallHolders: { enterpriseId: string; items: { itemId: string; quantity: number }[] }[] };
    const since = Date.now();
    // The holder shipped all 20 units on; the pharmacy holds them, the two it sold included (it reports those).
    expect(opened.recallHolders.map((h) => [h.enterpriseId, h.items.map((item) => [item.itemId, item.quantity])])).to.deep.equal([[pharmacy.id, [[`${productId}/${batchNumber}`, 20]]]]);
    const after = await eventually('the recall on the verify page', async () => ((await verify(unit(7))).body.verdict === 'recalled' ? Date.now() - since : undefined), 2_000);
    expect(after).to.be.below(2_000);
    const zh = await (await fetch(`${base()}/drugcodes/${unit(8)}?lang=zh`)).text();
    expect(zh).to.include('data-verdict="recalled"').and.include('该药品已被召回');
    expect((await verify(kase(1))).body.verdict).to.equal('recalled');
    // A unit sold before the recall still says it was sold: a second sale is the sign of a copy.
    expect((await verify(unit(1))).body.verdict).to.equal('dispensed');
    expect((await sell([unit(9)], 8)).status, 'held stock is not sold').to.equal(409);
  });
});
