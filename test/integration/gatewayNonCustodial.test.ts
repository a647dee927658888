import { expect } from 'chai';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { KeyVault } from '../../gateway/src/auth';
import { enrollSelf, OfflineSigningClient, type SelfEnrollmentTicket } from '../../gateway/src/client';
import { gatewayDataDir } from '../../network/src/network';
import { binary } from '../../network/src/tools';
import { peerQuery, requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, onboardEnterprise, traceEvent } from './gatewayClient';

describe('non-custodial enterprises', function () {
  this.timeout(120_000);
  const layout = testLayout();
  before(requireNetwork);

  it('sign their own writes offline: the write verifies on chain and the gateway holds no key for them', async () => {
    const firm = await onboardEnterprise('non-custodial');
    const identity = firm.body.identity as { custody: string; selfEnrollment: Omit<SelfEnrollmentTicket, 'enrollmentId'> };
    expect(identity.custody).to.equal('non-custodial');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-self-'));
    try {
      const own = await enrollSelf({ ...identity.selfEnrollment, enrollmentId: firm.enrollmentId }, dir, binary('fabric-ca-client'));
      const client = new OfflineSigningClient(`http://127.0.0.1:${layout.gatewayPort}`, firm.token, own);
      const event = traceEvent();
      const written = await client.submit('trace:recordEvent', [JSON.stringify(event)]);
      expect(written.result).to.include({ eventId: event.eventId, enterpriseId: firm.id });
      const stored = (await peerQuery(layout, layout.peers[0], 'trace:getEvent', event.eventId as string)) as { txId: string; enterpriseId: string };
      expect(stored).to.include({ txId: written.txId, enterpriseId: firm.id });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(new KeyVault(path.join(gatewayDataDir(layout), 'custodial-keys')).has(firm.mspId, firm.enrollmentId)).to.equal(false);
    const custodialWrite = await api('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(custodialWrite.status).to.equal(403);
    expect(custodialWrite.body.detail).to.match(/holds no key .* \(non-custodial\)/);
  });

  it('refuses an offline proposal for a certificate that is not the token\'s identity', async () => {
    const firm = await onboardEnterprise('non-custodial');
    const otherCert = fs.readFileSync(path.join(layout.userDir(layout.orgs.supply, 'admin'), 'msp', 'signcerts', 'cert.pem'), 'utf8');
    const answer = await api('/offline/proposals', { token: firm.token, body: { fn: 'trace:recordEvent', args: ['{}'], certificate: otherCert } });
    expect(answer.status).to.equal(403);
    expect(answer.body.detail).to.equal(`the certificate is not that of ${firm.enrollmentId}, the identity of this token`);
  });
});
