import type { Contract } from '@hyperledger/fabric-gateway';
import fs from 'node:fs';
import path from 'node:path';
import { CertAttributes, CHAINCODE_NAME, CHANNEL_NAME, gs1CheckDigit, MspIds, usccCheckCharacter, type EnterpriseKind, type EnterpriseRegistration, type IdentityBindingRequest, type RegulatorRegistration } from '../../model/src';
import { connectPeer, ledgerRefusalOf, openGateway, type LedgerRefusal } from '../../gateway/src/fabric';
import { peerCli } from '../../network/src/admin';
import { enrollIdentity, keyFingerprintOfIdentity, type EnrolledIdentity } from '../../network/src/ca';
import { enrollEnterpriseIdentity, platformAdmin } from '../../network/src/identities';
import { NetworkLayout, profileNamed, TLS_SERVER_NAME, type OrgKey, type PeerLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';

/** The network `npm test` started for this run (scripts/test.ts), on its own ports and folder. */
export function testLayout(): NetworkLayout {
  return new NetworkLayout(profileNamed(process.env.TRACELEDGER_PROFILE ?? 'test'));
}

/** Integration suites call this first: when the network did not start, every test fails with the reason. */
export function requireNetwork(): void {
  if (process.env.TRACELEDGER_NETWORK_ERROR) {
    throw new Error(`the test network did not start: ${process.env.TRACELEDGER_NETWORK_ERROR}`);
  }
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let counter = 0;

/** A valid credit code nobody used before (the ledger outlives test runs). */
export function uniqueUscc(): string {
  let n = BigInt(Date.now()) * 1000n + BigInt(counter++ % 1000);
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = ALPHABET[Number(n % 31n)] + body;
    n /= 31n;
  }
  const first17 = `91330100${body}`;
  return first17 + usccCheckCharacter(first17);
}

/** A pallet (SSCC-18 as a Digital Link path) nobody traced before: trace events are about subjects like it. */
export function uniquePallet(): string {
  const data = `39521234${String(Date.now() % 1e9).padStart(9, '0')}`.slice(0, 17);
  const serial = String(counter++ % 100).padStart(2, '0');
  const digits = `${data.slice(0, 15)}${serial}`;
  return `00/${digits}${gs1CheckDigit(digits)}`;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

export interface TestEnterprise {
  registration: EnterpriseRegistration;
  identity: EnrolledIdentity;
}

/** Registers an enterprise through the platform admin and binds a fresh identity of it, pinned to its certificate's key. */
export async function registerTestEnterprise(layout: NetworkLayout, org: OrgKey, kinds: EnterpriseKind[]): Promise<TestEnterprise> {
  const registration: EnterpriseRegistration = { id: uniqueUscc(), name: `Test enterprise ${counter}`, kinds, region: '330100', licences: [] };
  const identity = await enrollEnterpriseIdentity(layout.orgs[org], uniqueId('ent'), registration.id);
  await asAdmin(layout, async (contract) => {
    await contract.submitTransaction('registry:registerEnterprise', JSON.stringify(registration));
    await contract.submitTransaction('registry:bindIdentity', JSON.stringify(bindingOf(registration.id, identity)));
  });
  return { registration, identity };
}

/** What `registry:bindIdentity` takes to bind an enrolled identity to an enterprise, pinned to its key. */
export function bindingOf(enterpriseId: string, identity: EnrolledIdentity): IdentityBindingRequest {
  return { enterpriseId, mspId: identity.mspId as IdentityBindingRequest['mspId'], enrollmentId: identity.enrollmentId, keyFingerprint: keyFingerprintOfIdentity(identity) };
}

/**
 * A fresh RegulatorOrg identity with `tl.role=regulator`, registered on chain as a regulator by the
 * platform admin: a market regulator, bound to no enterprise.
 */
export async function enrollRegulator(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const identity = await enrollRegulatorIdentity(layout);
  await asAdmin(layout, (contract) => contract.submitTransaction('registry:registerRegulator', JSON.stringify(regulatorRegistrationOf(identity))));
  return identity;
}

/** A fresh `tl.role=regulator` identity that is NOT registered on chain: its certificate only claims the role. */
export function enrollRegulatorIdentity(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const org = layout.orgs.regulator;
  const enrollmentId = uniqueId('regulator');
  return enrollIdentity(org, enrollmentId, 'client', layout.userDir(org, enrollmentId), { [CertAttributes.role]: 'regulator' });
}

/** What `registry:registerRegulator` takes for a test regulator identity, pinned to its certificate's key. */
export function regulatorRegistrationOf(identity: EnrolledIdentity): RegulatorRegistration {
  return { mspId: MspIds.regulator, enrollmentId: identity.enrollmentId, unit: 'Hangzhou test market regulator', regions: ['330100'], keyFingerprint: keyFingerprintOfIdentity(identity) };
}

export async function asAdmin<T>(layout: NetworkLayout, action: (contract: Contract) => Promise<T>): Promise<T> {
  return withContract(layout, await platformAdmin(layout), action);
}

/** The chaincode's refusal of an action that must fail; fails the test when the action succeeds. */
export async function refusalOf(action: Promise<unknown>): Promise<LedgerRefusal> {
  try {
    await action;
  } catch (error) {
    const refusal = ledgerRefusalOf(error);
    if (!refusal) {
      throw error;
    }
    return refusal;
  }
  throw new Error('expected the ledger to refuse, but the transaction succeeded');
}

/** Queries chaincode with Fabric's own `peer chaincode query` CLI, independent of the gateway client. */
export async function peerQuery(layout: NetworkLayout, peer: PeerLayout, fn: string, ...args: string[]): Promise<unknown> {
  const output = await peerCli(layout, peer, ['chaincode', 'query', '-C', CHANNEL_NAME, '-n', CHAINCODE_NAME, '-c', JSON.stringify({ Args: [fn, ...args] })]);
  return JSON.parse(output) as unknown;
}

export const decode = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes).toString('utf8'));

/** What `npm test` starts: the whole network with FerretDB and the gateway. */
export const TEST_NETWORK_OPTIONS = { store: true, gateway: true };

/** A committed transaction's result and the chaincode event it emitted, read back from the peer's event stream. */
export async function submitAndReadEvent(layout: NetworkLayout, identity: EnrolledIdentity, fn: string, ...args: string[]): Promise<{ result: unknown; eventName: string; payload: unknown }> {
  const peer = layout.peers.find((p) => p.org.mspId === identity.mspId) ?? layout.peers[0];
  const client = connectPeer({ address: peer.address, tlsRootCert: fs.readFileSync(path.join(peer.tlsDir, 'ca.crt')), tlsServerName: TLS_SERVER_NAME });
  const gateway = openGateway(client, identity);
  try {
    const network = gateway.getNetwork(CHANNEL_NAME);
    const commit = await network.getContract(CHAINCODE_NAME).submitAsync(fn, { arguments: args });
    const status = await commit.getStatus();
    if (!status.successful) throw new Error(`transaction ${status.transactionId} failed validation: ${status.code}`);
    const events = await network.getChaincodeEvents(CHAINCODE_NAME, { startBlock: status.blockNumber });
    try {
      for await (const event of events) {
        if (event.transactionId === commit.getTransactionId()) {
          return { result: decode(commit.getResult()), eventName: event.eventName, payload: decode(event.payload) };
        }
      }
    } finally {
      events.close();
    }
    throw new Error('the event stream ended before the transaction\'s event');
  } finally {
    gateway.close();
    client.close();
  }
}
