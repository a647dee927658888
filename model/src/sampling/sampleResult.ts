import { z } from 'zod';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { UsccSchema } from '../enterprise';
import { LotIdSchema } from '../supplychain/lotIdentity';
import { CategoryCodeSchema, PlanIdSchema, SampleIdSchema, type SampleType } from './samplingPlan';

/** SHA-256 of a document, as 64 lower-case hex digits. */
export const ReportSha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the report as 64 lower-case hex digits');

/** Test items one sample may carry (the record is one ledger value). */
export const MAX_SAMPLE_ITEMS = 100;

/** What was sampled: a cold-chain lot, a drug batch, or other goods described in words. */
export const SampledItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('coldChainLot'), lotId: LotIdSchema }),
  z.strictObject({
    kind: z.literal('drugBatch'),
    productId: cleanId('81234561').regex(/^\d{7,8}$/, 'must be the drug product identification code (7 or 8 digits)'),
    batchNumber: cleanId('AMX2601').regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 letters, digits or . _ -'),
  }),
  z.strictObject({ kind: z.literal('other'), description: z.string().trim().min(3).max(500) }),
]);
export type SampledItem = z.infer<typeof SampledItemSchema>;

export const SampledProductSchema = z.strictObject({
  categoryCode: CategoryCodeSchema,
  name: z.string().trim().min(1).max(200),
  item: SampledItemSchema,
});

/** One test item (检验项目) and its result; measured value and limit as the report writes them. */
export const TestItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  result: z.enum(['pass', 'fail']),
  measured: z.string().trim().max(60).optional(),
  limit: z.string().trim().max(60).optional(),
});
export type TestItem = z.infer<typeof TestItemSchema>;

const testItems = z
  .array(TestItemSchema)
  .min(1)
  .max(MAX_SAMPLE_ITEMS)
  .refine((items) => new Set(items.map((item) => item.name)).size === items.length, 'must not repeat a test item');

/** A lab's report: what it tested, who tested, the report's hash (the report stays off chain) and when it was issued. */
const reportFields = {
  items: testItems,
  lab: z.string().trim().min(2).max(200),
  reportSha256: ReportSha256Schema,
  reportedAt: EventTimeSchema,
};

/** An inspection body records a sample's result. */
export const SampleResultInputSchema = z
  .strictObject({
    sampleId: SampleIdSchema,
    planId: PlanIdSchema,
    product: SampledProductSchema,
    /** The sampled enterprise (registered): its region is the one on its ledger record. */
    enterpriseId: UsccSchema,
    sampledAt: EventTimeSchema,
    ...reportFields,
  })
  .refine((sample) => Date.parse(sample.reportedAt) >= Date.parse(sample.sampledAt), { message: 'must not lie before sampledAt', path: ['reportedAt'] });
export type SampleResultInput = z.infer<typeof SampleResultInputSchema>;

/** The sampled enterprise objects to the result within the window and asks for a re-test. */
export const SampleObjectionSchema = z.strictObject({
  sampleId: SampleIdSchema,
  reason: z.string().trim().min(5, 'must say why in at least 5 characters').max(1000),
});
export type SampleObjection = z.infer<typeof SampleObjectionSchema>;

/** The re-test (复检) of an objected sample, by a regulator: its verdict replaces the first. */
export const SampleRetestSchema = z.strictObject({ sampleId: SampleIdSchema, ...reportFields });
export type SampleRetestInput = z.infer<typeof SampleRetestSchema>;

export const SampleReferenceSchema = z.strictObject({ sampleId: SampleIdSchema });

export type SampleStatus = 'reported' | 'objected' | 'final';
export type SampleVerdict = 'pass' | 'fail';

/** A report as recorded: the lab's fields with its verdict, recorder and transaction. */
export interface SampleReport {
  items: TestItem[];
  lab: string;
  reportSha256: string;
  reportedAt: string;
  verdict: SampleVerdict;
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/**
 * A sample as the ledger keeps it under `tl.sample` [sampleId]. `verdict` is the one in force (the
 * re-test's once there is one), `status` where it stands; `enterpriseId` and `regionCode` name whom
 * and where a final failure concerns (the clue intake reads them).
 */
export interface Sample {
  sampleId: string;
  planId: string;
  sampleType: SampleType;
  product: z.infer<typeof SampledProductSchema>;
  categoryCode: string;
  enterpriseId: string;
  /** The enterprise's region on its ledger record. */
  regionCode: string;
  /** `regionCode` and the regions above it in the region table when recorded, nearest first: where the sample counts. */
  regionChain: string[];
  sampledAt: string;
  status: SampleStatus;
  verdict: SampleVerdict;
  /** The first report. */
  report: SampleReport;
  /** The last instant (ISO, UTC) an objection is taken; finality comes after it. */
  objectionUntil: string;
  objection?: { reason: string; by: string; filedAt: string; txId: string };
  retest?: SampleReport;
  finalizedAt?: string;
  finalizedBy?: string;
  finalTxId?: string;
  recordedBy: string;
  recordedAt: string;
  txId: string;
  updatedAt: string;
  updatedTxId: string;
}

/**
 * A sample fails when any item fails.
 *
 * @example
 * sampleVerdictOf([{ name: 'lead', result: 'pass' }, { name: 'E. coli', result: 'fail' }]) // 'fail'
 */
export const sampleVerdictOf = (items: readonly Pick<TestItem, 'result'>[]): SampleVerdict => (items.some((item) => item.result === 'fail') ? 'fail' : 'pass');
