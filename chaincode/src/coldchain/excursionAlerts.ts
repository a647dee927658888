import {
  anchorSpan,
  invalid,
  isExcursionFor,
  periodMeets,
  unexplainedExtreme,
  windowSpan,
  type ColdChainLot,
  type ExcursionEpisode,
  type LoggerAttachment,
  type ReadingAnchor,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecordsByPartialKey } from '../common/state';
import type { ColdChainSession } from './coldChainSession';

/**
 * Turns an anchored window into excursion alerts, deciding in chaincode, lot by lot, what the anchor
 * means for each lot the logger was attached to while the anchor speaks: an episode counts for a lot
 * when, cut to the lot's attachment period, it leaves the lot's range for at least the lot's
 * tolerance. The gateway's episodes are not taken on trust: the schema holds them to the window's
 * stated min and max, and a window whose extremes break an attached lot's range without an episode
 * reaching them is refused here (the extremes can be proven against the root; silence cannot).
 *
 * The logger's attachments are one range read over the logger (only its owner and the enterprises
 * the owner granted write there); a lot's key is read only when one of its periods meets the time the
 * anchor speaks about. Lots attached at other times, and every write their custodians make, stay out
 * of the transaction's read set and cannot make the owner's anchor fail on a read conflict.
 */
export async function raiseExcursionAlerts(session: ColdChainSession, anchor: ReadingAnchor): Promise<void> {
  const spoken = anchorSpan(anchor);
  const window = windowSpan(anchor);
  const attachments = await readRecordsByPartialKey<LoggerAttachment>(session.ctx, KeyTypes.loggerAttachment, anchor.loggerId);
  for (const attachment of attachments) {
    const periods = attachment.periods.filter((period) => periodMeets(period, spoken));
    if (periods.length === 0) {
      continue;
    }
    const lot = await session.lot(attachment.lotId);
    if (periods.some((period) => periodMeets(period, window))) {
      const unexplained = unexplainedExtreme(anchor, lot.storageRange);
      if (unexplained !== undefined) {
        throw invalid(
          `the window of logger ${anchor.loggerId} starting ${anchor.windowStart} was attached to lot ${lot.id} (${rangeText(lot)}), and ${unexplained}; report the readings outside the range as an episode, however short`,
        );
      }
    }
    for (const period of periods) {
      for (const episode of anchor.excursions) {
        const during = clip(episode, period.from, period.to);
        if (during) {
          await raiseExcursion(session, lot, during, anchor);
        }
      }
    }
  }
}

const rangeText = (lot: ColdChainLot): string => `${lot.storageRange.minTenthsC / 10}..${lot.storageRange.maxTenthsC / 10} °C`;

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
  await session.raiseAlert({
    lotId: lot.id,
    alertId: `excursion:${episode.start}`,
    kind: 'excursion',
    detail: `lot ${lot.id} was outside ${rangeText(lot)} from ${episode.start} to ${episode.end} (${episode.minTenthsC / 10}..${episode.maxTenthsC / 10} °C, logger ${anchor.loggerId})`,
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
