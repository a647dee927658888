import {
  conflict,
  forbidden,
  notFound,
  type IdentificationCodeAssignment,
  type IdentificationCodeAssignmentInput,
  type ManufactureDelegation,
  type ManufactureDelegationInput,
} from '../../../model/src';
import { describeCaller, type Caller } from '../common/caller';
import { delegationKey, identificationCodeKey } from './drugKeys';
import type { DrugSession } from './drugSession';

/** The platform admin assigns an identification code to a registered holder, once. */
export async function assignIdentificationCode(session: DrugSession, admin: Caller, input: IdentificationCodeAssignmentInput): Promise<IdentificationCodeAssignment> {
  const holder = await session.enterprise(input.holderId);
  if (!holder || holder.status !== 'active') throw notFound(`enterprise ${input.holderId} is not an active registered enterprise`);
  if (!holder.kinds.includes('drugMaker')) throw conflict(`enterprise ${input.holderId} is not registered as a drugMaker (marketing-authorisation holder); it is ${holder.kinds.join(', ')}`);
  const key = identificationCodeKey(session.ctx, input.idCode);
  const earlier = await session.read<IdentificationCodeAssignment>(key);
  if (earlier) throw conflict(`identification code ${input.idCode} is already assigned to ${earlier.holderId}`);
  const assignment: IdentificationCodeAssignment = { ...input, assignedAt: session.now, assignedBy: describeCaller(admin), txId: session.txId };
  session.stage(key, assignment, 'assignments');
  return assignment;
}

export async function readAssignment(session: DrugSession, idCode: string): Promise<IdentificationCodeAssignment | undefined> {
  return session.read<IdentificationCodeAssignment>(identificationCodeKey(session.ctx, idCode));
}

/** The holder lets a registered contract manufacturer write its products' batches and codes. */
export async function delegateManufacture(session: DrugSession, input: ManufactureDelegationInput): Promise<ManufactureDelegation> {
  if (input.manufacturerId === session.actorId) throw conflict('a holder needs no delegation to manufacture its own products');
  const maker = await session.enterprise(input.manufacturerId);
  if (!maker || maker.status !== 'active') throw notFound(`manufacturerId: enterprise ${input.manufacturerId} is not an active registered enterprise`);
  const delegation: ManufactureDelegation = { ...input, holderId: session.actorId, grantedAt: session.now, txId: session.txId };
  session.stage(delegationKey(session.ctx, session.actorId, input.manufacturerId), delegation, 'delegations');
  return delegation;
}

export async function withdrawManufacture(session: DrugSession, manufacturerId: string): Promise<ManufactureDelegation> {
  const key = delegationKey(session.ctx, session.actorId, manufacturerId);
  const delegation = await session.read<ManufactureDelegation>(key);
  if (!delegation || delegation.withdrawnAt) throw notFound(`${session.actorId} has no delegation to ${manufacturerId} to withdraw`);
  const withdrawn = { ...delegation, withdrawnAt: session.now, txId: session.txId };
  session.stage(key, withdrawn, 'delegations');
  return withdrawn;
}

/**
 * Refuses a writer who is neither the holder nor a contract manufacturer the holder delegated (and
 * has not withdrawn): any other enterprise may be a rival minting codes under the holder's name.
 */
export async function requireHolderOrManufacturer(session: DrugSession, holderId: string, what: string): Promise<void> {
  if (session.actorId === holderId) return;
  const delegation = await session.read<ManufactureDelegation>(delegationKey(session.ctx, holderId, session.actorId));
  if (delegation && !delegation.withdrawnAt) return;
  throw forbidden(`only the marketing-authorisation holder ${holderId} or a contract manufacturer it delegated may ${what}; ${session.actorId} is neither`);
}

