import { z } from 'zod';
import { EventTimeSchema, UtcTimeSchema } from '../eventTime';
import { MAX_ANCHOR_WINDOW_MS } from '../ledgerBounds';
import { verifyInclusion, type InclusionProof } from '../merkle/auditPath';
import { leafHash, merkleRoot } from '../merkle/merkleTree';
import { DeviceCodeSchema } from './elevator';

/**
 * One window of a lift's IoT runtime (a minute, typically) as its monitoring platform reports it:
 * runs, door cycles, faults and trapped-passenger events. Raw summaries stay off chain; each upload's
 * window is anchored on chain as the RFC 6962 root of their canonical encodings with the totals, as
 * the cold chain anchors temperature readings.
 */
export const RuntimeSummarySchema = z
  .strictObject({
    windowStart: EventTimeSchema,
    windowEnd: EventTimeSchema,
    runs: z.number().int().min(0).max(100_000),
    doorCycles: z.number().int().min(0).max(200_000),
    faults: z.number().int().min(0).max(10_000),
    trappedEvents: z.number().int().min(0).max(1_000),
  })
  .refine((s) => Date.parse(s.windowEnd) > Date.parse(s.windowStart), { message: 'must be after windowStart', path: ['windowEnd'] });

export type RuntimeSummary = z.infer<typeof RuntimeSummarySchema>;

/**
 * The bytes a summary's leaf hashes: the canonical JSON of the lift's device code and the summary,
 * keys sorted, times in UTC with milliseconds, integers only, so anyone re-encodes it identically.
 *
 * @example
 * runtimeSummaryText('3110', { windowStart: '2026-12-01T00:00:00.000Z', windowEnd: '2026-12-01T00:01:00.000Z', runs: 3, doorCycles: 6, faults: 0, trappedEvents: 0 })
 * // '{"deviceCode":"3110","doorCycles":6,"faults":0,"runs":3,"trappedEvents":0,"windowEnd":"2026-12-01T00:01:00.000Z","windowStart":"2026-12-01T00:00:00.000Z"}'
 */
export function runtimeSummaryText(deviceCode: string, s: RuntimeSummary): string {
  const utc = (t: string): string => new Date(Date.parse(t)).toISOString();
  return `{"deviceCode":${JSON.stringify(deviceCode)},"doorCycles":${s.doorCycles},"faults":${s.faults},"runs":${s.runs},"trappedEvents":${s.trappedEvents},"windowEnd":"${utc(s.windowEnd)}","windowStart":"${utc(s.windowStart)}"}`;
}

/** The anchor of a run of summaries, in time order: their root, count, totals and the window they span. */
export function runtimeAnchorOf(deviceCode: string, summaries: readonly RuntimeSummary[]): RuntimeAnchorInput {
  const sorted = [...summaries].sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
  const sum = (field: 'runs' | 'doorCycles' | 'faults' | 'trappedEvents'): number => sorted.reduce((total, s) => total + s[field], 0);
  return {
    deviceCode,
    windowStart: new Date(Date.parse(sorted[0].windowStart)).toISOString(),
    windowEnd: new Date(Math.max(...sorted.map((s) => Date.parse(s.windowEnd)))).toISOString(),
    merkleRoot: merkleRoot(sorted.map((s) => leafHash(Buffer.from(runtimeSummaryText(deviceCode, s), 'utf8')))).toString('hex'),
    count: sorted.length,
    runs: sum('runs'),
    doorCycles: sum('doorCycles'),
    faults: sum('faults'),
    trappedEvents: sum('trappedEvents'),
  };
}

/** What chaincode anchors: at most a day of a lift's summaries, their root and totals. */
export const RuntimeAnchorInputSchema = z
  .strictObject({
    deviceCode: DeviceCodeSchema,
    windowStart: UtcTimeSchema,
    windowEnd: UtcTimeSchema,
    merkleRoot: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
    count: z.number().int().positive().max(100_000),
    runs: z.number().int().min(0).max(100_000_000),
    doorCycles: z.number().int().min(0).max(200_000_000),
    faults: z.number().int().min(0).max(10_000_000),
    trappedEvents: z.number().int().min(0).max(1_000_000),
  })
  .refine((a) => Date.parse(a.windowEnd) > Date.parse(a.windowStart), { message: 'must be after windowStart', path: ['windowEnd'] })
  .refine((a) => Date.parse(a.windowEnd) - Date.parse(a.windowStart) <= MAX_ANCHOR_WINDOW_MS, { message: 'must lie at most 24 h after windowStart; anchor a longer stretch as several windows', path: ['windowEnd'] });

export type RuntimeAnchorInput = z.infer<typeof RuntimeAnchorInputSchema>;

export interface RuntimeAnchor extends RuntimeAnchorInput {
  anchoredBy: string;
  anchoredAt: string;
  txId: string;
}

/**
 * A lift's usage since its last half-monthly visit, summed from its anchors: what the on-demand rule
 * reads when the next visit is recorded. One small key per lift, apart from the lift's own record, so
 * a summary a minute does not rewrite the lift.
 */
export interface ElevatorUsage {
  deviceCode: string;
  runs: number;
  /** The first anchored instant counted and the last. */
  from?: string;
  to?: string;
}

/** Whole days (at least 1) the usage spans, for the on-demand rule. */
export function usageDays(usage: ElevatorUsage): number {
  if (usage.from === undefined || usage.to === undefined) return 0;
  return Math.max(1, Math.ceil((Date.parse(usage.to) - Date.parse(usage.from)) / 86_400_000));
}

/**
 * What a third party needs to check one runtime summary without the gateway: the lift's device code,
 * the summary, its audit path in its upload's tree, and the root anchored on chain
 * (`elevator:getRuntimeAnchor`).
 */
export interface RuntimeSummaryProof {
  deviceCode: string;
  summary: RuntimeSummary;
  proof: InclusionProof;
  merkleRoot: string;
}

/**
 * Re-encodes the summary canonically, hashes it as a leaf and walks the audit path to the anchored root.
 *
 * @example
 * verifyRuntimeSummaryProof({ deviceCode, summary, proof, merkleRoot: anchor.merkleRoot }) // true unless anything was altered
 */
export function verifyRuntimeSummaryProof({ deviceCode, summary, proof, merkleRoot: root }: RuntimeSummaryProof): boolean {
  let text: string;
  try {
    text = runtimeSummaryText(deviceCode, summary);
  } catch {
    return false;
  }
  return verifyInclusion(leafHash(Buffer.from(text, 'utf8')), proof, root);
}
