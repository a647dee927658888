import type { Context } from 'fabric-contract-api';
import {
  COVERAGE_CHECK_GRACE_MS,
  COVERAGE_GAP_TOLERANCE_MS,
  coveredSpans,
  custodyPeriods,
  eventTimeMillis,
  forbidden,
  MspIds,
  uncoveredParts,
  type ColdChainLot,
  type CustodyPeriod,
  type LoggerAttachment,
  type ReadingAnchor,
  type TimeSpan,
} from '../../../model/src';
import { callerOf } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller } from '../registry/registeredCaller';
import { KeyTypes } from '../common/keys';
import { txTime } from '../common/ledgerTime';
import { readRecord, readRecordsByPartialKey, recordExists } from '../common/state';
import { holderKey, lotKey, readCustodyLog } from '../supplychain';
import { attachmentKey } from './coldChainKeys';
import type { ColdChainSession } from './coldChainSession';

/**
 * A check only reads the ledger, but it writes alerts that name the lot's custodians: a regulator,
 * the platform's intake identity (the gateway's sweeper, RegulatorOrg only) or an enterprise that
 * holds or held the lot may ask for one; a rival may not make a lot's alerts appear at will.
 */
export async function coverageCheckerOf(ctx: Context, lotId: string): Promise<string> {
  const caller = callerOf(ctx);
  if (await actsAsRegulator(ctx, caller)) {
    return `regulator:${caller.enrollmentId}`;
  }
  if (caller.role === 'intake' && caller.mspId === MspIds.regulator) {
    return `platform:${caller.enrollmentId}`;
  }
  const { enterprise } = await requireEnterpriseCaller(ctx);
  const lot = await readRecord<ColdChainLot>(ctx, lotKey(ctx, lotId));
  // Lots last written before holder keys existed know their owner and custodian only.
  const holds = lot !== undefined && (lot.ownerId === enterprise.id || lot.custodianId === enterprise.id || (await recordExists(ctx, holderKey(ctx, lotId, enterprise.id))));
  if (lot && !holds) {
    throw forbidden(`only regulators and enterprises that hold or held lot ${lotId} may ask for its temperature coverage check; ${enterprise.id} never held it`);
  }
  return enterprise.id;
}

export interface CoverageGap {
  period: CustodyPeriod;
  gaps: TimeSpan[];
}

/**
 * Checks every custody period of the lot that ended at least the grace time before this transaction
 * against the anchored readings of the loggers attached to the lot, and raises one `temperatureGap`
 * alert per period with uncovered time (idempotent: checking again changes nothing).
 */
export async function checkTemperatureCoverage(session: ColdChainSession, lotId: string): Promise<CoverageGap[]> {
  await session.lot(lotId);
  const checkedBeforeMs = txTime(session.ctx).getTime() - COVERAGE_CHECK_GRACE_MS;
  const periods = custodyPeriods(await readCustodyLog(session.ctx, lotId)).filter((period) => period.endMs <= checkedBeforeMs);
  if (periods.length === 0) {
    return [];
  }
  const spans = await coverageOf(session, lotId);
  const found: CoverageGap[] = [];
  for (const period of periods) {
    const gaps = uncoveredParts(period, spans);
    if (gaps.length === 0) {
      continue;
    }
    found.push({ period, gaps });
    const uncoveredMinutes = Math.round(gaps.reduce((sum, gap) => sum + gap.endMs - gap.startMs, 0) / 60_000);
    const during = period.kind === 'held' ? `held by ${period.holder}` : `in transit from ${period.holder} to ${period.receiver ?? '?'}`;
    await session.raiseAlert({
      lotId,
      alertId: `temperatureGap:${period.endEventId}`,
      kind: 'temperatureGap',
      detail: `lot ${lotId} has no temperature readings for ${uncoveredMinutes} min of ${gaps.length === 1 ? 'one stretch' : `${gaps.length} stretches`} while ${during} (${iso(period.startMs)} – ${iso(period.endMs)})`,
      evidence: {
        periodKind: period.kind,
        holder: period.holder,
        ...(period.receiver !== undefined ? { receiver: period.receiver } : {}),
        startEventId: period.startEventId,
        endEventId: period.endEventId,
        uncoveredMinutes,
        firstGapStart: iso(gaps[0].startMs),
        firstGapEnd: iso(gaps[0].endMs),
        toleranceMinutes: COVERAGE_GAP_TOLERANCE_MS / 60_000,
      },
    });
  }
  return found;
}

/** Anchored windows of every logger ever attached to the lot, cut to the times it was attached. */
async function coverageOf(session: ColdChainSession, lotId: string): Promise<TimeSpan[]> {
  const loggers = await readRecordsByPartialKey<{ loggerId: string }>(session.ctx, KeyTypes.lotLogger, lotId);
  const spans: TimeSpan[] = [];
  for (const { loggerId } of loggers) {
    const attachment = await session.read<LoggerAttachment>(attachmentKey(session.ctx, loggerId, lotId));
    const anchors = await readRecordsByPartialKey<ReadingAnchor>(session.ctx, KeyTypes.readingAnchor, loggerId);
    const windows = anchors.map((anchor) => ({ startMs: eventTimeMillis(anchor.windowStart), endMs: eventTimeMillis(anchor.windowEnd) }));
    spans.push(...coveredSpans(attachment?.periods ?? [], windows));
  }
  return spans;
}

const iso = (ms: number): string => new Date(ms).toISOString();
