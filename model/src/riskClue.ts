import { z } from 'zod';
import { cleanId } from './cleanText';
import { UtcTimeSchema } from './eventTime';
import type { ClueSeverity } from './reference/referenceData';
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

/** Where a clue came from: a consumer, the scan monitor, or an alert the ledger raised in a domain. */
export const ClueSources = ['consumer', 'scanMonitor', 'alert'] as const;
export type ClueSource = (typeof ClueSources)[number];

/**
 * A clue's lifecycle: raised (no unit covers its region yet) → assigned to a regulator unit →
 * verified on site → case filed (then a penalty decided) or dismissed → closed. `open` is what clues
 * filed before the lifecycle existed say; it reads as raised.
 */
export const ClueStates = ['raised', 'assigned', 'verified', 'caseFiled', 'dismissed', 'closed'] as const;
export type ClueState = (typeof ClueStates)[number];

/** The alert a clue was raised from: its domain, the item it is about, its id there. */
export interface ClueAlertSource {
  domain: 'coldchain' | 'drug' | 'elevator' | 'sampling';
  /** The lot, drug code, lift device code or sample id the alert is kept under. */
  itemId: string;
  alertId: string;
  kind: string;
}

export interface ClueStep {
  action: 'raised' | 'assigned' | 'verified' | 'caseFiled' | 'penaltyDecided' | 'dismissed' | 'closed' | 'escalated';
  at: string;
  by: string;
  txId: string;
  unitId?: string;
}

export interface RiskClue extends Partial<ConsumerComplaint> {
  /** The filing transaction's id (complaints), `scan:<hour>` (hourly scan anomalies), `afterSale:<subjectId>` or `alert:<alertId>`: unique per subject. */
  clueId: string;
  subjectId: string;
  source: ClueSource;
  anomaly?: Omit<HourlyScanAnomaly, 'subjectId'> | Omit<AfterSaleScanAnomaly, 'subjectId'>;
  alert?: ClueAlertSource;
  status: ClueState | 'open';
  severity?: ClueSeverity;
  /** The subject's region when raised (the custodian's, the lift's, the place of the scans); absent when the ledger cannot tell. */
  regionCode?: string;
  /** `regionCode` and the regions above it in the region table when raised, nearest first: where the clue is listed and counted. */
  regionChain?: string[];
  /** The enterprise the clue concerns (the custodian, the sampled enterprise, the batch's holder, the lift's firm), when the ledger can tell: its credit grade counts it. */
  enterpriseId?: string;
  /** The regulator unit handling it, and the region through which it covers the clue's. */
  unitId?: string;
  coveredRegion?: string;
  /** Transaction time by which it must be closed; each escalation sets a new one. */
  deadline?: string;
  escalations?: number;
  verification?: { findings: string; evidenceHashes: string[]; inspector: string; at: string; txId: string };
  case?: { caseNumber: string; filedAt: string; by: string; penalty?: { decision: string; publish: boolean; decidedAt: string; by: string } };
  dismissal?: { reason: string; at: string; by: string };
  closedAt?: string;
  closedBy?: string;
  /** Every step, oldest first; at most {@link MAX_CLUE_STEPS}. */
  steps?: ClueStep[];
  filedAt: string;
  filedBy: string;
  txId: string;
}

/** Escalations a clue takes before it stays where it is (the province's unit, usually, after two). */
export const MAX_CLUE_ESCALATIONS = 6;
/** Steps a clue records at most: the lifecycle takes under a dozen; reassignments back and forth stop here. */
export const MAX_CLUE_STEPS = 40;

const EvidenceHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha-256 hash in lower-case hex (64 characters)');

/** Names one clue: a clue id is unique per subject only. */
export const ClueReferenceSchema = z.strictObject({
  subjectId: z.string().min(1).max(256),
  clueId: z.string().min(1).max(300),
});
export type ClueReference = z.infer<typeof ClueReferenceSchema>;

export const ClueAssignmentSchema = z.strictObject({ unitId: z.string().min(1).max(64) });
export const ClueVerificationSchema = z.strictObject({
  findings: z.string().trim().min(5, 'must say what the on-site check found in at least 5 characters').max(4000),
  evidenceHashes: z.array(EvidenceHashSchema).max(50).default([]),
});
export const CaseFilingSchema = z.strictObject({ caseNumber: cleanId('杭市监案〔2026〕123号').max(100) });
export const PenaltyDecisionSchema = z.strictObject({
  decision: z.string().trim().min(2).max(2000),
  /** Whether the decision is published (the plan's "public disclosure"). */
  publish: z.boolean(),
});
export const ClueDismissalSchema = z.strictObject({ reason: z.string().trim().min(5, 'must give the reason in at least 5 characters').max(2000) });

/** How serious each kind of clue is, which sets its deadline; unknown kinds are medium. */
const SEVERITY_OF_KIND: Record<string, ClueSeverity> = {
  excursion: 'high',
  failedSample: 'high',
  seriousAdverseReaction: 'high',
  adverseReaction: 'medium',
  unitSoldTwice: 'high',
  duplicateSale: 'high',
  lateRescueArrival: 'high',
  counterfeit: 'high',
  illness: 'high',
  scannedAfterSale: 'high',
  maintenanceOverdue: 'medium',
  unprovenMaintenance: 'medium',
  repeatedFaults: 'medium',
  temperatureGap: 'medium',
  quantityMismatch: 'medium',
  impossibleTravel: 'medium',
  twoPlacesAtOnce: 'medium',
  stuck: 'medium',
  unsafe: 'high',
  dirty: 'low',
  labelling: 'low',
  other: 'low',
};

/** A clue's severity from what it is: the alert kind, the complaint category or the anomaly. */
export function clueSeverity(clue: Pick<RiskClue, 'alert' | 'category' | 'anomaly' | 'source'>): ClueSeverity {
  const kind = clue.alert?.kind ?? clue.category ?? (clue.anomaly && 'reason' in clue.anomaly ? clue.anomaly.reason : undefined);
  if (kind === undefined) return clue.source === 'scanMonitor' ? 'high' : 'medium';
  return SEVERITY_OF_KIND[kind] ?? 'medium';
}

/**
 * What a clue is about in one word, as regulators filter and count them: the alert's kind
 * (`excursion`, `duplicateSale`, `maintenanceOverdue`, `failedSample`, …), the complaint's category,
 * or the scan anomaly (`scannedAfterSale`, else `copiedCode` for scans in far-apart provinces).
 *
 * @example clueKindOf({ source: 'alert', alert: { domain: 'coldchain', itemId: 'L1', alertId: 'a', kind: 'excursion' } }) // 'excursion'
 */
export function clueKindOf(clue: Pick<RiskClue, 'alert' | 'category' | 'anomaly' | 'source'>): string {
  if (clue.alert) return clue.alert.kind;
  if (clue.category) return clue.category;
  if (clue.anomaly) return 'reason' in clue.anomaly ? clue.anomaly.reason : 'copiedCode';
  return clue.source;
}

/** The state a clue is in, reading the pre-lifecycle `open` as raised. */
export const clueStateOf = (clue: Pick<RiskClue, 'status'>): ClueState => (clue.status === 'open' ? 'raised' : clue.status);
