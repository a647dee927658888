import type { LineageLink } from '../../../model/src';
import { cacheKeys } from '../projection/cacheKeys';
import type { ColdChainJourney } from '../projection/coldchain';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';
import { mapParallel } from '../store/mapParallel';

export type TraceDirection = 'forward' | 'back';

/** One lot a trace reached: how far from the start, and who held it. */
export interface TracedLot {
  lotId: string;
  /** Lineage steps from the start lot (0 = the start). */
  depth: number;
  product?: string;
  status?: string;
  hold?: string;
  custodianId?: string;
  /** Enterprises that recorded custody of this lot, in custody order. */
  holders: string[];
}

export interface LotTraceResult {
  lotId: string;
  direction: TraceDirection;
  hops: number;
  lots: TracedLot[];
  /** Every enterprise that held any reached lot. */
  holders: string[];
  /** The lineage links crossed. */
  links: LineageLink[];
  /** True when the walk stopped at {@link MAX_TRACED_LOTS} lots. */
  truncated: boolean;
}

/** A trace never returns more lots than this (a bound on work per request). */
export const MAX_TRACED_LOTS = 20_000;
const PARALLEL_LOOKUPS = 32;

/**
 * Follows a lot's custody and lineage from the projection, `hops` lineage levels forward (children:
 * splits, merges, transformations made from it) or back (parents), breadth first. Each level is one
 * parallel round of `_id` lookups of journey documents (no collection scan on any store), so the cost
 * grows with the lots reached, not with the volume projected. Every reached lot brings its holders.
 *
 * @example
 * const result = await traceLots(models, '01/09521234543213/10/LOT42', 'forward', 5);
 * result.holders; // every enterprise that held the lot or anything made from it
 */
export async function traceLots(models: LedgerModels, lotId: string, direction: TraceDirection, hops: number, cache?: ProjectionReadCache): Promise<LotTraceResult | undefined> {
  const load = (id: string): Promise<ColdChainJourney | null> => {
    const read = async () => (await models.journeys.read(id)) ?? null;
    return cache ? cache.get(cacheKeys.journey(id), read) : read();
  };
  const start = await load(lotId);
  if (!start?.lot) return undefined;
  const seen = new Map<string, TracedLot>();
  const links = new Map<string, LineageLink>();
  const holders = new Set<string>();
  let frontier: ColdChainJourney[] = [start];
  let truncated = false;
  for (let depth = 0; frontier.length > 0; depth++) {
    const next = new Set<string>();
    for (const journey of frontier) {
      if (seen.has(journey._id)) continue;
      seen.set(journey._id, {
        lotId: journey._id,
        depth,
        product: journey.lot?.product,
        status: journey.lot?.status,
        hold: journey.lot?.hold?.state,
        custodianId: journey.lot?.custodianId,
        holders: journey.holders,
      });
      for (const holder of journey.holders) holders.add(holder);
      if (depth >= hops) continue;
      for (const link of direction === 'forward' ? journey.children : journey.parents) {
        links.set(`${link.parentId}>${link.childId}|${link.eventId}`, link);
        const neighbour = direction === 'forward' ? link.childId : link.parentId;
        if (!seen.has(neighbour)) next.add(neighbour);
      }
    }
    if (seen.size + next.size > MAX_TRACED_LOTS) {
      truncated = true;
      break;
    }
    frontier = (await mapParallel([...next], PARALLEL_LOOKUPS, load)).filter((j): j is ColdChainJourney => j !== null);
  }
  return { lotId, direction, hops, lots: [...seen.values()], holders: [...holders], links: [...links.values()], truncated };
}
