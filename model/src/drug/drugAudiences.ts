import { dayOf, publicViewOnly } from '../audience';
import type { DrugBatch } from './batch';
import type { DrugMovement, DrugPack } from './codeMovement';
import type { PublicPackView } from './verification';

/**
 * What each audience sees of the drug domain's records. A pack's children are its holder's and the
 * regulators' only: an anonymous scan of a case shows its product, count and status, never the child
 * codes, which would hand counterfeiters genuine serials. A movement's codes and counts are its
 * parties'; the public sees what happened on which day.
 */
export function publicPack(pack: DrugPack): PublicPackView {
  return { parent: pack.parent, level: pack.level, productId: pack.productId, childCount: pack.childCount, contents: pack.contents, status: pack.status };
}

/** A batch as the public sees it: identity, dates and holds; planned and commissioned quantities are business facts. */
export type PublicBatch = Omit<DrugBatch, 'quantities' | 'commissioned'>;

export function publicBatch(batch: DrugBatch): PublicBatch {
  const { quantities, commissioned, ...rest } = batch;
  void quantities;
  void commissioned;
  return rest;
}

export interface PublicMovement {
  action: DrugMovement['action'];
  by: string;
  day: string;
  cityRegion?: string;
}

export function publicMovement(movement: DrugMovement): PublicMovement {
  return {
    action: movement.action,
    by: movement.by,
    day: dayOf(movement.eventTime),
    ...(movement.region ? { cityRegion: `${movement.region.slice(0, 4)}00` } : {}),
  };
}

/** The parties of a movement: who made it and whom it was for. */
export function movementParties(movement: Pick<DrugMovement, 'by' | 'to'>): string[] {
  return movement.to ? [movement.by, movement.to] : [movement.by];
}

export const DrugAudiences = {
  pack: publicViewOnly(publicPack),
  batch: publicViewOnly(publicBatch),
  movement: publicViewOnly(publicMovement),
} as const;
