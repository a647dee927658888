import type { Elevator } from '../../../model/src';
import { cacheKeys } from '../projection/cacheKeys';
import { elevatorLookupIds } from '../projection/elevator';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';

/** A lift's car-page facts: the lift as projected and the names of its firm and using unit. */
export interface ElevatorFacts {
  elevator: Elevator;
  firmName: string | undefined;
  usingUnitName: string | undefined;
}

/**
 * Lifts as the car page reads them: by the GIAI on the car's label, through the read cache (the
 * projector drops a lift's keys whenever a block touches it), two `_id` reads on a miss. "Nothing
 * here" is not kept, so random codes cannot fill the cache.
 */
export class ElevatorViews {
  constructor(
    private readonly models: Pick<LedgerModels, 'elevatorLookups' | 'elevators' | 'enterprises'>,
    private readonly cache: ProjectionReadCache,
  ) {}

  async byGiai(giai: string): Promise<ElevatorFacts | undefined> {
    const elevator = await this.cache.get(cacheKeys.elevatorByGiai(giai), () => this.#load(elevatorLookupIds.giai(giai)), { ttlMs: Infinity, keepIf: (e) => e !== undefined });
    if (!elevator) return undefined;
    const [firmName, usingUnitName] = await Promise.all([this.#name(elevator.maintenanceFirmId), this.#name(elevator.usingUnitId)]);
    return { elevator, firmName, usingUnitName };
  }

  /** By device code or registration number: the regulator's and the API's reads. */
  async byId(id: string): Promise<Elevator | undefined> {
    const direct = await this.models.elevators.findById(id).lean();
    if (direct) return direct.record as unknown as Elevator;
    return this.#load(elevatorLookupIds.registration(id));
  }

  async #load(lookupId: string): Promise<Elevator | undefined> {
    const lookup = await this.models.elevatorLookups.findById(lookupId).lean();
    if (!lookup) return undefined;
    const doc = await this.models.elevators.findById(lookup.deviceCode).lean();
    return doc ? (doc.record as unknown as Elevator) : undefined;
  }

  /** The enterprise's name, cached under the key (and as the value) the lot pages use. */
  #name(enterpriseId: string): Promise<string | undefined> {
    return this.cache.get(
      cacheKeys.enterprise(enterpriseId),
      async () => {
        const found = await this.models.enterprises.findById(enterpriseId).lean();
        return found ? String(found.record.name) : undefined;
      },
      { ttlMs: Infinity, keepIf: (name) => name !== undefined },
    );
  }
}
