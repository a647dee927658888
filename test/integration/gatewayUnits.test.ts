import { expect } from 'chai';
import { lotIdOf, RequiredDocuments, serialOf } from '../../model/src';
import type { GatewayServices } from '../../gateway/src/services';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';
import { custodyEvent, documentOf, lotRegistration, Places, scenarioClock, uniqueSerialPrefix } from './coldchainFixtures';

interface ResolvedUnit {
  banners: string[];
  lot: { id: string };
  unit?: { serial: string; sale?: { soldBy: string; soldByName: string; day: string } };
}

describe('serialised units through the gateway: sale, resolver and clone detection after sale', function () {
  this.timeout(180_000);
  const at = scenarioClock();
  const prefix = uniqueSerialPrefix();
  const gtin = '09521234543213';
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  let importer: OnboardedEnterprise;
  let lotId: string;
  let unitsPath: string;
  // A second gateway in this process behind a (pretend) reverse proxy, so each scan can come from its own client network.
  let gateway: InProcessGateway;
  let services: GatewayServices;
  let proxied: string;

  const post = (who: OnboardedEnterprise, route: string, body: unknown) => api<Record<string, unknown>>(route, { token: who.token, idempotencyKey: uniqueId('k'), body });
  const resolve = async (serial: string, headers: Record<string, string> = { accept: 'application/json' }) => fetch(`${base()}/01/${gtin}/21/${serial}`, { headers });
  const sold = (n: number) => eventually(`the sale of ${serialOf(prefix, n)} in the projection`, async () => {
    const answer = await resolve(serialOf(prefix, n));
    const body = answer.status === 200 ? ((await answer.json()) as ResolvedUnit) : undefined;
    return body?.unit?.sale ? body : undefined;
  }, 20_000);

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    unitsPath = `/coldchain/lots/${encodeURIComponent(lotId)}`;
    expect((await post(importer, '/coldchain/lots', registration)).status).to.equal(201);
    // Units are sold only from a lot released for sale, which needs its entry documents.
    for (const kind of RequiredDocuments.imported) expect((await post(importer, `${unitsPath}/documents`, documentOf(kind))).status).to.equal(201);
    expect((await post(importer, '/coldchain/custody', custodyEvent('releaseForSale', lotId, at(0.5), Places.ningboPort))).status).to.equal(201);
    gateway = await startInProcessGateway((config) => {
      config.trustProxy = true;
    });
    ({ services, base: proxied } = gateway);
  });
  after(async () => {
    await gateway?.close();
  });

  it('commissions units of a lot and records their sale, answering refusals with clear 4xx', async () => {
    const commissioned = await post(importer, `${unitsPath}/units`, { serialPrefix: prefix, from: 1, count: 50, eventTime: at(0) });
    expect(commissioned.status).to.equal(201);
    expect((commissioned.body.result as { unitRuns: unknown[] }).unitRuns[0]).to.include({ lotId, serialPrefix: prefix, from: 1, count: 50 });
    const overlap = await post(importer, `${unitsPath}/units`, { serialPrefix: prefix, from: 50, count: 10 });
    expect(overlap.status).to.equal(409);
    expect(overlap.body.detail).to.match(/overlap/);
    const badPrefix = await post(importer, `${unitsPath}/units`, { serialPrefix: 'SN1', from: 1, count: 1 });
    expect(badPrefix.status).to.equal(400);
    expect(badPrefix.body.detail).to.match(/^serialPrefix: must be up to 8 letters/);
    const stranger = await onboardEnterprise('custodial', ['importer']);
    expect((await post(stranger, `${unitsPath}/units`, { serialPrefix: prefix, from: 100, count: 1 })).status).to.equal(403);
    const sales = await post(importer, `${unitsPath}/unit-sales`, { sales: [1, 2, 3].map((n) => ({ serial: serialOf(prefix, n), eventTime: at(1) })) });
    expect(sales.status).to.equal(201);
    expect((sales.body.result as { unitSales: unknown[] }).unitSales).to.have.length(3);
    const outside = await post(importer, `${unitsPath}/unit-sales`, { sales: [{ serial: serialOf(prefix, 51), eventTime: at(1) }] });
    expect(outside.status).to.equal(400);
    expect(outside.body.detail).to.equal(`sales[0]: serial ${serialOf(prefix, 51)} is not a commissioned unit of lot ${lotId}`);
  });

  it('resolves a sold serial to its lot with the sold banner first, in JSON and on the page', async () => {
    const body = await sold(1);
    expect(body.banners[0]).to.equal('sold');
    expect(body.lot.id).to.equal(lotId);
    expect(body.unit).to.deep.equal({ serial: serialOf(prefix, 1), sale: { soldBy: importer.id, soldByName: `Gateway test ${importer.enrollmentId}`, day: at(1).slice(0, 10) } });
    const en = await (await resolve(serialOf(prefix, 1), { 'accept-language': 'en' })).text();
    // The public page shows the day of the sale as written at the shop (at() writes Shanghai's offset): 29 Nov 2026.
    const soldAt = new Date(`${at(1).slice(0, 10)}T00:00:00Z`).toLocaleString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
    expect(en).to.include('data-banner="sold"').and.include(`This unit was sold on ${soldAt} by Gateway test ${importer.enrollmentId}`);
    expect(en.indexOf('data-banner="sold"'), 'the sold banner comes first').to.equal(en.indexOf('data-banner='));
    expect(en).to.include(`value="01/${gtin}/21/${serialOf(prefix, 1)}"`);
    const zh = await (await resolve(serialOf(prefix, 1), { 'accept-language': 'zh-CN' })).text();
    expect(zh).to.include('data-banner="sold"').and.include('售出');
  });

  it('resolves an unsold serial of a run without the sold banner and an unknown serial as 404', async () => {
    const unsold = await resolve(serialOf(prefix, 4));
    expect(unsold.status).to.equal(200);
    const body = (await unsold.json()) as ResolvedUnit;
    expect(body.unit).to.deep.equal({ serial: serialOf(prefix, 4) });
    expect(body.banners).not.to.include('sold');
    expect((await resolve(serialOf(prefix, 51))).status).to.equal(404);
    expect((await resolve(`${prefix}00000001`)).status).to.equal(404);
  });

  it('resolves serials of a run that spans two buckets of a thousand numbers', async () => {
    expect((await post(importer, `${unitsPath}/units`, { serialPrefix: prefix, from: 990, count: 20 })).status).to.equal(201);
    const across = await eventually('the spanning run in the projection', async () => {
      const answer = await resolve(serialOf(prefix, 1005));
      return answer.status === 200 ? ((await answer.json()) as ResolvedUnit) : undefined;
    }, 20_000);
    expect(across.lot.id).to.equal(lotId);
    expect((await resolve(serialOf(prefix, 990))).status).to.equal(200);
    expect((await resolve(serialOf(prefix, 1010))).status).to.equal(404);
  });

  const scan = (serial: string, client: string) => fetch(`${proxied}/01/${gtin}/21/${serial}`, { headers: { 'x-forwarded-for': client, accept: 'application/json' } });
  const cluesOf = async (serial: string): Promise<{ source: string; anomaly?: Record<string, unknown> }[]> => {
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    return (await api<{ source: string }[]>(`/clues?subjectId=${encodeURIComponent(`01/${gtin}/21/${serial}`)}`, { token: regulator.body.token })).body;
  };

  it('files one risk clue when three client networks scan a unit after its sale, but not for one client scanning often', async () => {
    // Waits on the store itself: every resolve is a scan, and would count as one more client.
    for (const n of [2, 3]) {
      await eventually(`the sale of unit ${n} in the projection`, async () => (await services.projector.models.unitSales.findById(`${gtin}|${serialOf(prefix, n)}`).lean()) ?? undefined, 20_000);
    }
    for (let i = 0; i < 10; i++) expect((await scan(serialOf(prefix, 2), '203.0.113.7')).status).to.equal(200);
    await services.scans.flush();
    for (const client of ['198.51.100.10', '192.0.2.20', '100.64.0.40']) expect((await scan(serialOf(prefix, 3), client)).status).to.equal(200);
    await services.scans.flush();
    const clues = await eventually('the after-sale clue in the projection', async () => {
      const found = await cluesOf(serialOf(prefix, 3));
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(clues).to.have.length(1);
    expect(clues[0].source).to.equal('scanMonitor');
    expect(clues[0].anomaly).to.deep.equal({ reason: 'scannedAfterSale', soldAt: at(1), clients: 3, scans: 3 });
    const stored = await services.store.collection('primary_scan_after_sale').findOne({ _id: `01/${gtin}/21/${serialOf(prefix, 2)}` as never });
    expect(stored?.clients).to.have.length(1);
    expect(stored?.scans).to.equal(10);
    expect(await cluesOf(serialOf(prefix, 2))).to.deep.equal([]);
  });
});
