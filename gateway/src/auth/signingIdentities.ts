import type { ClientIdentity } from '../fabric';
import { Refusal } from '../refusal';
import { describeKeyOwner, keyOwnerOf, sameKeyOwner } from './keyOwner';
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

  /**
   * The token names the key (`msp`, `enr`) and, separately, whom it speaks for. The key is used only
   * when the vault recorded that same principal as its owner, so no token (one issued by mistake, or
   * for an identity since handed elsewhere) signs with another enterprise's or regulator's key.
   */
  for(principal: Principal): ClientIdentity {
    if (principal.role === 'admin') {
      return this.platformAdmin;
    }
    const opened = this.vault.open(principal.msp, principal.enr);
    if (!opened) {
      throw new Refusal(
        'FORBIDDEN',
        `the gateway holds no key for ${principal.enr}@${principal.msp} (non-custodial): sign the transaction yourself with the traceledger client`,
      );
    }
    const expected = keyOwnerOf(principal);
    if (!expected || !opened.owner || !sameKeyOwner(opened.owner, expected)) {
      const owner = opened.owner ? describeKeyOwner(opened.owner) : 'no enterprise or regulator the gateway can tell';
      throw new Refusal(
        'FORBIDDEN',
        `the gateway's key for ${principal.enr}@${principal.msp} belongs to ${owner}, not to this token's ${expected ? describeKeyOwner(expected) : `${principal.role} ${principal.sub}`}`,
      );
    }
    return opened.identity;
  }
}
