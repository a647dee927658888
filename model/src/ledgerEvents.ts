/**
 * Names of the chaincode events outside the domain bundles, by the part of the ledger that emits
 * them. Chaincode emits them and the projection dispatches on them: spelt here once for both.
 * Each domain's bundle names its own (e.g. `ColdChainEvents`).
 */
export const RegistryEvents = {
  enterpriseRegistered: 'EnterpriseRegistered',
  enterpriseRevoked: 'EnterpriseRevoked',
  identityBound: 'IdentityBound',
  identityKeyConfirmed: 'IdentityKeyConfirmed',
  identityRekeyed: 'IdentityRekeyed',
  regulatorRegistered: 'RegulatorRegistered',
  regulatorRevoked: 'RegulatorRevoked',
  companyPrefixAssigned: 'CompanyPrefixAssigned',
  companyPrefixDelegated: 'CompanyPrefixDelegated',
  companyPrefixDelegationWithdrawn: 'CompanyPrefixDelegationWithdrawn',
} as const;

export const TraceEvents = {
  traceEventRecorded: 'TraceEventRecorded',
} as const;

export const RiskClueEvents = {
  riskClueFiled: 'RiskClueFiled',
  /** A clue's state changed: assigned, verified, case filed, penalty decided, dismissed, closed or escalated. */
  riskClueUpdated: 'RiskClueUpdated',
} as const;

export const ReferenceEvents = {
  referenceEntryWritten: 'ReferenceEntryWritten',
} as const;
