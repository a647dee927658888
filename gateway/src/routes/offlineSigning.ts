import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import crypto from 'node:crypto';
import { z } from 'zod';
import { principalOf } from '../auth';
import { CommitRejectedError } from '../fabric';
import { forbiddenRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';
import { requireRelayable, requireRelayedFunction } from './offlineRelayPolicy';

const base64 = z.string().regex(/^[A-Za-z0-9+/=]+$/, 'must be base64').max(8_000_000);
const Signed = (field: string) => z.strictObject({ [field]: base64, signature: base64 });
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'base64');

/**
 * Non-custodial writes: the enterprise signs every step itself (fabric-gateway offline signing) and
 * the gateway only relays, with a gateway object that has the enterprise's certificate and no key.
 * Flow: proposal → sign → endorsement → sign → submission → sign → commit status. The client in
 * gateway/src/client does the whole round.
 */
export function offlineSigningRoutes(services: Pick<GatewayServices, 'ledger'>, api: OpenAPIRegistry): Router {
  const router = Router();
  const certificates = new Map<string, string>();

  const gatewayFor = (response: Response, certificatePem?: string) => {
    const principal = principalOf(response);
    const key = `${principal.msp}/${principal.enr}`;
    const certificate = certificatePem ?? certificates.get(key);
    if (!certificate) {
      throw forbiddenRequest('start with POST /offline/proposals, which names your certificate');
    }
    const subject = new crypto.X509Certificate(certificate).subject;
    if (!subject.split('\n').includes(`CN=${principal.enr}`)) {
      throw forbiddenRequest(`the certificate is not that of ${principal.enr}, the identity of this token`);
    }
    certificates.set(key, certificate);
    return services.ledger.offlineGatewayFor(principal.msp, certificate);
  };
  const contractOf = (response: Response, certificatePem?: string) =>
    gatewayFor(response, certificatePem).getNetwork(services.ledger.channel).getContract(services.ledger.chaincode);

  route(
    router,
    api,
    {
      method: 'post', path: '/offline/proposals', tag: 'offline signing', roles: ['enterprise'], source: 'gateway',
      summary: 'Build an unsigned proposal for your own certificate; sign its digest',
      body: z.strictObject({ fn: z.string().regex(/^[a-z]+:[A-Za-z]+$/), args: z.array(z.string().max(1_000_000)).max(16), certificate: z.string().includes('BEGIN CERTIFICATE') }),
      success: { status: 201, description: 'proposal bytes and digest (base64), transaction id' },
    },
    async ({ body }, _request, response) => {
      requireRelayedFunction(body.fn);
      const proposal = contractOf(response, body.certificate).newProposal(body.fn, { arguments: body.args });
      return { body: { proposal: b64(proposal.getBytes()), digest: b64(proposal.getDigest()), txId: proposal.getTransactionId() } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/offline/endorsements', tag: 'offline signing', roles: ['enterprise'], source: 'ledger: evaluate',
      summary: 'Endorse your signed proposal (its function on the relay list, its time within 5 minutes of the gateway\'s clock); sign the transaction digest', body: Signed('proposal'),
      success: { status: 201, description: 'transaction bytes and digest, and the chaincode result' },
    },
    async ({ body }, _request, response) => {
      // The client may send any bytes it signed, not only what /offline/proposals built.
      requireRelayable(bytesOf(body.proposal as string));
      const proposal = gatewayFor(response).newSignedProposal(bytesOf(body.proposal as string), bytesOf(body.signature as string));
      const transaction = await proposal.endorse();
      const result = Buffer.from(transaction.getResult()).toString('utf8');
      return { body: { transaction: b64(transaction.getBytes()), digest: b64(transaction.getDigest()), result: result ? (JSON.parse(result) as unknown) : undefined } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/offline/submissions', tag: 'offline signing', roles: ['enterprise'], source: 'ledger: submit, answers after commit',
      summary: 'Send your signed transaction to the orderer; sign the commit-status digest', body: Signed('transaction'),
      success: { status: 201, description: 'commit-status request bytes and digest' },
    },
    async ({ body }, _request, response) => {
      const commit = await gatewayFor(response).newSignedTransaction(bytesOf(body.transaction as string), bytesOf(body.signature as string)).submit();
      return { body: { commit: b64(commit.getBytes()), digest: b64(commit.getDigest()), txId: commit.getTransactionId() } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/offline/commits', tag: 'offline signing', roles: ['enterprise'], source: 'ledger: submit, answers after commit',
      summary: 'Wait for the commit of your transaction', body: Signed('commit'),
      success: { status: 200, description: 'transaction id and block number' },
    },
    async ({ body }, _request, response) => {
      const status = await gatewayFor(response).newSignedCommit(bytesOf(body.commit as string), bytesOf(body.signature as string)).getStatus();
      if (!status.successful) {
        throw new CommitRejectedError(status.transactionId, status.code);
      }
      return { body: { txId: status.transactionId, blockNumber: Number(status.blockNumber) } };
    },
  );

  return router;
}
