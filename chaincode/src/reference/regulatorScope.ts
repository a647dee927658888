import type { Context } from 'fabric-contract-api';
import { forbidden, MspIds } from '../../../model/src';
import { callerOf, describeCaller } from '../common/caller';
import { readRegulatorBinding } from '../registry/regulatorStore';
import { requireRegulator } from '../registry/registeredCaller';
import { readReference, regionChainOf } from './referenceStore';

/** The regions a regulator identity acts on; `all` for the platform admin. */
export interface RegulatorScope {
  actorId: string;
  unitId: string | undefined;
  regions: readonly string[] | 'all';
}

/**
 * A registered regulator's scope: the regions of its unit when the binding's `unit` names a regulator
 * unit of the reference data, else the regions recorded on its binding.
 */
export async function regulatorScopeOf(ctx: Context): Promise<RegulatorScope> {
  const caller = await requireRegulator(ctx);
  const actorId = `regulator:${caller.enrollmentId}`;
  if (caller.role === 'admin') return { actorId, unitId: undefined, regions: 'all' };
  const binding = await readRegulatorBinding(ctx, MspIds.regulator, caller.enrollmentId);
  const unit = binding ? await readReference(ctx, 'regulatorUnit', binding.unit) : undefined;
  return { actorId, unitId: unit?.unitId, regions: unit?.regions ?? binding?.regions ?? [] };
}

/** Refuses a regulator whose scope does not reach `regionCode` (a subject without a region: admins only). */
export async function requireRegionInScope(ctx: Context, scope: RegulatorScope, regionCode: string | undefined, what: string): Promise<void> {
  if (scope.regions === 'all') return;
  const covered = scope.regions;
  if (regionCode !== undefined && (await regionChainOf(ctx, regionCode)).some((code) => covered.includes(code))) return;
  throw forbidden(
    `${what} lies in region ${regionCode ?? '(none)'}, outside the regions ${covered.join(', ') || '(none)'} of ${describeCaller(callerOf(ctx))}`,
  );
}
