import type { Model } from 'mongoose';
import { RegistryEvents, type Enterprise, type IdentityBinding, type PrefixAssignment, type PrefixDelegation, type RegulatorBinding } from '../../../../model/src';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource, ProjectedDocument } from '../ledgerModel';
import { projectKeyConfirmation, projectRekeying } from './boundIdentities';
import type { RegistryModels } from './models';

type RegistryEventName = (typeof RegistryEvents)[keyof typeof RegistryEvents];

/** Applies one registry event. Must be an idempotent upsert: blocks can be replayed. */
type RegistryHandler = (models: RegistryModels, record: unknown, source: LedgerSource) => Promise<void>;

/**
 * State records (enterprises, bindings) are keyed by their domain id and hold the latest version;
 * replaying in block order ends in the same document.
 */
const upsert = async (model: Model<ProjectedDocument>, id: string, record: unknown, source: LedgerSource): Promise<void> => {
  await model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
};

const regulatorId = (binding: RegulatorBinding): string => `${binding.mspId}/${binding.enrollmentId}`;

const prefixId = (assignment: Pick<PrefixAssignment, 'kind' | 'prefix'>): string => `${assignment.kind}|${assignment.prefix}`;
const delegationId = (delegation: PrefixDelegation): string => `${prefixId(delegation)}|${delegation.delegateId}`;

/** One handler per registry event: a name the model adds fails to compile until it is handled here. */
const handlers: Record<RegistryEventName, RegistryHandler> = {
  [RegistryEvents.enterpriseRegistered]: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  [RegistryEvents.enterpriseRevoked]: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  [RegistryEvents.identityBound]: (m, record, source) => {
    const binding = record as IdentityBinding;
    return upsert(m.identityBindings, `${binding.mspId}/${binding.enrollmentId}`, record, source);
  },
  [RegistryEvents.regulatorRegistered]: (m, record, source) => upsert(m.regulators, regulatorId(record as RegulatorBinding), record, source),
  [RegistryEvents.regulatorRevoked]: (m, record, source) => upsert(m.regulators, regulatorId(record as RegulatorBinding), record, source),
  [RegistryEvents.identityKeyConfirmed]: projectKeyConfirmation,
  [RegistryEvents.identityRekeyed]: projectRekeying,
  [RegistryEvents.companyPrefixAssigned]: (m, record, source) => upsert(m.companyPrefixes, prefixId(record as PrefixAssignment), record, source),
  [RegistryEvents.companyPrefixDelegated]: (m, record, source) => upsert(m.prefixDelegations, delegationId(record as PrefixDelegation), record, source),
  [RegistryEvents.companyPrefixDelegationWithdrawn]: (m, record, source) => upsert(m.prefixDelegations, delegationId(record as PrefixDelegation), record, source),
};

/** Events that change an enterprise's registration, which consumer pages show by name. */
const enterpriseEvents: readonly string[] = [RegistryEvents.enterpriseRegistered, RegistryEvents.enterpriseRevoked];

/**
 * Enterprises, identity bindings, regulators, key confirmations and re-keyings, company prefixes and
 * their delegations. Few and small: each event is written as it comes, in ledger order, so the
 * latest version of a record is the one left.
 */
export function registryProjection(collections: RegistryModels): DomainProjection {
  return {
    name: 'registry',
    events: Object.keys(handlers),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      for (const { name, record, source } of events) await handlers[name as RegistryEventName](collections, record, source);
    },
    touchedKeys: (eventName, record) => (enterpriseEvents.includes(eventName) ? [cacheKeys.enterprise(String((record as Enterprise).id))] : []),
  };
}
