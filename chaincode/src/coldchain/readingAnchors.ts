import type { Context } from 'fabric-contract-api';
import { canonicalJson, conflict, notFound, type ReadingAnchor, type ReadingAnchorInput } from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { readRecord } from '../common/state';
import type { ColdChainSession } from './coldChainSession';
import { anchorKey } from './coldChainKeys';
import { raiseExcursionAlerts } from './excursionAlerts';
import { readLogger, requireLoggerOwner } from './loggers';

const utc = (time: string): string => new Date(Date.parse(time)).toISOString();

export async function readAnchor(ctx: Context, loggerId: string, windowStart: string): Promise<ReadingAnchor> {
  const millis = Date.parse(windowStart);
  const anchor = Number.isNaN(millis) ? undefined : await readRecord<ReadingAnchor>(ctx, anchorKey(ctx, loggerId, utc(windowStart)));
  if (!anchor) {
    throw notFound(`logger ${loggerId} has no anchor for a window starting ${windowStart}`);
  }
  return anchor;
}

/**
 * Anchors a window of one logger's readings (the Merkle root the gateway built) and raises the
 * excursion alerts it calls for on the lots the logger was attached to meanwhile, judged here against
 * each lot's range (`excursionAlerts.ts`). Only the logger's owner anchors; the schema has already
 * held the window to its maximum length and its episodes to its stated extremes. Re-anchoring the
 * same window with the same content changes nothing; with other content it is refused, since a root
 * once anchored is what proofs are checked against.
 */
export async function anchorReadings(session: ColdChainSession, input: ReadingAnchorInput): Promise<{ anchor: ReadingAnchor; repeated: boolean }> {
  requireEventTimeNotAhead(session.ctx, input.windowEnd, 'windowEnd');
  const logger = await readLogger(session, input.loggerId);
  requireLoggerOwner(logger, session.actorId, 'anchor its readings');
  const key = anchorKey(session.ctx, input.loggerId, utc(input.windowStart));
  const existing = await session.read<ReadingAnchor>(key);
  if (existing) {
    // canonicalJson drops undefined members, leaving only what the writer submitted.
    if (canonicalJson({ ...existing, enterpriseId: undefined, anchoredAt: undefined, txId: undefined }) === canonicalJson(input)) {
      return { anchor: existing, repeated: true };
    }
    throw conflict(`logger ${input.loggerId} already anchored a different window starting ${utc(input.windowStart)} (root ${existing.merkleRoot})`);
  }
  const anchor: ReadingAnchor = { ...input, enterpriseId: session.actorId, anchoredAt: session.now, txId: session.txId };
  session.stage(key, anchor, 'anchors');
  await raiseExcursionAlerts(session, anchor);
  return { anchor, repeated: false };
}
