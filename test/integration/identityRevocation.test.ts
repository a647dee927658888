import { expect } from 'chai';
import { CertAttributes, MspIds } from '../../model/src';
import { enrollIdentity } from '../../network/src/ca';
import { withContract } from '../../network/src/ledgerClient';
import { createTestLot, getLot, submit } from './coldchainFixtures';
import { api, craftedToken, eventually, onboardEnterprise, testAdminToken, traceEvent } from './gatewayClient';
import {
  asAdmin,
  decode,
  enrollRegulator,
  enrollRegulatorIdentity,
  refusalOf,
  registerTestEnterprise,
  regulatorRegistrationOf,
  requireNetwork,
  testLayout,
  uniqueId,
  uniqueUscc,
} from './testNetwork';

/** The `jti` claim of a token. */
const jtiOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { jti: string }).jti;

const quarantine = JSON.stringify({ state: 'quarantined', reason: 'sampling ordered' });

describe('taking identities and tokens back', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let admin: string;

  before(async () => {
    requireNetwork();
    admin = await testAdminToken();
  });

  /** A write that needs a working enterprise token: 201 while it works. */
  const writeWith = (token: string) => api('/trace/events', { token, idempotencyKey: uniqueId('k'), body: traceEvent() });

  /** A further token of an enterprise from the admin route (the binding comes from the projection, which may lag). */
  function tokenFor(enterpriseId: string): Promise<string> {
    return eventually(`a token for ${enterpriseId}`, async () => {
      const answer = await api<{ token: string }>(`/admin/enterprises/${enterpriseId}/tokens`, { token: admin, body: { expiresIn: '15m' } });
      if (answer.status === 404) return undefined;
      if (answer.status !== 201) throw new Error(`the token route answered ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.token;
    }, 30_000);
  }

  describe('enrollment ids are bound once', () => {
    it('refuses on chain a second binding of an identity, to another enterprise or to the same one', async () => {
      const first = await registerTestEnterprise(layout, 'supply', ['wholesaler']);
      const other = await registerTestEnterprise(layout, 'supply', ['retailer']);
      const bind = (enterpriseId: string) =>
        asAdmin(layout, (c) => c.submitTransaction('registry:bindIdentity', JSON.stringify({ enterpriseId, mspId: first.identity.mspId, enrollmentId: first.identity.enrollmentId })));
      expect(await refusalOf(bind(other.registration.id))).to.deep.equal({
        kind: 'CONFLICT',
        detail: `identity ${first.identity.enrollmentId}@SupplyOrgMSP is already bound to enterprise ${first.registration.id}; enroll a new identity instead`,
      });
      expect((await refusalOf(bind(first.registration.id))).kind).to.equal('CONFLICT');
    });

    it('refuses on chain to make an enterprise identity a regulator, or a regulator identity an enterprise\'s', async () => {
      const inspection = await registerTestEnterprise(layout, 'regulator', ['inspectionBody']);
      const asRegulator = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('registry:registerRegulator', JSON.stringify(regulatorRegistrationOf(inspection.identity)))));
      expect(asRegulator).to.deep.equal({
        kind: 'CONFLICT',
        detail: `identity ${inspection.identity.enrollmentId}@RegulatorOrgMSP is already bound to enterprise ${inspection.registration.id}; enroll a new identity instead`,
      });
      const regulator = await enrollRegulator(layout);
      const asEnterprise = await refusalOf(
        asAdmin(layout, (c) => c.submitTransaction('registry:bindIdentity', JSON.stringify({ enterpriseId: inspection.registration.id, mspId: MspIds.regulator, enrollmentId: regulator.enrollmentId }))),
      );
      expect(asEnterprise).to.deep.equal({
        kind: 'CONFLICT',
        detail: `identity ${regulator.enrollmentId}@RegulatorOrgMSP is already bound to regulator unit Hangzhou test market regulator (active); enroll a new identity instead`,
      });
      const twice = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('registry:registerRegulator', JSON.stringify(regulatorRegistrationOf(regulator)))));
      expect(twice.kind).to.equal('CONFLICT');
    });

    it('registers regulators only from the platform admin and only for RegulatorOrg identities', async () => {
      const regulator = await enrollRegulator(layout);
      const candidate = await enrollRegulatorIdentity(layout);
      const byRegulator = await refusalOf(withContract(layout, regulator, (c) => c.submitTransaction('registry:registerRegulator', JSON.stringify(regulatorRegistrationOf(candidate)))));
      expect(byRegulator.kind).to.equal('FORBIDDEN');
      expect(byRegulator.detail).to.include('only a RegulatorOrgMSP identity with role admin');
      const supply = await refusalOf(
        asAdmin(layout, (c) => c.submitTransaction('registry:registerRegulator', JSON.stringify({ ...regulatorRegistrationOf(candidate), mspId: MspIds.supply }))),
      );
      expect(supply).to.deep.equal({ kind: 'INVALID', detail: 'mspId: must be RegulatorOrgMSP: regulators are identities of the regulators\' organisation' });
    });

    it('refuses an onboarding whose enrollment id is already bound (409), before anything is written', async () => {
      const first = await onboardEnterprise();
      const id = uniqueUscc();
      const copycat = await api('/admin/enterprises', {
        token: admin,
        idempotencyKey: uniqueId('onboard'),
        body: { id, name: 'Copycat cold store', kinds: ['coldStore'], region: '330100', enrollmentId: first.enrollmentId },
      });
      expect(copycat.status).to.equal(409);
      expect(copycat.body.detail).to.equal(`enrollment id ${first.enrollmentId} at SupplyOrgMSP is already bound to enterprise ${first.id}; choose another enrollment id`);
      expect((await refusalOf(asAdmin(layout, (c) => c.evaluateTransaction('registry:getEnterprise', id)))).kind).to.equal('NOT_FOUND');
    });

    it('refuses to enroll a regulator under the enrollment id of an enterprise identity (409)', async () => {
      const inspection = await onboardEnterprise('custodial', ['inspectionBody']);
      const answer = await api('/admin/regulators', { token: admin, body: { enrollmentId: inspection.enrollmentId } });
      expect(answer.status).to.equal(409);
      expect(answer.body.detail).to.equal(`enrollment id ${inspection.enrollmentId} at RegulatorOrgMSP is already bound to enterprise ${inspection.id}; choose another enrollment id`);
    });
  });

  describe('custodial keys carry their owner', () => {
    it('does not sign with one enterprise\'s key for a token of another, even one the gateway signed', async () => {
      const firm = await onboardEnterprise();
      const rival = await onboardEnterprise();
      const borrowed = await craftedToken({ sub: rival.id, role: 'enterprise', msp: firm.mspId, enr: firm.enrollmentId, ent: rival.id }, '15m');
      const write = await writeWith(borrowed);
      expect(write.status).to.equal(403);
      expect(write.body.detail).to.equal(`the gateway's key for ${firm.enrollmentId}@SupplyOrgMSP belongs to enterprise ${firm.id}, not to this token's enterprise ${rival.id}`);
    });
  });

  describe('tokens can be revoked', () => {
    it('refuses one revoked token (401) by its jti while another token of the same enterprise works', async () => {
      const firm = await onboardEnterprise();
      const other = await tokenFor(firm.id);
      const revoked = await api('/admin/tokens/revoke', { token: admin, body: { jti: jtiOf(firm.token), reason: 'laptop stolen' } });
      expect(revoked.status).to.equal(201);
      expect(revoked.body.revoked).to.equal(`jti:${jtiOf(firm.token)}`);
      const refused = await writeWith(firm.token);
      expect(refused.status).to.equal(401);
      expect(refused.body.detail).to.equal('the token was revoked (laptop stolen)');
      expect((await writeWith(other)).status).to.equal(201);
    });

    it('refuses every token of an enterprise issued before a revocation of it (401) and accepts one issued after', async () => {
      const firm = await onboardEnterprise();
      const older = await tokenFor(firm.id);
      expect((await writeWith(older)).status).to.equal(201);
      const revoked = await api('/admin/tokens/revoke', { token: admin, body: { enterpriseId: firm.id } });
      expect(revoked.status).to.equal(201);
      expect(revoked.body.notBefore).to.be.a('string');
      for (const token of [firm.token, older]) {
        const refused = await writeWith(token);
        expect(refused.status).to.equal(401);
        expect(refused.body.detail).to.match(new RegExp(`^tokens of enterprise ${firm.id} issued before \\S+ were revoked$`));
      }
      expect((await writeWith(await tokenFor(firm.id))).status).to.equal(201);
    });

    it('refuses every token of an enrollment id issued before a revocation of it, for a regulator too', async () => {
      const enrollmentId = uniqueId('reg');
      const enrolled = await api<{ token: string; regulator: { unit: string; regions: string[]; status: string } }>('/admin/regulators', {
        token: admin,
        body: { enrollmentId, unit: '杭州市市场监督管理局', regions: ['330100'] },
      });
      expect(enrolled.status).to.equal(201);
      expect(enrolled.body.regulator).to.deep.include({ unit: '杭州市市场监督管理局', regions: ['330100'], status: 'active' });
      expect((await api('/enterprises', { token: enrolled.body.token })).status).to.equal(200);
      expect((await api('/admin/tokens/revoke', { token: admin, body: { enrollmentId } })).status).to.equal(201);
      const refused = await api('/enterprises', { token: enrolled.body.token });
      expect(refused.status).to.equal(401);
      expect(refused.body.detail).to.match(new RegExp(`^tokens of enrollment id ${enrollmentId} issued before \\S+ were revoked$`));
      const again = await api<{ token: string }>(`/admin/regulators/${enrollmentId}/tokens`, { token: admin, body: {} });
      expect(again.status).to.equal(201);
      expect((await api('/enterprises', { token: again.body.token })).status).to.equal(200);
    });

    it('refuses a revocation that names no target or two', async () => {
      expect((await api('/admin/tokens/revoke', { token: admin, body: {} })).status).to.equal(400);
      const two = await api('/admin/tokens/revoke', { token: admin, body: { jti: 'x', enrollmentId: 'someone' } });
      expect(two.status).to.equal(400);
      expect(two.body.detail).to.equal('(body): name exactly one of jti, enterpriseId, enrollmentId');
    });
  });

  describe('revoked principals lose their tokens', () => {
    it('issues no token for a revoked enterprise (409) and stops its unexpired token (403)', async () => {
      const firm = await onboardEnterprise();
      expect((await writeWith(firm.token)).status).to.equal(201);
      const revoke = await api(`/admin/enterprises/${firm.id}/revoke`, { token: admin, idempotencyKey: uniqueId('k'), body: { reason: 'licence withdrawn' } });
      expect(revoke.status).to.equal(201);
      const refused = await writeWith(firm.token);
      expect(refused.status).to.equal(403);
      expect(refused.body.detail).to.match(new RegExp(`^enterprise ${firm.id} was revoked on the ledger at \\S+: its tokens are no longer accepted$`));
      const issued = await api(`/admin/enterprises/${firm.id}/tokens`, { token: admin, body: {} });
      expect(issued.status).to.equal(409);
      expect(issued.body.detail).to.match(new RegExp(`^enterprise ${firm.id} was revoked on the ledger at \\S+; no token is issued for it$`));
    });

    it('stops a revoked regulator\'s token (403) and issues it no new one (409)', async () => {
      const enrollmentId = uniqueId('reg');
      const enrolled = await api<{ token: string }>('/admin/regulators', { token: admin, body: { enrollmentId } });
      expect(enrolled.status).to.equal(201);
      const revoke = await api(`/admin/regulators/${enrollmentId}/revoke`, { token: admin, idempotencyKey: uniqueId('k'), body: { reason: 'left the inspection service' } });
      expect(revoke.status).to.equal(201);
      const refused = await api('/enterprises', { token: enrolled.body.token });
      expect(refused.status).to.equal(403);
      expect(refused.body.detail).to.match(new RegExp(`^regulator identity ${enrollmentId} was revoked on the ledger at \\S+: its tokens are no longer accepted$`));
      expect((await api(`/admin/regulators/${enrollmentId}/tokens`, { token: admin, body: {} })).status).to.equal(409);
      expect((await api('/admin/regulators', { token: admin, body: { enrollmentId } })).status).to.equal(409);
    });
  });

  describe('chaincode honours roles only where the ledger and the organisation vouch for them', () => {
    it('lets a regulator certificate set holds only while its on-chain binding is active', async () => {
      const owner = await registerTestEnterprise(layout, 'supply', ['importer']);
      const held = await createTestLot(layout, owner);
      const untouched = await createTestLot(layout, owner);
      const claimant = await enrollRegulatorIdentity(layout);
      expect(await refusalOf(submit(layout, claimant, 'coldchain:setHold', held, quarantine))).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `regulator identity ${claimant.enrollmentId}@RegulatorOrgMSP is not registered on the ledger`,
      });
      const regulator = await enrollRegulator(layout);
      await submit(layout, regulator, 'coldchain:setHold', held, quarantine);
      await asAdmin(layout, (c) => c.submitTransaction('registry:revokeRegulator', regulator.enrollmentId, 'left the inspection service'));
      for (const [fn, lotId, argument] of [['coldchain:setHold', untouched, quarantine], ['coldchain:liftHold', held, JSON.stringify({ reason: 'samples passed' })]]) {
        const refusal = await refusalOf(submit(layout, regulator, fn, lotId, argument));
        expect(refusal.kind).to.equal('FORBIDDEN');
        expect(refusal.detail).to.match(new RegExp(`^regulator identity ${regulator.enrollmentId}@RegulatorOrgMSP was revoked at \\S+ and may not act as a regulator$`));
      }
      expect((await getLot(layout, owner, untouched)).hold).to.equal(undefined);
      expect((await getLot(layout, owner, held)).hold).to.include({ state: 'quarantined', setBy: `regulator:${regulator.enrollmentId}` });
    });

    it('ignores an intake role in a certificate of an enterprise organisation', async () => {
      const owner = await registerTestEnterprise(layout, 'supply', ['importer']);
      const lotId = await createTestLot(layout, owner);
      const enrollmentId = uniqueId('fake-intake');
      const impostor = await enrollIdentity(layout.orgs.supply, enrollmentId, 'client', layout.userDir(layout.orgs.supply, enrollmentId), { [CertAttributes.role]: 'intake' });
      const complaint = JSON.stringify({ subjectId: lotId, category: 'quality', text: 'smells off after thawing' });
      expect(await refusalOf(withContract(layout, impostor, (c) => c.submitTransaction('clues:fileConsumerComplaint', complaint)))).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `only the RegulatorOrgMSP intake identity may file consumer reports; caller is ${enrollmentId}@SupplyOrgMSP`,
      });
      expect(await refusalOf(withContract(layout, impostor, (c) => c.submitTransaction('coldchain:checkTemperatureCoverage', lotId)))).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `identity ${enrollmentId}@SupplyOrgMSP is not bound to any registered enterprise`,
      });
      const me = decode(await withContract(layout, impostor, (c) => c.evaluateTransaction('registry:whoAmI'))) as Record<string, unknown>;
      expect(me).to.include({ mspId: 'SupplyOrgMSP', enrollmentId });
      expect(me).to.not.have.property('role');
    });
  });
});
