import { z } from 'zod';
import { cleanId } from './cleanText';
import { UtcTimeSchema } from './eventTime';
import { clueSubjectStart, isClueSubject, type ClueSubjectRole } from './identifiers';

/** A clue's subject: the Digital Link path (no leading slash) of an item whose kind a clue in `role` may name. */
const clueSubject = (role: ClueSubjectRole, example: string, message: string): z.ZodString =>
  cleanId(example)
    .regex(clueSubjectStart(role), { message, abort: true })
    .refine((subjectId) => isClueSubject(subjectId, role), message);

/**
 * Risk clues (风险线索): reports that regulators must handle in a closed loop. Consumers file
 * complaints from the scan page; the text and category go on chain, contact details never do.
 */

/** What a passenger reports from a lift's car page. */
export const ElevatorComplaintCategories = ['stuck', 'fault', 'dirty', 'unsafe'] as const;

export const ComplaintCategories = ['quality', 'counterfeit', 'temperature', 'labelling', 'illness', 'other', ...ElevatorComplaintCategories] as const;
export type ComplaintCategory = (typeof ComplaintCategories)[number];

export const ConsumerComplaintSchema = z.strictObject({
  /** The Digital Link path of what was scanned, e.g. `01/09521234543213/10/LOT42`. */
  subjectId: clueSubject('complaint', '01/09521234543213/10/LOT42', 'must be the Digital Link path of the scanned item'),
  category: z.enum(ComplaintCategories),
  text: z.string().trim().min(5, 'must say what is wrong in at least 5 characters').max(1000),
});

export type ConsumerComplaint = z.infer<typeof ConsumerComplaintSchema>;

const SerialisedSubjectSchema = clueSubject('hourlyScans', '01/09521234543213/21/SN000042', 'must be the Digital Link path of a serialised item');

/**
 * A serialised code scanned in far-apart regions within a short time, each region seen by several
 * independent clients: a copied code is likely in circulation.
 */
export const HourlyScanAnomalySchema = z.strictObject({
  subjectId: SerialisedSubjectSchema,
  /** Start of the hour the scans fell in (UTC, ISO 8601): one clue per item and hour. */
  windowStart: UtcTimeSchema,
  /** Province-level region codes (first two digits of the administrative code), each with its distinct clients. */
  regions: z.record(z.string().regex(/^\d{2}$/), z.number().int().min(1)).refine((r) => Object.keys(r).length >= 2, 'needs at least two regions'),
  scans: z.number().int().min(2),
});

/**
 * Distinct client networks that must scan a unit after its recorded sale before that counts as a
 * copy in circulation: the buyer and their household are one or two networks, copies are many.
 */
export const SOLD_UNIT_CLIENTS = 3;

/** A unit scanned after its recorded retail sale by {@link SOLD_UNIT_CLIENTS} or more distinct client networks. */
export const AfterSaleScanAnomalySchema = z.strictObject({
  subjectId: clueSubject('scansAfterSale', '01/09521234543213/21/SN000042', 'must be the Digital Link path of a serialised unit'),
  reason: z.literal('scannedAfterSale'),
  /** The sale's event time as the ledger recorded it. */
  soldAt: z.string().min(1).max(40),
  clients: z.number().int().min(SOLD_UNIT_CLIENTS),
  scans: z.number().int().min(SOLD_UNIT_CLIENTS),
});

export const ScanAnomalySchema = z.union([HourlyScanAnomalySchema, AfterSaleScanAnomalySchema]);

export type HourlyScanAnomaly = z.infer<typeof HourlyScanAnomalySchema>;
export type AfterSaleScanAnomaly = z.infer<typeof AfterSaleScanAnomalySchema>;
export type ScanAnomaly = z.infer<typeof ScanAnomalySchema>;

export interface RiskClue extends Partial<ConsumerComplaint> {
  /** The filing transaction's id (complaints), `scan:<hour>` (hourly scan anomalies) or `afterSale:<subjectId>`: unique per subject. */
  clueId: string;
  subjectId: string;
  source: 'consumer' | 'scanMonitor';
  anomaly?: Omit<HourlyScanAnomaly, 'subjectId'> | Omit<AfterSaleScanAnomaly, 'subjectId'>;
  status: 'open';
  filedAt: string;
  filedBy: string;
  txId: string;
}
