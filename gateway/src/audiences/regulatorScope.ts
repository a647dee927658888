import { regionWithin, type ReferenceRecord } from '../../../model/src';
import type { Principal } from '../auth';
import { referenceEntryId } from '../projection/reference';
import { Refusal } from '../refusal';
import type { GatewayServices } from '../services';

/** How many region levels a region's chain holds at most (county, city, province, and room to spare). */
const MAX_REGION_LEVELS = 5;

/** The regions a principal reads, and the region a request may ask for within them. */
export interface RegulatorScope {
  /** All for the admin; the regions of a regulator's unit, else of its binding. */
  regionsOf(principal: Principal): Promise<readonly string[] | 'all'>;
  /**
   * The region asked for, checked against the principal's regions (a region below one of them is
   * within); a regulator whose unit covers one region may leave it out. Refuses (403) outside them.
   */
  regionFor(principal: Principal, asked: string | undefined): Promise<string>;
  /** A region and the regions above it in the region table, nearest first. */
  chainOf(region: string): Promise<string[]>;
}

/**
 * A regulator acts in the regions of its unit, as the reference data stand in the read store: the
 * clue lists, the dashboard and its drill-downs all ask here, so they answer the same regions.
 *
 * @example
 * const region = await regulatorScope(services).regionFor(principalOf(response), query.region);
 */
export function regulatorScope(services: Pick<GatewayServices, 'projection' | 'registry'>): RegulatorScope {
  const { referenceEntries } = services.projection.models;
  const regionsOf = async (principal: Principal): Promise<readonly string[] | 'all'> => {
    if (principal.role === 'admin') return 'all';
    const binding = await services.registry.regulator(principal.sub);
    const unit = binding ? await referenceEntries.findById(referenceEntryId('regulatorUnit', binding.unit)).lean() : null;
    return (unit?.record as unknown as ReferenceRecord<'regulatorUnit'> | undefined)?.entry.regions ?? binding?.regions ?? [];
  };
  const chainOf = async (code: string): Promise<string[]> => {
    const chain: string[] = [];
    for (let current: string | undefined = code; current !== undefined && chain.length < MAX_REGION_LEVELS && !chain.includes(current); ) {
      chain.push(current);
      current = ((await referenceEntries.findById(referenceEntryId('region', current)).lean())?.record as unknown as ReferenceRecord<'region'> | undefined)?.entry.parent;
    }
    return chain;
  };
  return {
    regionsOf,
    chainOf,
    async regionFor(principal, asked) {
      const scope = await regionsOf(principal);
      if (scope === 'all') return asked ?? 'all';
      const region = asked ?? (scope.length === 1 ? scope[0] : undefined);
      if (region === undefined) throw new Refusal('FORBIDDEN', `say which region: your unit covers ${scope.join(', ') || 'no region'}`);
      const chain = region === 'all' ? [] : await chainOf(region);
      if (!regionWithin(region, scope, (code) => chain[chain.indexOf(code) + 1])) throw new Refusal('FORBIDDEN', `region ${region} is outside the regions ${scope.join(', ') || '(none)'} of your unit`);
      return region;
    },
  };
}
