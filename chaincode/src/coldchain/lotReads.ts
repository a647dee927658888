import type { Context } from 'fabric-contract-api';
import { asSeenBy, LotAudiences, type ColdChainLot, type LineageLink } from '../../../model/src';
import { lotReaderAudience, readAlerts, readCustodyLog, readLineage, readLot, readLotHistory, traceLot } from '../supplychain';

/**
 * The cold chain's lot reads as the caller may see them (LotAudiences in the model): the public sees
 * the journey, a party or regulator the record whole (see lotReaderAudience). Each answers JSON.
 */
async function audienceOf(ctx: Context, lotId: string) {
  return lotReaderAudience(ctx, await readLot(ctx, lotId));
}

export async function lotAsSeen(ctx: Context, lotId: string): Promise<string> {
  const lot = await readLot<ColdChainLot>(ctx, lotId);
  return JSON.stringify(asSeenBy(LotAudiences.lot, await lotReaderAudience(ctx, lot), lot));
}

export async function lotHistoryAsSeen(ctx: Context, lotId: string): Promise<string> {
  const audience = await audienceOf(ctx, lotId);
  return JSON.stringify((await readLotHistory<ColdChainLot>(ctx, lotId)).map((version) => asSeenBy(LotAudiences.lotVersion, audience, version)));
}

export async function custodyLogAsSeen(ctx: Context, lotId: string): Promise<string> {
  const audience = await audienceOf(ctx, lotId);
  return JSON.stringify((await readCustodyLog(ctx, lotId)).map((record) => asSeenBy(LotAudiences.custody, audience, record)));
}

export async function lineageAsSeen(ctx: Context, lotId: string): Promise<string> {
  const audience = await audienceOf(ctx, lotId);
  const { parents, children } = await readLineage(ctx, lotId);
  const seen = (link: LineageLink) => asSeenBy(LotAudiences.lineageLink, audience, link);
  return JSON.stringify({ lotId, parents: parents.map(seen), children: children.map(seen) });
}

export async function lotTraceAsSeen(ctx: Context, lotId: string): Promise<string> {
  const audience = await audienceOf(ctx, lotId);
  return JSON.stringify(asSeenBy(LotAudiences.lotTrace, audience, await traceLot(ctx, lotId)));
}

export async function alertsAsSeen(ctx: Context, lotId: string): Promise<string> {
  const audience = await audienceOf(ctx, lotId);
  return JSON.stringify((await readAlerts(ctx, lotId)).map((alert) => asSeenBy(LotAudiences.alert, audience, alert)));
}
