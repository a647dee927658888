import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  conflict,
  forbidden,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  PrefixAssignmentSchema,
  PrefixDelegationSchema,
  PrefixKinds,
  type PrefixAssignment,
  type PrefixDelegation,
  type PrefixKind,
  RegistryEvents,
} from '../../../model/src';
import { requirePlatformAdmin } from '../common/caller';
import { requireEnterpriseCaller } from './registeredCaller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { companyPrefixKey, prefixDelegationKey } from './brandPrefixes';
import { readEnterprise } from './enterpriseStore';

const kindOf = (kind: string): PrefixKind => {
  if (!(PrefixKinds as readonly string[]).includes(kind)) throw notFound(`no prefixes of kind ${kind}; kinds are ${PrefixKinds.join(', ')}`);
  return kind as PrefixKind;
};

/**
 * Who owns which GS1 company prefix on the platform, and whom owners let use them. The platform
 * admin assigns a prefix once (as GS1 licensed it); the owner records and withdraws delegations.
 */
@Info({ title: 'BrandPrefixes', description: 'GS1 company prefixes assigned to enterprises, and their delegations' })
export class BrandPrefixContract extends Contract {
  constructor() {
    super('brands');
  }

  @Transaction()
  @Returns('string')
  async assignPrefix(ctx: Context, assignmentJson: string): Promise<string> {
    const admin = requirePlatformAdmin(ctx);
    const input = parseOrThrow(PrefixAssignmentSchema, parseJsonArgument(assignmentJson, 'assignment'));
    const enterprise = await readEnterprise(ctx, input.enterpriseId);
    if (!enterprise || enterprise.status !== 'active') throw notFound(`enterprise ${input.enterpriseId} is not an active registered enterprise`);
    const key = companyPrefixKey(ctx, input.kind, input.prefix);
    const earlier = await readRecord<PrefixAssignment>(ctx, key);
    if (earlier) throw conflict(`${input.kind} company prefix ${input.prefix} is already assigned to ${earlier.enterpriseId}`);
    const assignment: PrefixAssignment = { ...input, assignedAt: txTimeIso(ctx), assignedBy: `${admin.enrollmentId}@${admin.mspId}` };
    await writeRecord(ctx, key, assignment);
    emitLedgerEvent(ctx, RegistryEvents.companyPrefixAssigned, assignment);
    return JSON.stringify(assignment);
  }

  /** The prefix's owner lets another enterprise make lots and units under it. */
  @Transaction()
  @Returns('string')
  async delegatePrefix(ctx: Context, delegationJson: string): Promise<string> {
    const { enterprise } = await requireEnterpriseCaller(ctx);
    const input = parseOrThrow(PrefixDelegationSchema, parseJsonArgument(delegationJson, 'delegation'));
    await this.#requireOwner(ctx, enterprise.id, input.kind, input.prefix);
    if (!(await readEnterprise(ctx, input.delegateId))) throw notFound(`enterprise ${input.delegateId} is not registered`);
    const delegation: PrefixDelegation = { ...input, grantedAt: txTimeIso(ctx), txId: ctx.stub.getTxID() };
    await writeRecord(ctx, prefixDelegationKey(ctx, input.kind, input.prefix, input.delegateId), delegation);
    emitLedgerEvent(ctx, RegistryEvents.companyPrefixDelegated, delegation);
    return JSON.stringify(delegation);
  }

  @Transaction()
  @Returns('string')
  async withdrawDelegation(ctx: Context, kind: string, prefix: string, delegateId: string): Promise<string> {
    const { enterprise } = await requireEnterpriseCaller(ctx);
    await this.#requireOwner(ctx, enterprise.id, kindOf(kind), prefix);
    const key = prefixDelegationKey(ctx, kindOf(kind), prefix, delegateId);
    const delegation = await readRecord<PrefixDelegation>(ctx, key);
    if (!delegation) throw notFound(`${delegateId} holds no delegation of ${kind} prefix ${prefix}`);
    await ctx.stub.deleteState(key);
    const withdrawn = { ...delegation, withdrawnAt: txTimeIso(ctx) };
    emitLedgerEvent(ctx, RegistryEvents.companyPrefixDelegationWithdrawn, withdrawn);
    return JSON.stringify(withdrawn);
  }

  @Transaction(false)
  @Returns('string')
  async getPrefix(ctx: Context, kind: string, prefix: string): Promise<string> {
    const assignment = await readRecord<PrefixAssignment>(ctx, companyPrefixKey(ctx, kindOf(kind), prefix));
    if (!assignment) throw notFound(`${kind} company prefix ${prefix} is not assigned on the platform`);
    return JSON.stringify(assignment);
  }

  async #requireOwner(ctx: Context, enterpriseId: string, kind: PrefixKind, prefix: string): Promise<void> {
    const assignment = await readRecord<PrefixAssignment>(ctx, companyPrefixKey(ctx, kind, prefix));
    if (assignment?.enterpriseId !== enterpriseId) {
      throw forbidden(`only the owner of ${kind} company prefix ${prefix} may delegate it; ${enterpriseId} does not own it`);
    }
  }
}
