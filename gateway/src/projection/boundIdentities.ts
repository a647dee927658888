import type { BoundIdentity, Rekeyed } from '../../../model/src';
import type { ProjectionHandler } from './handlers';
import type { LedgerModels, LedgerSource } from './models';

/**
 * A binding record as it stands after a key confirmation or a re-keying, into the same document its
 * `IdentityBound` or `RegulatorRegistered` event made (`_id` = `<mspId>/<enrollmentId>`), without the
 * `kind` the event adds. Upserts: a replay writes the same document.
 */
async function projectBound(models: LedgerModels, bound: BoundIdentity, source: LedgerSource): Promise<void> {
  const id = `${bound.mspId}/${bound.enrollmentId}`;
  const model = bound.kind === 'enterprise' ? models.identityBindings : models.regulators;
  const record: Record<string, unknown> = { ...bound };
  delete record.kind;
  await model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
}

/** `IdentityKeyConfirmed`: the holder pinned its key. */
export const projectKeyConfirmation: ProjectionHandler = (models, record, source) => projectBound(models, record as BoundIdentity, source);

/** `IdentityRekeyed`: the retired binding and its successor, from one transaction. */
export const projectRekeying: ProjectionHandler = async (models, record, source) => {
  const { retired, successor } = record as Rekeyed;
  await projectBound(models, retired, source);
  await projectBound(models, successor, source);
};
