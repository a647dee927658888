import type { Connection } from 'mongoose';
import { ledgerModel } from '../ledgerModel';

/** Who may write, and under which identifiers: enterprises, their bound identities, regulators, GS1 prefixes. */
export function registryModels(connection: Connection) {
  return {
    enterprises: ledgerModel(connection, 'LedgerEnterprise', 'enterprises', [{ 'record.kinds': 1 }, { 'record.status': 1 }]),
    identityBindings: ledgerModel(connection, 'LedgerIdentityBinding', 'identity_bindings', [{ 'record.enterpriseId': 1 }]),
    /** `_id` = `<kind>|<prefix>`: GS1 company prefixes and their owners. */
    companyPrefixes: ledgerModel(connection, 'LedgerCompanyPrefix', 'company_prefixes', [{ 'record.enterpriseId': 1 }]),
    /** `_id` = `<kind>|<prefix>|<delegateId>`: delegations, with `withdrawnAt` once withdrawn. */
    prefixDelegations: ledgerModel(connection, 'LedgerPrefixDelegation', 'prefix_delegations'),
    /** `_id` = `<mspId>/<enrollmentId>`: regulator identities registered on chain, with their status. */
    regulators: ledgerModel(connection, 'LedgerRegulator', 'regulators'),
  };
}

export type RegistryModels = ReturnType<typeof registryModels>;
