import type { Connection } from 'mongoose';
import { clueModels, clueProjection } from './clues';
import { ColdChainProjection, coldChainModels } from './coldchain';
import type { DomainProjection } from './domainProjection';
import { drugModels, drugProjection } from './drug';
import type { LedgerModels } from './models';
import { elevatorModels, elevatorProjection } from './elevator';
import { recallModels, recallProjection } from './recalls';
import { referenceModels, referenceProjection } from './reference';
import { registryModels, registryProjection } from './registry';
import { samplingModels, samplingProjection } from './sampling';
import { traceModels, traceProjection } from './trace';

/** Every domain's projection, and by name those that others talk to. */
export interface LedgerProjections {
  /** Each chaincode event name is taken by exactly one of them. */
  readonly list: readonly DomainProjection[];
  /** Consumer views read the journeys it remembers; the coverage sweeper listens to its custody changes. */
  readonly coldChain: ColdChainProjection;
}

/**
 * A fresh set of projections on the store (per projector: they may remember what they wrote). A new
 * domain adds its projection here and its collections to `ledgerModels`.
 */
export function ledgerProjections(connection: Connection, models: Pick<LedgerModels, 'journeys'> = coldChainModels(connection)): LedgerProjections {
  const coldChain = new ColdChainProjection({ ...coldChainModels(connection), journeys: models.journeys });
  const drugCollections = drugModels(connection);
  const drug = drugProjection(drugCollections);
  return {
    list: [registryProjection(registryModels(connection)), clueProjection(clueModels(connection)), coldChain, traceProjection(traceModels(connection)), drug, elevatorProjection(elevatorModels(connection)),
      referenceProjection(referenceModels(connection)),
      // After the cold chain and drugs: a recall's held lots and batches are written after their own events of the same group.
      recallProjection(recallModels(connection), coldChain, { projection: drug, batches: drugCollections.drugBatches }),
      samplingProjection(samplingModels(connection)),
    ],
    coldChain,
  };
}

/** The projection that takes a chaincode event, by the event's name. */
export const projectionTaking = (projections: readonly DomainProjection[], eventName: string): DomainProjection | undefined =>
  projections.find((projection) => projection.events.includes(eventName));

/** Read-cache keys of what one chaincode event touches (none for an event no projection takes). */
export const touchedKeys = (projections: readonly DomainProjection[], eventName: string, record: unknown): string[] =>
  projectionTaking(projections, eventName)?.touchedKeys(eventName, record) ?? [];
