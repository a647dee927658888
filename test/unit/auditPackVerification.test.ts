import { expect } from 'chai';
import crypto, { X509Certificate } from 'node:crypto';
import { common, msp } from '@hyperledger/fabric-protos';
import { blockHeaderBytes, recordReasons, TrustAnchorSchema, verifyPack, type VerifiedTransaction } from '../../gateway/src/auditPacks/verify';
import { zipOf } from '../../gateway/src/auditPacks/zipEntries';
import { subjectRecords } from '../../gateway/src/auditPacks/subjectRecords';
import { chainReason, signatureHolds, signerOf } from '../../gateway/src/auditPacks/verify/certificates';
import type { ChannelConfig, ChannelOrganisation } from '../../gateway/src/auditPacks/verify/channelConfig';
import { channelPolicyHolds } from '../../gateway/src/auditPacks/verify/endorsementPolicy';
import { certificateFingerprint, configReasonsAgainst } from '../../gateway/src/auditPacks/verify/trustAnchor';
import { strangerRootCertificate, supplyClientCertificate, supplyPeerCertificate, supplyPeerKey, supplyRootCertificate } from './auditPackCertificates';

const cert = (pem: string): X509Certificate => new X509Certificate(pem);

/** `OR('<msp>.peer')` as a signature policy envelope. */
function peerOf(mspId: string): common.Policy {
  const role = new msp.MSPRole();
  role.setMspIdentifier(mspId);
  role.setRole(msp.MSPRole.MSPRoleType.PEER);
  const principal = new msp.MSPPrincipal();
  principal.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  principal.setPrincipal(role.serializeBinary());
  const signedBy = new common.SignaturePolicy();
  signedBy.setSignedBy(0);
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(1);
  nOutOf.setRulesList([signedBy]);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setRule(rule);
  envelope.setIdentitiesList([principal]);
  const policy = new common.Policy();
  policy.setType(common.Policy.PolicyType.SIGNATURE);
  policy.setValue(envelope.serializeBinary());
  return policy;
}

function majorityOf(subPolicy: string): common.Policy {
  const meta = new common.ImplicitMetaPolicy();
  meta.setSubPolicy(subPolicy);
  meta.setRule(common.ImplicitMetaPolicy.Rule.MAJORITY);
  const policy = new common.Policy();
  policy.setType(common.Policy.PolicyType.IMPLICIT_META);
  policy.setValue(meta.serializeBinary());
  return policy;
}

/** Three peer orgs sharing one test root (the policy looks at MSP ids and OUs), and an orderer org. */
function channel(): ChannelConfig {
  const org = (mspId: string, part: ChannelOrganisation['part']): ChannelOrganisation => ({
    mspId, part, rootCertificates: [cert(supplyRootCertificate)], peerOu: 'peer', policies: new Map([['Endorsement', peerOf(mspId)]]),
  });
  const organisations = new Map(['RegulatorOrgMSP', 'SupplyOrgMSP', 'EquipmentOrgMSP'].map((mspId) => [mspId, org(mspId, 'application')]));
  organisations.set('OrdererMSP', org('OrdererMSP', 'orderer'));
  return { channel: 'traceledger', organisations, applicationPolicies: new Map([['Endorsement', majorityOf('Endorsement')]]) };
}

