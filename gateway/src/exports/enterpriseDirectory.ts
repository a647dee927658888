import type { Model } from 'mongoose';
import type { Enterprise } from '../../../model/src';
import type { ProjectedDocument } from '../projection/models';
import { byIds } from '../store/byIds';

/**
 * Enterprises' registered names and regions for one export, read from the registry's projection by
 * `_id` for the ids not read before: an export names a few hundred enterprises however many rows it has.
 */
export class EnterpriseDirectory {
  readonly #known = new Map<string, Pick<Enterprise, 'name' | 'region'> | undefined>();

  constructor(private readonly enterprises: Model<ProjectedDocument>) {}

  /** Reads the enterprises not known yet. */
  async learn(ids: Iterable<string | undefined>): Promise<void> {
    const unknown = [...new Set(ids)].filter((id): id is string => id !== undefined && !this.#known.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) this.#known.set(id, undefined);
    for (const doc of await byIds(this.enterprises, unknown)) this.#known.set(doc._id, doc.record as unknown as Enterprise);
  }

  nameOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.#known.get(id)?.name;
  }

  regionOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.#known.get(id)?.region;
  }
}
