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

/** The gateway answered with an error (a ledger refusal, a bad request): its detail says what is wrong. */
export class GatewayRefusal extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${route}: ${status} ${detail}`);
    this.name = 'GatewayRefusal';
  }
}

/** No answer came from the gateway at all (wrong address, gateway down, network). */
export class GatewayUnreachable extends Error {
  constructor(
    readonly baseUrl: string,
    cause: unknown,
  ) {
    super(`the gateway at ${baseUrl} did not answer (${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)})`);
    this.name = 'GatewayUnreachable';
  }
}

/** The problem detail of an error answer, or its text when it is not problem JSON (a proxy's page). */
function detailOf(text: string): string {
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
  } catch {
    // not JSON: the text itself says what happened
  }
  return text.slice(0, 500);
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
    let response: globalThis.Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      text = await response.text();
    } catch (error) {
      throw new GatewayUnreachable(this.baseUrl, error);
    }
    if (!response.ok) {
      throw new GatewayRefusal(route, response.status, detailOf(text));
    }
    return JSON.parse(text) as T;
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
