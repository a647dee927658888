import { signers } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';

export interface OfflineIdentity {
  /** PEM of the enrollment certificate the enterprise's CA issued. */
  certificatePem: string;
  /** PEM of the private key; it never leaves this process. */
  privateKeyPem: string;
}

export interface OfflineWriteResult {
  txId: string;
  blockNumber: number;
  result: unknown;
}

/**
 * Client for non-custodial enterprises: writes through the gateway's /offline routes and signs every
 * step locally, so the gateway relays transactions it could not have forged.
 *
 * @example
 * const client = new OfflineSigningClient('http://127.0.0.1:7080', token, identity);
 * await client.confirmKey(); // once, after enrolling
 * const { txId } = await client.submit('trace:recordEvent', [JSON.stringify(event)]);
 */
export class OfflineSigningClient {
  readonly #sign: (digest: Uint8Array) => Promise<Uint8Array>;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly identity: OfflineIdentity,
  ) {
    this.#sign = signers.newPrivateKeySigner(crypto.createPrivateKey(identity.privateKeyPem));
  }

  async #post<T>(route: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { detail?: string };
    if (!response.ok) {
      throw new Error(`${route}: ${response.status} ${answer.detail ?? ''}`);
    }
    return answer;
  }

  async #signed(digestBase64: string): Promise<string> {
    return Buffer.from(await this.#sign(Buffer.from(digestBase64, 'base64'))).toString('base64');
  }

  async submit(fn: string, args: string[]): Promise<OfflineWriteResult> {
    const proposal = await this.#post<{ proposal: string; digest: string }>('/offline/proposals', { fn, args, certificate: this.identity.certificatePem });
    const endorsed = await this.#post<{ transaction: string; digest: string; result: unknown }>('/offline/endorsements', {
      proposal: proposal.proposal,
      signature: await this.#signed(proposal.digest),
    });
    const submitted = await this.#post<{ commit: string; digest: string }>('/offline/submissions', {
      transaction: endorsed.transaction,
      signature: await this.#signed(endorsed.digest),
    });
    const committed = await this.#post<{ txId: string; blockNumber: number }>('/offline/commits', {
      commit: submitted.commit,
      signature: await this.#signed(submitted.digest),
    });
    return { ...committed, result: endorsed.result };
  }

  /**
   * Pins this identity's key to its on-chain binding, once, right after enrolling: until then the
   * ledger refuses its writes, since nobody else knew which certificate the enterprise would enroll.
   */
  confirmKey(): Promise<OfflineWriteResult> {
    return this.submit('registry:confirmIdentityKey', []);
  }
}
