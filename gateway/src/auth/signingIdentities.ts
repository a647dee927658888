import type { ClientIdentity } from '../fabric';
import { forbiddenRequest } from '../http/httpError';
import type { KeyVault } from './keyVault';
import type { Principal } from './tokens';

/**
 * Which Fabric identity the gateway signs with for a principal: the platform admin's for admin tokens,
 * otherwise the principal's own custodial identity from the vault. A non-custodial enterprise has no
 * key here and must sign offline with the client.
 */
export class SigningIdentities {
  constructor(
    private readonly vault: KeyVault,
    private readonly platformAdmin: ClientIdentity,
  ) {}

  for(principal: Principal): ClientIdentity {
    if (principal.role === 'admin') {
      return this.platformAdmin;
    }
    const identity = this.vault.open(principal.msp, principal.enr);
    if (!identity) {
      throw forbiddenRequest(
        `the gateway holds no key for ${principal.enr}@${principal.msp} (non-custodial): sign the transaction yourself with the traceledger client`,
      );
    }
    return identity;
  }
}
