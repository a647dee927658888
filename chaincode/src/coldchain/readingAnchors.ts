import type { Context } from 'fabric-contract-api';
import {
  canonicalJson,
  conflict,
  forbidden,
  isExcursionFor,
  notFound,
  type ColdChainLot,
  type ExcursionEpisode,
  type LoggerAttachment,
  type ReadingAnchor,
  type ReadingAnchorInput,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import type { ColdChainSession } from './coldChainSession';
import { anchorKey } from './coldChainKeys';
import { readLogger } from './loggers';

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
 * Anchors a window of one logger's readings (the Merkle root the gateway built) and turns reported
 * excursion episodes into risk alerts on every lot the logger was attached to at the time. Only the
 * logger's owner anchors. Re-anchoring the same window with the same content changes nothing; with
 * other content it is refused, since a root once anchored is what proofs are checked against.
 */
export async function anchorReadings(session: ColdChainSession, input: ReadingAnchorInput): Promise<{ anchor: ReadingAnchor; repeated: boolean }> {
  requireEventTimeNotAhead(session.ctx, input.windowEnd, 'windowEnd');
  const logger = await readLogger(session, input.loggerId);
  if (logger.ownerId !== session.actorId) {
    throw forbidden(`only the owner ${logger.ownerId} of logger ${logger.loggerId} may anchor its readings; caller is ${session.actorId}`);
  }
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
  const attachments = await readRecordsByPartialKey<LoggerAttachment>(session.ctx, KeyTypes.loggerAttachment, input.loggerId);
  for (const attachment of attachments) {
    const lot = await session.lot(attachment.lotId);
    for (const period of attachment.periods) {
      for (const episode of input.excursions) {
        const during = clip(episode, period.from, period.to);
        if (during) {
          await raiseExcursion(session, lot, during, anchor);
        }
      }
    }
  }
  return { anchor, repeated: false };
}

/** The part of an episode inside an attachment period, or undefined when they do not meet. */
function clip(episode: ExcursionEpisode, from: string, to: string | undefined): ExcursionEpisode | undefined {
  const start = Math.max(Date.parse(episode.start), Date.parse(from));
  const end = Math.min(Date.parse(episode.end), to === undefined ? Infinity : Date.parse(to));
  return start <= end ? { ...episode, start: new Date(start).toISOString(), end: new Date(end).toISOString() } : undefined;
}

/** One alert per lot and episode start: the same episode reported again raises nothing new. */
async function raiseExcursion(session: ColdChainSession, lot: ColdChainLot, episode: ExcursionEpisode, anchor: ReadingAnchor): Promise<void> {
  if (!isExcursionFor(lot.storageRange, lot.excursionToleranceMinutes * 60_000, episode)) {
    return;
  }
  const range = `${lot.storageRange.minTenthsC / 10}..${lot.storageRange.maxTenthsC / 10} °C`;
  await session.raiseAlert({
    lotId: lot.id,
    alertId: `excursion:${episode.start}`,
    kind: 'excursion',
    detail: `lot ${lot.id} was outside ${range} from ${episode.start} to ${episode.end} (${episode.minTenthsC / 10}..${episode.maxTenthsC / 10} °C, logger ${anchor.loggerId})`,
    evidence: {
      loggerId: anchor.loggerId,
      start: episode.start,
      end: episode.end,
      minTenthsC: episode.minTenthsC,
      maxTenthsC: episode.maxTenthsC,
      merkleRoot: anchor.merkleRoot,
      windowStart: anchor.windowStart,
    },
  });
}