describe('audit pack verification', () => {
  describe('block header bytes', () => {
    it('are the ASN.1 DER sequence Fabric hashes: number, previous hash, data hash', () => {
      const bytes = blockHeaderBytes(1n, Buffer.alloc(32, 0xaa), Buffer.alloc(32, 0xbb));
      expect(bytes.subarray(0, 5).toString('hex')).to.equal('3047020101');
      expect(bytes.subarray(5, 7).toString('hex')).to.equal('0420');
      expect(bytes.length).to.equal(2 + 0x47);
    });

    it('write a number with its top bit set with a leading zero, and a long sequence with a long-form length', () => {
      expect(blockHeaderBytes(128n, Buffer.alloc(0), Buffer.alloc(0)).toString('hex')).to.equal('30080202008004000400');
      const long = blockHeaderBytes(2n, Buffer.alloc(100), Buffer.alloc(100));
      expect(long.subarray(0, 3).toString('hex')).to.equal('3081cf');
    });
  });

  describe('certificates', () => {
    const config = channel();
    const identity = (mspId: string, pem: string): Uint8Array => {
      const serialized = new msp.SerializedIdentity();
      serialized.setMspid(mspId);
      serialized.setIdBytes(Buffer.from(pem));
      return serialized.serializeBinary();
    };

    it('chain a peer certificate to its organisation\'s root CA', () => {
      expect(chainReason(signerOf(identity('SupplyOrgMSP', supplyPeerCertificate)), config)).to.equal(undefined);
    });

    it('refuse a certificate no root of its organisation issued, and an organisation not in the channel', () => {
      expect(chainReason(signerOf(identity('SupplyOrgMSP', strangerRootCertificate)), config)).to.match(/does not chain to a root CA of SupplyOrgMSP/);
      expect(chainReason(signerOf(identity('RivalMSP', supplyPeerCertificate)), config)).to.equal('RivalMSP is no organisation of the channel');
    });

    it('hold a signature made with the certificate\'s key over exactly those bytes', () => {
      const data = Buffer.from('proposal response payload and endorser');
      const signature = crypto.sign('sha256', data, crypto.createPrivateKey(supplyPeerKey));
      expect(signatureHolds(cert(supplyPeerCertificate), data, signature)).to.equal(true);
      expect(signatureHolds(cert(supplyPeerCertificate), Buffer.concat([data, Buffer.from('!')]), signature)).to.equal(false);
      expect(signatureHolds(cert(supplyClientCertificate), data, signature)).to.equal(false);
    });
  });

  describe('endorsement policy MAJORITY Endorsement', () => {
    const config = channel();
    const endorser = (mspId: string, pem = supplyPeerCertificate) => ({ mspId, certificate: cert(pem) });
    const policy = majorityOf('Endorsement');

    it('holds with peers of two of the three organisations', () => {
      expect(channelPolicyHolds(policy, [endorser('SupplyOrgMSP'), endorser('RegulatorOrgMSP')], config)).to.equal(true);
    });

    it('does not hold with one organisation, however many of its peers sign', () => {
      expect(channelPolicyHolds(policy, [endorser('SupplyOrgMSP'), endorser('SupplyOrgMSP')], config)).to.equal(false);
    });

    it('does not count a client of an organisation as its peer, nor the orderer organisation', () => {
      expect(channelPolicyHolds(policy, [endorser('SupplyOrgMSP'), endorser('RegulatorOrgMSP', supplyClientCertificate)], config)).to.equal(false);
      expect(channelPolicyHolds(policy, [endorser('SupplyOrgMSP'), endorser('OrdererMSP')], config)).to.equal(false);
    });
  });

  describe('trust anchor', () => {
    const config = channel();
    const fingerprint = certificateFingerprint(cert(supplyRootCertificate));
    const everyOrg = (print: string) => Object.fromEntries([...config.organisations.keys()].map((mspId) => [mspId, { rootCertificates: [print] }]));

    it('accepts a configuration whose every root CA the anchor lists', () => {
      expect(configReasonsAgainst({ organisations: everyOrg(fingerprint) }, config, 'a'.repeat(64))).to.deep.equal([]);
    });

    it('names each root CA the anchor does not list, and another genesis block', () => {
      const reasons = configReasonsAgainst({ organisations: everyOrg('0'.repeat(64)), genesisBlockHash: 'b'.repeat(64) }, config, 'a'.repeat(64));
      expect(reasons).to.include(`channel/genesis.block: root CA ${fingerprint} of SupplyOrgMSP is not in the trust anchor`);
      expect(reasons.some((reason) => reason.includes(`is not the trusted genesis-block hash ${'b'.repeat(64)}`))).to.equal(true);
    });

    it('must give a genesis-block hash or root fingerprints', () => {
      expect(TrustAnchorSchema.safeParse({ channel: 'traceledger' }).success).to.equal(false);
      expect(TrustAnchorSchema.safeParse({ genesisBlockHash: 'XYZ' }).success).to.equal(false);
    });
  });

  describe('records against write sets', () => {
    const key = '\u0000tl.cc.lot\u0000LOT-1\u0000';
    const tx = (txId: string, blockNumber: number, value: string): VerifiedTransaction => ({ txId, blockNumber, index: 0, writes: [{ namespace: 'traceledger', key, isDelete: false, value: Buffer.from(value) }] });
    const first = tx('a'.repeat(64), 5, '{"custodianId":"A"}');
    const second = tx('b'.repeat(64), 9, '{"custodianId":"B"}');

    it('accepts the value the newest writing transaction wrote', () => {
      expect(recordReasons([{ key, txId: second.txId, value: '{"custodianId":"B"}' }], [first, second])).to.deep.equal([]);
    });

    it('names a record whose value differs by one character, and one a later transaction overwrote', () => {
      expect(recordReasons([{ key, txId: second.txId, value: '{"custodianId":"C"}' }], [first, second])).to.deep.equal([
        `records.json: record 0 (tl.cc.lot/LOT-1): is not the value transaction ${second.txId} wrote`,
      ]);
      expect(recordReasons([{ key, txId: first.txId, value: '{"custodianId":"A"}' }], [first, second])).to.deep.equal([
        `records.json: record 0 (tl.cc.lot/LOT-1): transaction ${second.txId}, later in the pack, wrote this key again`,
      ]);
    });

    it('names a record whose transaction is not in the pack', () => {
      expect(recordReasons([{ key, txId: 'c'.repeat(64), value: '{}' }], [first])[0]).to.match(/its transaction c{64} is not in the pack/);
    });
  });

  describe('damaged packs', () => {
    const anchor = { genesisBlockHash: 'a'.repeat(64) };
    const manifest = { format: 'traceledger-audit-pack/1', mode: 'party', kind: 'lot', id: 'LOT-1', channel: 'traceledger', chaincode: 'traceledger', builtAt: '2026-12-03T00:00:00Z', newestBlock: 9, transactions: [], attestingOrganisations: [], proves: [], doesNotProve: [] };

    it('names a manifest that is no JSON, and a pack that is no ZIP', async () => {
      const broken = await verifyPack(await zipOf(new Map([['manifest.json', Buffer.from('{"format": "traceledger-audit-pack/1",')]])), anchor);
      expect(broken.ok).to.equal(false);
      expect(broken.reasons[0]).to.match(/^manifest\.json: /);
      expect((await verifyPack(Buffer.from('not a zip'), anchor)).reasons[0]).to.match(/^the pack is no readable ZIP/);
    });

    it('names a missing genesis block', async () => {
      const verdict = await verifyPack(await zipOf(new Map([['manifest.json', Buffer.from(JSON.stringify(manifest))]])), anchor);
      expect(verdict.reasons).to.deep.equal(['channel/genesis.block: missing']);
    });
  });

  describe('the subject\'s records in a pack', () => {
    const key = (...parts: string[]): string => `\u0000${parts.join('\u0000')}\u0000`;
    const write = (k: string, value: string) => ({ key: k, isDelete: false, value: Buffer.from(value) });
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const located = [
      { txId: a, blockNumber: 3, index: 0, envelope: new Uint8Array(), writes: [write(key('tl.cc.lot', 'LOT-1'), 'v1'), write(key('tl.cc.lot', 'LOT-2'), 'other lot'), write(key('tl.cc.custodyTx', a), 'custody of a')] },
      { txId: b, blockNumber: 4, index: 2, envelope: new Uint8Array(), writes: [write(key('tl.cc.lot', 'LOT-1'), 'v2'), write(key('tl.cc.holder', 'LOT-1', 'ENT-9'), '{}')] },
    ];

    it('are the newest values of the keys that name the subject or are keyed by a pack transaction, and no other lot\'s', () => {
      expect(subjectRecords(located, ['LOT-1'])).to.deep.equal([
        { key: key('tl.cc.lot', 'LOT-1'), txId: b, value: 'v2' },
        { key: key('tl.cc.custodyTx', a), txId: a, value: 'custody of a' },
        { key: key('tl.cc.holder', 'LOT-1', 'ENT-9'), txId: b, value: '{}' },
      ]);
    });

    it('need every attribute of a subject named by several (a batch: product and batch number)', () => {
      expect(subjectRecords(located, ['LOT-1', 'ENT-9']).map((r) => r.key)).to.deep.equal([key('tl.cc.custodyTx', a), key('tl.cc.holder', 'LOT-1', 'ENT-9')]);
    });
  });
});
