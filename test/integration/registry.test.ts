import { expect } from 'chai';
import { enrollEnterpriseIdentity } from '../../network/src/identities';
import { withContract } from '../../network/src/ledgerClient';
import { asAdmin, decode, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, uniqueUscc } from './testNetwork';

describe('enterprise registry', function () {
  this.timeout(120_000);
  const layout = testLayout();
  before(requireNetwork);

  it('lets the RegulatorOrg admin register an enterprise and bind an identity that chaincode then recognises', async () => {
    const { registration, identity } = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    const me = decode(await withContract(layout, identity, (c) => c.evaluateTransaction('registry:whoAmI'))) as Record<string, unknown>;
    expect(me).to.include({ mspId: 'SupplyOrgMSP', enrollmentId: identity.enrollmentId, role: 'enterprise', boundEnterpriseId: registration.id, enterpriseStatus: 'active' });
    const stored = decode(await asAdmin(layout, (c) => c.evaluateTransaction('registry:getEnterprise', registration.id))) as Record<string, unknown>;
    expect(stored).to.include({ id: registration.id, mspId: 'SupplyOrgMSP', status: 'active', registeredBy: 'admin.regulator@RegulatorOrgMSP' });
  });

  it('refuses registration by an identity that is not the platform admin', async () => {
    const { identity } = await registerTestEnterprise(layout, 'supply', ['wholesaler']);
    const registration = { id: uniqueUscc(), name: 'Self-registered', kinds: ['retailer'], region: '330100' };
    const refusal = await refusalOf(withContract(layout, identity, (c) => c.submitTransaction('registry:registerEnterprise', JSON.stringify(registration))));
    expect(refusal.kind).to.equal('FORBIDDEN');
    expect(refusal.detail).to.include('only a RegulatorOrgMSP identity with role admin');
  });

  it('refuses a second registration of the same credit code', async () => {
    const { registration } = await registerTestEnterprise(layout, 'equipment', ['elevatorOwner']);
    const refusal = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('registry:registerEnterprise', JSON.stringify(registration))));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `enterprise ${registration.id} is already registered` });
  });

  it('refuses a registration with bad fields and names each of them', async () => {
    const refusal = await refusalOf(
      asAdmin(layout, (c) => c.submitTransaction('registry:registerEnterprise', JSON.stringify({ id: '123', name: '', kinds: ['bakery'], region: '33' }))),
    );
    expect(refusal.kind).to.equal('INVALID');
    for (const field of ['id:', 'name:', 'kinds.0:', 'region:']) {
      expect(refusal.detail).to.include(field);
    }
  });

  it('refuses to bind an identity of another organisation than the enterprise belongs to', async () => {
    const { registration } = await registerTestEnterprise(layout, 'supply', ['pharmacy']);
    const stranger = await enrollEnterpriseIdentity(layout.orgs.equipment, uniqueId('stranger'), registration.id);
    const refusal = await refusalOf(
      asAdmin(layout, (c) =>
        c.submitTransaction('registry:bindIdentity', JSON.stringify({ enterpriseId: registration.id, mspId: stranger.mspId, enrollmentId: stranger.enrollmentId })),
      ),
    );
    expect(refusal.kind).to.equal('INVALID');
    expect(refusal.detail).to.equal(`enterprise ${registration.id} belongs to SupplyOrgMSP, not EquipmentOrgMSP`);
  });
});
