import type { Context } from 'fabric-contract-api';
import { forbidden, MspIds, type Sample } from '../../../model/src';
import { callerOf } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller, requireRegulator } from '../registry/registeredCaller';

/**
 * Who may write what about samples. Inspection bodies are registered regulator identities; the
 * sampled enterprise speaks only for its own samples; finality only states what the ledger's clock
 * already shows, so anyone registered, or the gateway's scheduled check, may ask for it.
 */

/** A registered regulator (inspection body), by the id the records name it with. */
export async function requireInspectionBody(ctx: Context): Promise<string> {
  const caller = await requireRegulator(ctx);
  return `regulator:${caller.enrollmentId}`;
}

/** The sampled enterprise itself, acting with its own identity. */
export async function requireSampledEnterprise(ctx: Context, sample: Sample): Promise<string> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  if (enterprise.id !== sample.enterpriseId) {
    throw forbidden(`only the sampled enterprise ${sample.enterpriseId} may object to sample ${sample.sampleId}; caller acts for ${enterprise.id}`);
  }
  return enterprise.id;
}

/** A regulator, the gateway's platform identity running the scheduled check, or any registered enterprise. */
export async function finalityCheckerOf(ctx: Context): Promise<string> {
  const caller = callerOf(ctx);
  if (await actsAsRegulator(ctx, caller)) return `regulator:${caller.enrollmentId}`;
  if (caller.role === 'intake' && caller.mspId === MspIds.regulator) return `platform:${caller.enrollmentId}`;
  return (await requireEnterpriseCaller(ctx)).enterprise.id;
}
