import { IdentityRoles, MspIds, type IdentityRole } from '../../../model/src';

/**
 * The `tl.role` a certificate claims, as far as chaincode honours it. Every organisation runs its own
 * CA, and any onboarded enterprise may be hostile: whoever runs SupplyOrg's CA can write
 * `tl.role=intake` or `regulator` into a certificate as easily as RegulatorOrg's can. So the roles
 * that carry power of their own (admin, regulator, intake) count only when RegulatorOrg's MSP vouches
 * for the certificate. `enterprise` counts from any organisation because it grants nothing by itself:
 * every enterprise write is checked against the identity's on-chain binding.
 */
export function honouredRole(mspId: string, claimed: string | undefined): IdentityRole | undefined {
  const role = IdentityRoles.find((known) => known === claimed);
  if (role === undefined || role === 'enterprise') {
    return role;
  }
  return mspId === MspIds.regulator ? role : undefined;
}
