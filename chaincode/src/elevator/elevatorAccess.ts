import type { Context } from 'fabric-contract-api';
import { forbidden, type Elevator, type Enterprise, type EnterpriseKind } from '../../../model/src';
import { callerOf, type Caller } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller } from '../registry/registeredCaller';

/**
 * Who may write what about a lift. Every enterprise may be a hostile rival, so each write names the
 * one relation that entitles it: the using unit of this lift, the firm under contract for it, an
 * inspection body, a 96333 call centre, or a registered regulator.
 */

/** The caller's enterprise, which must be of `kind`. */
export async function requireEnterpriseOfKind(ctx: Context, kind: EnterpriseKind, action: string): Promise<{ caller: Caller; enterprise: Enterprise }> {
  const acting = await requireEnterpriseCaller(ctx);
  if (!acting.enterprise.kinds.includes(kind)) {
    throw forbidden(`only a registered ${kind} may ${action}; enterprise ${acting.enterprise.id} is ${acting.enterprise.kinds.join(', ')}`);
  }
  return acting;
}

/** The caller must act for the lift's using unit. */
export async function requireUsingUnit(ctx: Context, elevator: Elevator, action: string): Promise<Enterprise> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  if (enterprise.id !== elevator.usingUnitId) {
    throw forbidden(`only the using unit ${elevator.usingUnitId} of elevator ${elevator.deviceCode} may ${action}; caller acts for ${enterprise.id}`);
  }
  return enterprise;
}

/** The caller must act for the firm under contract for the lift: a rival firm cannot write its records. */
export async function requireContractedFirm(ctx: Context, elevator: Elevator, action: string): Promise<{ caller: Caller; enterprise: Enterprise }> {
  const acting = await requireEnterpriseCaller(ctx);
  if (acting.enterprise.id !== elevator.maintenanceFirmId) {
    throw forbidden(`only the maintenance firm under contract ${elevator.maintenanceFirmId} may ${action} elevator ${elevator.deviceCode}; caller acts for ${acting.enterprise.id}`);
  }
  return acting;
}

/**
 * A registered regulator (its id `regulator:<enrollment id>`), or the using unit of the lift: the two
 * who may suspend, resume or scrap it.
 */
export async function usingUnitOrRegulator(ctx: Context, elevator: Elevator, action: string): Promise<string> {
  const caller = callerOf(ctx);
  if (await actsAsRegulator(ctx, caller)) return `regulator:${caller.enrollmentId}`;
  return (await requireUsingUnit(ctx, elevator, action)).id;
}

/** A registered regulator, by the id the records name it with. */
export async function requireRegulatorActor(ctx: Context, action: string): Promise<string> {
  const caller = callerOf(ctx);
  if (!(await actsAsRegulator(ctx, caller))) {
    throw forbidden(`only a registered regulator may ${action}; caller is ${caller.enrollmentId}@${caller.mspId}`);
  }
  return `regulator:${caller.enrollmentId}`;
}

/** The using unit or the firm under contract: the two who report the lift's faults. */
export async function requireUsingUnitOrFirm(ctx: Context, elevator: Elevator, action: string): Promise<string> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  if (enterprise.id !== elevator.usingUnitId && enterprise.id !== elevator.maintenanceFirmId) {
    throw forbidden(`only the using unit ${elevator.usingUnitId} or the firm under contract ${elevator.maintenanceFirmId} may ${action}; caller acts for ${enterprise.id}`);
  }
  return enterprise.id;
}
