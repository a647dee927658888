import { common, gateway, peer } from '@hyperledger/fabric-protos';
import { expect } from 'chai';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { KeyVault } from '../../gateway/src/auth';
import { enrollSelf, OfflineSigningClient, type SelfEnrollmentTicket } from '../../gateway/src/client';
import { keyFingerprintOf } from '../../model/src';
import { gatewayDataDir } from '../../network/src/gatewayConfig';
import { binary } from '../../network/src/tools';
import { peerQuery, requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, onboardEnterprise, traceEvent } from './gatewayClient';

describe('non-custodial enterprises', function () {
  this.timeout(120_000);
  const layout = testLayout();
  before(requireNetwork);

  it('pin their own key, then sign their own writes offline: the write verifies on chain and the gateway holds no key for them', async () => {
    const firm = await onboardEnterprise('non-custodial');
    const identity = firm.body.identity as { custody: string; selfEnrollment: Omit<SelfEnrollmentTicket, 'enrollmentId'> };
    expect(identity.custody).to.equal('non-custodial');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-self-'));
    try {
      const own = await enrollSelf({ ...identity.selfEnrollment, enrollmentId: firm.enrollmentId }, dir, binary('fabric-ca-client'));
      const client = new OfflineSigningClient(`http://127.0.0.1:${layout.gatewayPort}`, firm.token, own);
      // Bound before the gateway could know the certificate: the ledger takes no write until the holder pins its key.
      const unconfirmed = await client.submit('trace:recordEvent', [JSON.stringify(traceEvent())]).then(() => undefined, (error: unknown) => error);
      expect(unconfirmed).to.be.instanceOf(Error);
      expect((unconfirmed as Error).message).to.match(new RegExp(`^/offline/endorsements: 403 identity ${firm.enrollmentId}@SupplyOrgMSP has no confirmed key yet`));
      const confirmed = await client.confirmKey();
      expect(confirmed.result).to.include({ keyState: 'pinned', keyFingerprint: keyFingerprintOf(own.certificatePem) });
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

  it('relays only functions on its list', async () => {
    const firm = await onboardEnterprise('non-custodial');
    const anyCert = fs.readFileSync(path.join(layout.userDir(layout.orgs.supply, 'admin'), 'msp', 'signcerts', 'cert.pem'), 'utf8');
    const answer = await api('/offline/proposals', { token: firm.token, body: { fn: 'registry:registerEnterprise', args: ['{}'], certificate: anyCert } });
    expect(answer.status).to.equal(403);
    expect(answer.body.detail).to.match(/^registry:registerEnterprise cannot be relayed; the relay takes trace:recordEvent, coldchain:createLot/);
  });

  it('refuses to endorse a proposal dated more than 5 minutes off the gateway clock', async () => {
    const firm = await onboardEnterprise('non-custodial');
    const identity = firm.body.identity as { selfEnrollment: Omit<SelfEnrollmentTicket, 'enrollmentId'> };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-self-'));
    const own = await enrollSelf({ ...identity.selfEnrollment, enrollmentId: firm.enrollmentId }, dir, binary('fabric-ca-client')).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    const built = await api<{ proposal: string }>('/offline/proposals', { token: firm.token, body: { fn: 'trace:recordEvent', args: [JSON.stringify(traceEvent())], certificate: own.certificatePem } });
    expect(built.status).to.equal(201);
    // Backdate the header by 10 minutes, as a client could in bytes it signs itself.
    const proposed = gateway.ProposedTransaction.deserializeBinary(Buffer.from(built.body.proposal, 'base64'));
    const signed = proposed.getProposal() as peer.SignedProposal;
    const proposal = peer.Proposal.deserializeBinary(signed.getProposalBytes_asU8());
    const header = common.Header.deserializeBinary(proposal.getHeader_asU8());
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    const timestamp = channelHeader.getTimestamp();
    expect(timestamp).to.not.equal(undefined);
    timestamp?.setSeconds(Math.floor(Date.now() / 1000) - 600);
    channelHeader.setTimestamp(timestamp);
    header.setChannelHeader(channelHeader.serializeBinary());
    proposal.setHeader(header.serializeBinary());
    signed.setProposalBytes(proposal.serializeBinary());
    proposed.setProposal(signed);
    const answer = await api('/offline/endorsements', { token: firm.token, body: { proposal: Buffer.from(proposed.serializeBinary()).toString('base64'), signature: Buffer.from('unsigned').toString('base64') } });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.match(/^proposal: its time .* is 6\d\d s behind the gateway's clock; the relay takes proposals within 5 minutes: build a new one$/);
  });
});
