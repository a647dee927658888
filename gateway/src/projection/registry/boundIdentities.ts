import type { BoundIdentity, Rekeyed } from '../../../../model/src';
import type { LedgerSource } from '../ledgerModel';
import type { RegistryModels } from './models';

type BindingModels = Pick<RegistryModels, 'identityBindings' | 'regulators'>;

/**
 * A binding record as it stands after a key confirmation or a re-keying, into the same document its
 * `IdentityBound` or `RegulatorRegistered` event made (`_id` = `<mspId>/<enrollmentId>`), without the
 * `kind` the event adds. Upserts: a replay writes the same document.
 */
async function projectBound(models: BindingModels, bound: BoundIdentity, source: LedgerSource): Promise<void> {
  const id = `${bound.mspId}/${bound.enrollmentId}`;
  const model = bound.kind === 'enterprise' ? models.identityBindings : models.regulators;
  const record: Record<string, unknown> = { ...bound };
  delete record.kind;
  await model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
}

/** `IdentityKeyConfirmed`: the holder pinned its key. */
export const projectKeyConfirmation = (models: BindingModels, record: unknown, source: LedgerSource): Promise<void> => projectBound(models, record as BoundIdentity, source);

/** `IdentityRekeyed`: the retired binding and its successor, from one transaction. */
export async function projectRekeying(models: BindingModels, record: unknown, source: LedgerSource): Promise<void> {
  const { retired, successor } = record as Rekeyed;
  await projectBound(models, retired, source);
  await projectBound(models, successor, source);
}
