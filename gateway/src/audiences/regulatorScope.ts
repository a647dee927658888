import type { Model } from 'mongoose';
import { regionWithin, type ReferenceRecord, type RegulatorBinding } from '../../../model/src';
import type { Principal } from '../auth';
import { forbiddenRequest } from '../http/httpError';
import type { ProjectedDocument } from '../projection/models';
import { referenceEntryId } from '../projection/reference';

/**
 * The regions a regulator reads: those of its unit in the reference data, else those of its own
 * binding; the admin reads all. Registers (clues, recalls) and their exports ask it the same way, so
 * a regulator sees the same region in a list and in its download.
 *
 * @example
 * const scope = regulatorScope(services.registry, services.projection.models.referenceEntries);
 * const region = await scope.regionFor(principal, query.region); // 403 outside the unit's regions
 */
export interface RegulatorScope {
  /** `all` for the admin; the unit's regions, else the binding's, for a regulator. */
  regionsOf(principal: Principal): Promise<readonly string[] | 'all'>;
  /** The region asked for, checked against the principal's regions; a regulator with one region may leave it out. */
  regionFor(principal: Principal, asked: string | undefined): Promise<string>;
  /** A region and the regions above it in the region table, nearest first. */
  chainOf(region: string): Promise<string[]>;
}

export function regulatorScope(registry: { regulator(enrollmentId: string): Promise<RegulatorBinding | undefined> }, referenceEntries: Model<ProjectedDocument>): RegulatorScope {
  const regionsOf = async (principal: Principal): Promise<readonly string[] | 'all'> => {
    if (principal.role === 'admin') return 'all';
    const binding = await registry.regulator(principal.sub);
    const unit = binding ? await referenceEntries.findById(referenceEntryId('regulatorUnit', binding.unit)).lean() : null;
    return (unit?.record as unknown as ReferenceRecord<'regulatorUnit'> | undefined)?.entry.regions ?? binding?.regions ?? [];
  };
  const chainOf = async (code: string): Promise<string[]> => {
    const chain: string[] = [];
    for (let current: string | undefined = code; current !== undefined && chain.length < 5 && !chain.includes(current); ) {
      chain.push(current);
      current = ((await referenceEntries.findById(referenceEntryId('region', current)).lean())?.record as unknown as ReferenceRecord<'region'> | undefined)?.entry.parent;
    }
    return chain;
  };
  const regionFor = async (principal: Principal, asked: string | undefined): Promise<string> => {
    const scope = await regionsOf(principal);
    if (scope === 'all') return asked ?? 'all';
    const region = asked ?? (scope.length === 1 ? scope[0] : undefined);
    if (region === undefined) throw forbiddenRequest(`say which region: your unit covers ${scope.join(', ') || 'no region'}`);
    const chain = region === 'all' ? [] : await chainOf(region);
    if (!regionWithin(region, scope, (code) => chain[chain.indexOf(code) + 1])) throw forbiddenRequest(`region ${region} is outside the regions ${scope.join(', ') || '(none)'} of your unit`);
    return region;
  };
  return { regionsOf, regionFor, chainOf };
}
