import { expect } from 'chai';
import { lotIdOf, serialOf } from '../../model/src';
import { brandOf, createTestLot, GTIN, lotRegistration, newBrand, newLotNumber, Places, scenarioClock, submit, uniqueSerialPrefix } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, testAdminToken } from './gatewayClient';
import { asAdmin, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';

describe('hostile writers: brands own their identifiers', function () {
  this.timeout(180_000);
  const layout = testLayout();
  let brandOwner: TestEnterprise;
  let rival: TestEnterprise;
  let importer: TestEnterprise;
  let brand: { prefix: string; gtin: string };

  before(async () => {
    requireNetwork();
    brandOwner = await registerTestEnterprise(layout, 'supply', ['producer']);
    rival = await registerTestEnterprise(layout, 'supply', ['producer', 'importer']);
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    brand = await brandOf(layout, brandOwner);
  });

  const domesticLot = (gtin: string) => JSON.stringify(lotRegistration({ gtin, lotType: 'domestic', originCountry: 'CN' }));

  it("refuses a rival's lot under a registered brand's GTIN until the owner delegates the prefix", async () => {
    expect((await submit(layout, brandOwner, 'coldchain:createLot', domesticLot(brand.gtin))).lots).to.have.length(1);
    const refusal = await refusalOf(submit(layout, rival, 'coldchain:createLot', domesticLot(brand.gtin)));
    expect(refusal.kind).to.equal('FORBIDDEN');
    expect(refusal.detail).to.match(new RegExp(`^GTIN ${brand.gtin} belongs to enterprise ${brandOwner.registration.id} \\(company prefix ${brand.prefix}\\); ${rival.registration.id} may create lot .* only under its own prefixes or with a delegation that owner records$`));
    // Posing as an importer of a foreign brand does not get round an owned prefix either.
    const imported = await refusalOf(submit(layout, rival, 'coldchain:createLot', JSON.stringify(lotRegistration({ gtin: brand.gtin }))));
    expect(imported.detail).to.match(/^GTIN .* belongs to enterprise/);

    await submit(layout, brandOwner, 'brands:delegatePrefix', JSON.stringify({ kind: 'gtin', prefix: brand.prefix, delegateId: rival.registration.id, purpose: 'contract packing of chilled pork loin' }));
    expect((await submit(layout, rival, 'coldchain:createLot', domesticLot(brand.gtin))).lots).to.have.length(1);
    await submit(layout, brandOwner, 'brands:withdrawDelegation', 'gtin', brand.prefix, rival.registration.id);
    expect((await refusalOf(submit(layout, rival, 'coldchain:createLot', domesticLot(brand.gtin)))).kind).to.equal('FORBIDDEN');
  });

  it('lets only the platform admin assign a prefix, once, and only its owner delegate it', async () => {
    const other = newBrand();
    const byEnterprise = await refusalOf(submit(layout, rival, 'brands:assignPrefix', JSON.stringify({ kind: 'gtin', prefix: other.prefix, enterpriseId: rival.registration.id })));
    expect(byEnterprise.kind).to.equal('FORBIDDEN');
    const twice = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('brands:assignPrefix', JSON.stringify({ kind: 'gtin', prefix: brand.prefix, enterpriseId: rival.registration.id }))));
    expect(twice).to.deep.equal({ kind: 'CONFLICT', detail: `gtin company prefix ${brand.prefix} is already assigned to ${brandOwner.registration.id}` });
    const selfDelegation = await refusalOf(submit(layout, rival, 'brands:delegatePrefix', JSON.stringify({ kind: 'gtin', prefix: brand.prefix, delegateId: rival.registration.id, purpose: 'relabelling' })));
    expect(selfDelegation).to.deep.equal({ kind: 'FORBIDDEN', detail: `only the owner of gtin company prefix ${brand.prefix} may delegate it; ${rival.registration.id} does not own it` });
  });

  it("takes a foreign brand's GTIN only from an importer, for an imported lot with its customs declaration", async () => {
    // The fixtures' GTIN belongs to no enterprise on the platform, like the demo importer's lot.
    const lotId = await createTestLot(layout, importer);
    expect(lotId.startsWith(`01/${GTIN}/10/`)).to.equal(true);
    const withoutDeclaration = await refusalOf(submit(layout, importer, 'coldchain:createLot', JSON.stringify(lotRegistration({ customsDeclarationNumber: undefined }))));
    expect(withoutDeclaration.detail).to.match(/^no enterprise on the platform owns the company prefix of GTIN 09521234543213; only a registered importer may use a foreign brand's GTIN, for an imported lot with its customsDeclarationNumber/);
    const producer = await refusalOf(submit(layout, brandOwner, 'coldchain:createLot', domesticLot(GTIN)));
    expect(producer.kind).to.equal('FORBIDDEN');
  });

  it('refuses a relabelling split into a GTIN the maker may not use, and takes one into its own', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    const split = (gtin: string) => JSON.stringify({ eventId: uniqueId('split'), lotId, eventTime: at(1), location: Places.ningboPort, children: [{ gtin, lotNumber: newLotNumber(), quantity: 10 }] });
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:splitLot', split(brand.gtin)));
    expect(refusal.detail).to.match(new RegExp(`^GTIN ${brand.gtin} belongs to enterprise ${brandOwner.registration.id}`));
    const own = await brandOf(layout, importer);
    const relabelled = await submit(layout, importer, 'coldchain:splitLot', split(own.gtin));
    expect(relabelled.lineage.map((link) => link.childId)).to.have.length(1);
  });

  it("mints signed serial codes only for runs commissioned on the caller's own lots", async () => {
    const owner = await onboardEnterprise('custodial', ['importer']);
    const stranger = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    const lotPath = `/coldchain/lots/${encodeURIComponent(lotIdOf(registration.gtin as string, registration.lotNumber as string))}`;
    const post = (token: string, route: string, body: unknown) => api(route, { token, idempotencyKey: uniqueId('k'), body });
    expect((await post(owner.token, '/coldchain/lots', registration)).status).to.equal(201);
    const prefix = uniqueSerialPrefix();
    expect((await post(owner.token, `${lotPath}/units`, { serialPrefix: prefix, from: 1, count: 10 })).status).to.equal(201);
    /** A code run's answer: a streamed ZIP when allowed, a problem document when not. */
    const codes = async (token: string, from: number, count: number): Promise<{ status: number; detail?: string }> => {
      const response = await fetch(`http://127.0.0.1:${layout.gatewayPort}/codes/serials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ gtin: GTIN, serialPrefix: prefix, from, count }),
      });
      return response.status === 200 ? (await response.arrayBuffer(), { status: 200 }) : { status: response.status, detail: ((await response.json()) as { detail: string }).detail };
    };
    await eventually('the run in the projection', async () => ((await codes(owner.token, 1, 10)).status === 200 ? true : undefined), 20_000);
    expect(await codes(stranger.token, 1, 10)).to.deep.equal({
      status: 403,
      detail: `serial ${serialOf(prefix, 1)} of GTIN ${GTIN} is not commissioned on a lot of enterprise ${stranger.id}; commission the run on your own lot first (POST /coldchain/lots/{lotId}/units)`,
    });
    const beyond = await codes(owner.token, 5, 10);
    expect(beyond.status).to.equal(403);
    expect(beyond.detail).to.match(new RegExp(`^serial ${serialOf(prefix, 11)} of GTIN`));
    // The platform admin may print anything (re-issuing damaged labels, for example).
    expect((await codes(await testAdminToken(), 1, 1)).status).to.equal(200);
  });
});
