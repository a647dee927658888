import type { BoundIdentity, Enterprise, RegulatorBinding } from '../../../model/src';
import type { ClientIdentity } from './identity';
import type { Ledger } from './ledger';
import { ledgerRefusalOf } from './ledgerRefusal';

/**
 * Registry reads the gateway makes for itself (who is bound to what, who is revoked), evaluated on a
 * peer with the gateway's own read identity: the ledger, not the projection, since these decide
 * whether a token or an enrollment is honoured and must not lag behind a revocation.
 */
export class RegistryReader {
  constructor(
    private readonly ledger: Ledger,
    private readonly identity: ClientIdentity,
  ) {}

  enterprise(enterpriseId: string): Promise<Enterprise | undefined> {
    return this.#read<Enterprise>('registry:getEnterprise', enterpriseId);
  }

  regulator(enrollmentId: string): Promise<RegulatorBinding | undefined> {
    return this.#read<RegulatorBinding>('registry:getRegulator', enrollmentId);
  }

  boundIdentity(mspId: string, enrollmentId: string): Promise<BoundIdentity | undefined> {
    return this.#read<BoundIdentity>('registry:getIdentity', mspId, enrollmentId);
  }

  async #read<T>(fn: string, ...args: string[]): Promise<T | undefined> {
    try {
      return await this.ledger.evaluate<T>(this.identity, fn, ...args);
    } catch (error) {
      if (ledgerRefusalOf(error)?.kind === 'NOT_FOUND') return undefined;
      throw error;
    }
  }
}
