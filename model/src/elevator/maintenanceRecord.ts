import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { RegistrationNumberSchema } from './elevator';
import { MaintenanceTiers, type MaintenanceTier } from './maintenanceItems';
import { PresenceCodeSchema } from './presenceCode';

/** The longest visit a record may state: a day's work, not a week left open. */
export const MAX_VISIT_MS = 12 * 3_600_000;

const EnrollmentIdSchema = cleanId('mf-worker1').regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1–64 letters, digits or . _ @ -');

/**
 * What a maintenance firm records of one visit (维保记录): the tier, every item of its set done or
 * skipped with a reason, findings, the workers on site by their ledger identities, when they arrived
 * and left, hashes of the photos, and the proof of presence it has: the lift's device codes at arrival
 * and departure, or the machine room's static code. One of the named workers submits it with their own
 * identity; the others sign it with theirs, and the using unit acknowledges it.
 */
export const MaintenanceRecordInputSchema = z
  .strictObject({
    registrationNumber: RegistrationNumberSchema,
    tier: z.enum(MaintenanceTiers),
    itemsDone: z.array(z.string().regex(/^[A-Z]{1,2}\d?-\d{2}$/, 'must be an item id such as A1-01')).max(200),
    itemsSkipped: z
      .array(z.strictObject({ item: z.string().regex(/^[A-Z]{1,2}\d?-\d{2}$/, 'must be an item id such as A1-01'), reason: z.string().trim().min(3).max(300) }))
      .max(200)
      .default([]),
    findings: z.string().trim().max(2000).default(''),
    /** Enrollment ids of the workers on site, each registered as a worker of the firm. */
    workers: z.array(EnrollmentIdSchema).min(1).max(6),
    arrivedAt: EventTimeSchema,
    departedAt: EventTimeSchema,
    evidenceSha256: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters')).max(20).default([]),
    arrivalCode: PresenceCodeSchema.optional(),
    departureCode: PresenceCodeSchema.optional(),
    /** The static code read in the machine room, where the lift has no monitoring device. */
    staticCode: z.string().min(4).max(200).optional(),
  })
  .refine((r) => Date.parse(r.departedAt) > Date.parse(r.arrivedAt), { message: 'must be after arrivedAt', path: ['departedAt'] })
  .refine((r) => Date.parse(r.departedAt) - Date.parse(r.arrivedAt) <= MAX_VISIT_MS, { message: `must lie at most ${MAX_VISIT_MS / 3_600_000} h after arrivedAt`, path: ['departedAt'] })
  .refine((r) => new Set(r.workers).size === r.workers.length, { message: 'must not name a worker twice', path: ['workers'] })
  .refine((r) => (r.arrivalCode === undefined) === (r.departureCode === undefined), { message: 'a device-proven visit needs both arrivalCode and departureCode', path: ['departureCode'] });

export type MaintenanceRecordInput = z.infer<typeof MaintenanceRecordInputSchema>;

/** Records one worker uploads at once (a day's visits, from a firm's app after a shift without signal). */
export const MAX_MAINTENANCE_RECORDS_PER_BATCH = 100;

/** A batch of visits by the submitting worker, each checked as a single record; one lift at most once. */
export const MaintenanceBatchSchema = z
  .strictObject({ records: z.array(MaintenanceRecordInputSchema).min(1).max(MAX_MAINTENANCE_RECORDS_PER_BATCH) })
  .refine((b) => new Set(b.records.map((r) => r.registrationNumber)).size === b.records.length, { message: 'must name each lift at most once (a record\'s id is its transaction\'s)', path: ['records'] });

/** How a record proves the workers were there: the lift's device codes, the static code plus the using unit's word, or nothing. */
export type PresenceProofKind = 'deviceCode' | 'staticCodeAcknowledged' | 'staticCode' | 'none';

/** The record's verdict: proven or not, with every reason it is not. Regulators compare unproven rates with their site checks. */
export interface PresenceVerdict {
  kind: PresenceProofKind;
  /** Device codes are strong; a static code the using unit acknowledged is weak but counts. */
  strength: 'strong' | 'weak' | 'none';
  proven: boolean;
  reasons: string[];
  /** Minutes on site, and the minutes the items done plausibly take the named workers. */
  visitMinutes: number;
  plausibleMinutes: number;
}

export interface MaintenanceRecord extends Omit<MaintenanceRecordInput, 'arrivalCode' | 'departureCode' | 'staticCode'> {
  recordId: string;
  deviceCode: string;
  firmId: string;
  tier: MaintenanceTier;
  /** The Shanghai calendar day of arrival, which the interval is judged by. */
  visitOn: string;
  /** The due date in force when the visit was made, and whether the visit fell after it. */
  dueOn?: string;
  outsideInterval: boolean;
  presence: PresenceVerdict;
  /** Device codes as presented (their signatures were checked), for audit. */
  arrivalCodeIssuedAt?: string;
  departureCodeIssuedAt?: string;
  /** Workers who signed, by enrollment id, with the transaction time; the submitter signs by submitting. */
  signatures: Record<string, string>;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  recordedAt: string;
  txId: string;
}

/** What a co-worker or the using unit submits to sign or acknowledge a record. */
export const RecordReferenceSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  recordId: z.string().regex(/^[0-9a-f]{64}$/, 'must be the record id (the 64-hex id of the transaction that recorded it)'),
});

/** A maintenance firm's worker with the operator certificate (特种设备作业人员证) that lets them work on lifts. */
export const WorkerRegistrationSchema = z.strictObject({
  enrollmentId: EnrollmentIdSchema,
  name: z.string().trim().min(1).max(100),
  certificateNumber: cleanId('TSZ330106199001011234').regex(/^[0-9A-Za-z-]{6,40}$/, 'must be 6–40 letters, digits or -'),
  certificateValidUntil: CalendarDateSchema,
});

export type WorkerRegistration = z.infer<typeof WorkerRegistrationSchema>;

export interface MaintenanceWorker extends WorkerRegistration {
  firmId: string;
  registeredAt: string;
  txId: string;
}

/**
 * The minutes a visit's done items plausibly take the workers on site: their item minutes shared
 * among the workers, as two workers split the list.
 */
export function plausibleMinutes(itemMinutes: readonly number[], workers: number): number {
  const total = itemMinutes.reduce((sum, minutes) => sum + minutes, 0);
  return Math.ceil(total / Math.max(1, workers));
}
