import type { Context } from 'fabric-contract-api';
import type { ColdChainLedgerUpdate, ColdChainLot } from '../../../model/src';
import { SupplyChainSession } from '../supplychain';

/** One cold-chain transaction: the supply-chain session over cold-chain lots, reporting in the cold-chain bundle. */
export type ColdChainSession = SupplyChainSession<ColdChainLot, ColdChainLedgerUpdate>;

/** The lists every cold-chain event carries even when empty, in the order clients have always read them. */
function emptyColdChainUpdate(): ColdChainLedgerUpdate {
  return { lots: [], custodyEvents: [], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [] };
}

/** `actorId` is the enterprise (or `regulator:<enrollment id>`) the records name as their author. */
export function openColdChainSession(ctx: Context, actorId: string): ColdChainSession {
  return new SupplyChainSession(ctx, actorId, emptyColdChainUpdate);
}
