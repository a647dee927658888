import type { ColdChainJourney } from './coldchain';
import type { LedgerModels } from './models';
import type { Projector } from './projector';
import type { ProjectionReadCache } from './readCache';

/**
 * What readers of the projection get: its documents, the read cache, and whether what they read
 * may be behind the ledger. Running, stopping and status stay with the {@link Projector}, which
 * only the system routes and the server hold.
 */
export interface ProjectionReads {
  readonly models: LedgerModels;
  /** Cached reads of projected documents, cleared as blocks are projected (see cacheKeys.ts). */
  readonly cache: ProjectionReadCache;
  /** Whether the page of what this read-cache key names may show out-of-date data. */
  mayBeOutOfDate(key: string): boolean;
  /** A lot's journey as the projector last wrote it, while it remembers it; lets readers skip a store read. */
  writtenJourney(lotId: string): ColdChainJourney | undefined;
}

/**
 * The projector's reads alone, with its methods bound: a holder can neither reach its controls
 * nor lose `this` by passing a method on.
 *
 * @example
 * const projection = projectionReadsOf(projector);
 * const journey = projection.writtenJourney(lotId) ?? (await projection.models.journeys.findById(lotId).lean());
 */
export function projectionReadsOf(projector: Projector): ProjectionReads {
  return {
    models: projector.models,
    cache: projector.cache,
    mayBeOutOfDate: (key) => projector.mayBeOutOfDate(key),
    writtenJourney: (lotId) => projector.writtenJourney(lotId),
  };
}
