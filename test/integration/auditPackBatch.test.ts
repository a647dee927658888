import { expect } from 'chai';
import { entriesOf, verifyPack, type TrustAnchor } from '../../gateway/src/auditPacks';
import { scenarioClock } from './coldchainFixtures';
import { codesOf, newIdCodes, productRegistration } from './drugFixtures';
import { api, onboardEnterprise, testAdminToken } from './gatewayClient';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';

describe('audit packs of a drug batch', function () {
  this.timeout(300_000);

  it('names the batch as <productId>/<batchNumber> and holds the batch record its registration wrote', async () => {
    requireNetwork();
    const at = scenarioClock();
    const admin = await testAdminToken();
    const holder = await onboardEnterprise('custodial', ['drugMaker']);
    const idCodes = newIdCodes();
    const productId = idCodes.unit;
    const batchNumber = uniqueId('PB').replace(/[^A-Za-z0-9.-]/g, '').slice(-20);
    const created = async (token: string, route: string, body: unknown): Promise<void> => {
      const answer = await api(route, { token, idempotencyKey: uniqueId('pack-drug'), body });
      expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(201);
    };
    for (const idCode of Object.values(idCodes)) await created(admin, '/admin/drug/identification-codes', { idCode, holderId: holder.id });
    await created(holder.token, '/drug/products', productRegistration(idCodes));
    await created(holder.token, '/drug/batches', { productId, batchNumber, productionDate: '2026-09-01', expiryDate: '2028-08-31', quantities: { unit: 100, box: 10, case: 5 } });
    await created(holder.token, '/drug/commissionings', { productId, batchNumber, level: 'unit', codes: codesOf(idCodes.unit, 1, 5), eventTime: at(0) });

    const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}/regulator/audit-packs/batch/${encodeURIComponent(`${productId}/${batchNumber}`)}?mode=party`, { headers: { authorization: `Bearer ${admin}` } });
    const pack = Buffer.from(await response.arrayBuffer());
    expect(response.status, pack.toString('utf8').slice(0, 300)).to.equal(200);
    const anchor = (await api<TrustAnchor>('/audit-packs/trust-anchor')).body;
    const verdict = await verifyPack(pack, anchor);
    expect(verdict.reasons).to.deep.equal([]);
    const records = JSON.parse((await entriesOf(pack)).get('records.json')?.toString('utf8') ?? '[]') as { key: string; value: string }[];
    const batch = records.find((r) => r.key.startsWith('\u0000tl.drug.batch\u0000'));
    expect(JSON.parse(batch?.value ?? '{}')).to.include({ productId, batchNumber });
    expect((await api(`/regulator/audit-packs/batch/${encodeURIComponent(`${productId}/none`)}`, { token: admin })).status).to.equal(404);
  });
});
