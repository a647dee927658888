import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enrollSelf, type SelfEnrollmentTicket } from '../../gateway/src/client';
import { CertAttributes, keyFingerprintOf, MspIds, type Rekeyed } from '../../model/src';
import { caEndpoint, enrollIdentity, keyFingerprintOfIdentity, LOCAL_TLS_HOSTS, registerIdentity, tlsEnrollmentId, type EnrolledIdentity } from '../../network/src/ca';
import { enrollEnterpriseIdentity } from '../../network/src/identities';
import type { OrgLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { run } from '../../network/src/processes';
import { binary } from '../../network/src/tools';
import { api, craftedToken, onboardEnterprise, testAdminToken, traceEvent } from './gatewayClient';
import { asAdmin, bindingOf, decode, refusalOf, registerTestEnterprise, regulatorRegistrationOf, requireNetwork, testLayout, uniqueId } from './testNetwork';

/**
 * Enrollment secrets enroll once, bindings pin one certificate key, and re-keying retires a binding
 * (issue 11 item 4). The chaincode decides from the submitter's certificate; the CA's refusal of a
 * second enrollment is shown apart, since a hostile CA operator could issue certificates anyway.
 */
describe('identity keys', function () {
  this.timeout(300_000);
  const layout = testLayout();
  const scratch: string[] = [];

  before(requireNetwork);
  after(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  const scratchDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-keys-'));
    scratch.push(dir);
    return dir;
  };

  const ticketOf = (org: OrgLayout, enrollmentId: string, enrollmentSecret: string): SelfEnrollmentTicket => {
    const ca = caEndpoint(org);
    return { enrollmentId, enrollmentSecret, caUrl: ca.url, caName: ca.caName, caTlsCertPem: ca.tlsCertPem };
  };

  /** Enrolls with the ticket into a fresh folder, as a non-custodial holder would, and returns the identity. */
  async function enrollWith(org: OrgLayout, ticket: SelfEnrollmentTicket): Promise<EnrolledIdentity> {
    const dir = scratchDir();
    await enrollSelf(ticket, dir, binary('fabric-ca-client'));
    const keystore = path.join(dir, 'msp', 'keystore');
    const [key] = fs.readdirSync(keystore);
    return {
      mspId: org.mspId,
      enrollmentId: ticket.enrollmentId,
      mspDir: path.join(dir, 'msp'),
      certificate: path.join(dir, 'msp', 'signcerts', 'cert.pem'),
      privateKey: path.join(keystore, key),
      tlsDir: path.join(dir, 'tls'),
    };
  }

  /**
   * What a leaked secret amounts to when the CA lets it enroll again: the CA's own admin registers an
   * identity with two enrollments, so one enrollment id gets two certificates with different keys.
   */
  async function twoCertificatesOf(org: OrgLayout, attributes: Record<string, string>): Promise<[EnrolledIdentity, EnrolledIdentity]> {
    const enrollmentId = uniqueId('leaky');
    const secret = crypto.randomBytes(18).toString('base64url');
    const attrs = Object.entries(attributes).map(([name, value]) => `${name}=${value}:ecert`).join(',');
    await run(binary('fabric-ca-client'), [
      'register', '-u', caEndpoint(org).url, '--id.name', enrollmentId, '--id.secret', secret, '--id.type', 'client', '--id.maxenrollments', '2', '--id.attrs', attrs,
      // The CA's registrar, as network/src/ca.ts keeps it.
      '--caname', caEndpoint(org).caName, '--tls.certfiles', path.join(org.caHome, 'ca-cert.pem'), '--home', path.join(org.caHome, 'registrar'),
    ]);
    const ticket = ticketOf(org, enrollmentId, secret);
    return [await enrollWith(org, ticket), await enrollWith(org, ticket)];
  }

  const recordEvent = (identity: EnrolledIdentity) => withContract(layout, identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(traceEvent())));
  const whoAmI = async (identity: EnrolledIdentity) => decode(await withContract(layout, identity, (c) => c.evaluateTransaction('registry:whoAmI'))) as Record<string, unknown>;

  describe('enrollment secrets enroll once', () => {
    it('has the CA refuse a second enrollment with the same secret', async () => {
      const org = layout.orgs.supply;
      const enrollmentId = uniqueId('once');
      const secret = await registerIdentity(org, enrollmentId, 'client', { [CertAttributes.role]: 'enterprise' });
      const ticket = ticketOf(org, enrollmentId, secret);
      const first = await enrollWith(org, ticket);
      expect(fs.readFileSync(first.certificate, 'utf8')).to.include('BEGIN CERTIFICATE');
      let secondError: unknown;
      await enrollWith(org, ticket).catch((error: unknown) => {
        secondError = error;
      });
      expect(secondError, 'a second enrollment with the same secret succeeded').to.be.instanceOf(Error);
      expect((secondError as Error).message).to.match(/^fabric-ca-client enroll failed/);
      // The CA answers a bare authentication failure; its log says why.
      expect(fs.readFileSync(layout.logFile(`ca-${org.key}`), 'utf8')).to.include(
        `The identity ${enrollmentId} has already enrolled 1 times, it has reached its maximum enrollment allowance`,
      );
    });

    it('enrolls a TLS certificate from a registration of its own and keeps no secret once enrolled', async () => {
      const org = layout.orgs.supply;
      const enrollmentId = uniqueId('tlsuser');
      const dir = scratchDir();
      const identity = await enrollIdentity(org, enrollmentId, 'client', dir, { [CertAttributes.role]: 'enterprise' }, LOCAL_TLS_HOSTS);
      const signing = new crypto.X509Certificate(fs.readFileSync(identity.certificate));
      const tls = new crypto.X509Certificate(fs.readFileSync(path.join(identity.tlsDir, 'server.crt')));
      expect(signing.subject.split('\n')).to.include(`CN=${enrollmentId}`);
      expect(tls.subject.split('\n')).to.include(`CN=${tlsEnrollmentId(enrollmentId)}`);
      expect(keyFingerprintOf(tls.raw)).to.not.equal(keyFingerprintOfIdentity(identity));
      expect(fs.readdirSync(dir).filter((file) => /secret/.test(file))).to.deep.equal([]);
    });

    it('enrolls no TLS certificate for a client identity that asks for none', async () => {
      const dir = scratchDir();
      const identity = await enrollIdentity(layout.orgs.supply, uniqueId('notls'), 'client', dir);
      expect(fs.existsSync(identity.privateKey)).to.equal(true);
      expect(fs.existsSync(identity.tlsDir)).to.equal(false);
      expect(fs.readdirSync(dir).filter((file) => /secret/.test(file))).to.deep.equal([]);
    });
  });

  describe('bindings pin one certificate key', () => {
    it('refuses on chain a later certificate of the bound enrollment id with another key', async () => {
      const { registration } = await registerTestEnterprise(layout, 'supply', ['coldStore']);
      const [bound, later] = await twoCertificatesOf(layout.orgs.supply, { [CertAttributes.role]: 'enterprise', [CertAttributes.enterprise]: registration.id });
      const boundKey = keyFingerprintOfIdentity(bound);
      const laterKey = keyFingerprintOfIdentity(later);
      expect(laterKey).to.not.equal(boundKey);
      await asAdmin(layout, (c) => c.submitTransaction('registry:bindIdentity', JSON.stringify(bindingOf(registration.id, bound))));

      await recordEvent(bound);
      expect(await refusalOf(recordEvent(later))).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `the certificate (key ${laterKey}) is not the one bound for enrollment id ${bound.enrollmentId}@SupplyOrgMSP (key ${boundKey}); only the platform admin can bind another key, by re-keying`,
      });
      // Chaincode computes the same fingerprint from the proposal as the model does from the file.
      expect(await whoAmI(later)).to.include({ keyFingerprint: laterKey, bindingKeyState: 'pinned', boundEnterpriseId: registration.id });
      expect(await whoAmI(bound)).to.include({ keyFingerprint: boundKey }).and.not.have.property('keyRefusal');
    });

    it('lets only the bound certificate of a regulator act as the regulator', async () => {
      const [bound, later] = await twoCertificatesOf(layout.orgs.regulator, { [CertAttributes.role]: 'regulator' });
      await asAdmin(layout, (c) => c.submitTransaction('registry:registerRegulator', JSON.stringify(regulatorRegistrationOf(bound))));
      const lotId = `01/09521234543213/10/${uniqueId('NOLOT')}`;
      const hold = JSON.stringify({ state: 'quarantined', reason: 'sampling ordered' });
      // The bound certificate passes as a regulator and only then meets the missing lot.
      expect((await refusalOf(withContract(layout, bound, (c) => c.submitTransaction('coldchain:setHold', lotId, hold)))).kind).to.equal('NOT_FOUND');
      const refusal = await refusalOf(withContract(layout, later, (c) => c.submitTransaction('coldchain:setHold', lotId, hold)));
      expect(refusal.kind).to.equal('FORBIDDEN');
      expect(refusal.detail).to.equal(
        `the certificate (key ${keyFingerprintOfIdentity(later)}) is not the one bound for enrollment id ${bound.enrollmentId}@RegulatorOrgMSP (key ${keyFingerprintOfIdentity(bound)}); only the platform admin can bind another key, by re-keying`,
      );
    });

    it('has a binding made without a key act for nobody until its holder confirms its key, once', async () => {
      const { registration } = await registerTestEnterprise(layout, 'supply', ['coldStore']);
      const [holder, later] = await twoCertificatesOf(layout.orgs.supply, { [CertAttributes.role]: 'enterprise', [CertAttributes.enterprise]: registration.id });
      // Bound as the gateway binds a non-custodial identity: without the key nobody but its holder knows.
      const { keyFingerprint, ...unpinned } = bindingOf(registration.id, holder);
      expect(keyFingerprint).to.match(/^[0-9a-f]{64}$/);
      await asAdmin(layout, (c) => c.submitTransaction('registry:bindIdentity', JSON.stringify(unpinned)));

      expect(await refusalOf(recordEvent(holder))).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `identity ${holder.enrollmentId}@SupplyOrgMSP has no confirmed key yet: its holder must first submit registry:confirmIdentityKey signed with its certificate`,
      });
      const confirmed = decode(await withContract(layout, holder, (c) => c.submitTransaction('registry:confirmIdentityKey'))) as Record<string, unknown>;
      expect(confirmed).to.include({ kind: 'enterprise', enterpriseId: registration.id, keyState: 'pinned', keyFingerprint: keyFingerprintOfIdentity(holder) });
      await recordEvent(holder);

      const again = await refusalOf(withContract(layout, later, (c) => c.submitTransaction('registry:confirmIdentityKey')));
      expect(again).to.deep.equal({ kind: 'CONFLICT', detail: `identity ${holder.enrollmentId}@SupplyOrgMSP awaits no key: its key is already confirmed` });
      expect((await refusalOf(recordEvent(later))).kind).to.equal('FORBIDDEN');
    });
  });

  describe('re-keying retires the old binding', () => {
    it('refuses the old certificate and lets the successor write, in one admin transaction', async () => {
      const firm = await registerTestEnterprise(layout, 'supply', ['coldStore']);
      await recordEvent(firm.identity);
      const successor = await enrollEnterpriseIdentity(layout.orgs.supply, uniqueId('rekeyed'), firm.registration.id);
      const rekey = (who: EnrolledIdentity, enrollmentId: string) =>
        withContract(layout, who, (c) =>
          c.submitTransaction('registry:rekeyIdentity', JSON.stringify({
            mspId: MspIds.supply,
            enrollmentId: firm.identity.enrollmentId,
            successor: { enrollmentId, keyFingerprint: keyFingerprintOfIdentity(successor) },
            reason: 'key on a stolen laptop',
          })),
        );

      const byEnterprise = await refusalOf(rekey(firm.identity, successor.enrollmentId));
      expect(byEnterprise.kind).to.equal('FORBIDDEN');
      expect(byEnterprise.detail).to.include('only a RegulatorOrgMSP identity with role admin');

      const rekeyed = decode(await asAdmin(layout, (c) => c.submitTransaction('registry:rekeyIdentity', JSON.stringify({
        mspId: MspIds.supply,
        enrollmentId: firm.identity.enrollmentId,
        successor: { enrollmentId: successor.enrollmentId, keyFingerprint: keyFingerprintOfIdentity(successor) },
        reason: 'key on a stolen laptop',
      })))) as Rekeyed;
      expect(rekeyed.retired).to.include({ kind: 'enterprise', enrollmentId: firm.identity.enrollmentId, keyState: 'retired', successorEnrollmentId: successor.enrollmentId, retirementReason: 'key on a stolen laptop', retiredBy: 'admin.regulator@RegulatorOrgMSP' });
      expect(rekeyed.successor).to.include({ kind: 'enterprise', enterpriseId: firm.registration.id, enrollmentId: successor.enrollmentId, keyState: 'pinned', predecessorEnrollmentId: firm.identity.enrollmentId });

      const refusal = await refusalOf(recordEvent(firm.identity));
      expect(refusal.kind).to.equal('FORBIDDEN');
      expect(refusal.detail).to.match(new RegExp(`^identity ${firm.identity.enrollmentId}@SupplyOrgMSP was retired at \\S+ and re-keyed to ${successor.enrollmentId}; it may not act$`));
      await recordEvent(successor);

      const twice = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('registry:rekeyIdentity', JSON.stringify({
        mspId: MspIds.supply, enrollmentId: firm.identity.enrollmentId, successor: { enrollmentId: uniqueId('third') }, reason: 'again',
      }))));
      expect(twice.kind).to.equal('CONFLICT');
      expect(twice.detail).to.match(new RegExp(`^identity ${firm.identity.enrollmentId}@SupplyOrgMSP was already retired at \\S+ \\(re-keyed to ${successor.enrollmentId}\\)$`));
      const rebind = await refusalOf(asAdmin(layout, (c) => c.submitTransaction('registry:bindIdentity', JSON.stringify(bindingOf(firm.registration.id, firm.identity)))));
      expect(rebind).to.deep.equal({
        kind: 'CONFLICT',
        detail: `identity ${firm.identity.enrollmentId}@SupplyOrgMSP is already bound to enterprise ${firm.registration.id} (retired); enroll a new identity instead`,
      });
    });

    it('re-keys through the admin API: the old identity\'s tokens stop and the ledger refuses its key even for a token the gateway would honour', async () => {
      const admin = await testAdminToken();
      const firm = await onboardEnterprise();
      const successorEnrollmentId = uniqueId('gw-next');
      const answer = await api<{ token: string; rekeyed: Rekeyed; identity: { keyFingerprint: string } }>(`/admin/enterprises/${firm.id}/identities/rekey`, {
        token: admin,
        idempotencyKey: uniqueId('rekey'),
        body: { enrollmentId: firm.enrollmentId, successorEnrollmentId, reason: 'key on a stolen laptop' },
      });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      expect(answer.body.rekeyed.successor).to.include({ enrollmentId: successorEnrollmentId, keyState: 'pinned', keyFingerprint: answer.body.identity.keyFingerprint });

      const old = await api('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), body: traceEvent() });
      expect(old.status).to.equal(401);
      expect(old.body.detail).to.match(new RegExp(`^tokens of enrollment id ${firm.enrollmentId} issued before \\S+ were revoked \\(re-keyed to ${successorEnrollmentId}\\)$`));
      expect((await api('/trace/events', { token: answer.body.token, idempotencyKey: uniqueId('k'), body: traceEvent() })).status).to.equal(201);

      // A token issued after the revocation passes the gateway, which still holds the old key: the ledger refuses it.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const stale = await craftedToken({ sub: firm.id, role: 'enterprise', msp: firm.mspId, enr: firm.enrollmentId, ent: firm.id }, '15m');
      const refused = await api('/trace/events', { token: stale, idempotencyKey: uniqueId('k'), body: traceEvent() });
      expect(refused.status).to.equal(403);
      expect(refused.body.detail).to.match(new RegExp(`^identity ${firm.enrollmentId}@SupplyOrgMSP was retired at \\S+ and re-keyed to ${successorEnrollmentId}; it may not act$`));
    });
  });
});
