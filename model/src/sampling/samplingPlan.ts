import { z } from 'zod';
import { cleanId } from '../cleanText';
import { ProductCategoryEntrySchema, RegionCodeSchema } from '../reference/referenceData';

/**
 * Sampling inspections (抽检): an inspection body plans samples by product category and region, and
 * records each sample's result. Evaluative samples (评价性抽检) measure the market and make the pass
 * rate the plan's KPI counts; surveillance samples (监督抽检) target suspected risks and count only
 * against the enterprise.
 */
export const SampleTypes = ['evaluative', 'surveillance'] as const;
export type SampleType = (typeof SampleTypes)[number];

/**
 * Days after the report during which the sampled enterprise may object and ask for a re-test; the
 * result becomes final once they have passed. The default of a plan; each plan keeps its own number
 * as data, so a rule change or a province's own rule needs no new chaincode.
 */
export const DEFAULT_OBJECTION_WINDOW_DAYS = 15;
/** The longest objection window a plan may set. */
export const MAX_OBJECTION_WINDOW_DAYS = 60;

/** Regions and product categories one plan may name (the plan's record is read by every sample). */
export const MAX_PLAN_REGIONS = 50;
export const MAX_PLAN_CATEGORIES = 50;

/** A product category code of the reference data, e.g. `food.meat.frozen`. */
export const CategoryCodeSchema = ProductCategoryEntrySchema.shape.code;

/** Plan and sample ids: no `|` or `/`, so they can name documents and paged lists. */
const recordId = (example: string) => cleanId(example).regex(/^[A-Za-z0-9._-]{3,64}$/, 'must be 3–64 letters, digits or . _ -');
export const PlanIdSchema = recordId('CJ-2026-ZJ-01');
export const SampleIdSchema = recordId('DBJ26330000-0001');

/** A plan's period: a year, a half (`2026-H1`), a quarter (`2026-Q3`) or a month (`2026-07`). */
export const PlanPeriodSchema = z.string().regex(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a year (2026), a half (2026-H1), a quarter (2026-Q3) or a month (2026-07)');

export const SamplingPlanInputSchema = z
  .strictObject({
    planId: PlanIdSchema,
    name: z.string().trim().min(3).max(200),
    period: PlanPeriodSchema,
    sampleType: z.enum(SampleTypes),
    /** Product categories of the reference data. */
    categoryCodes: z.array(CategoryCodeSchema).min(1).max(MAX_PLAN_CATEGORIES),
    /** Regions of the region table the plan covers; a sample's enterprise must lie in one of them or in a region below one. */
    regionCodes: z.array(RegionCodeSchema).min(1).max(MAX_PLAN_REGIONS),
    objectionWindowDays: z.number().int().min(1).max(MAX_OBJECTION_WINDOW_DAYS).default(DEFAULT_OBJECTION_WINDOW_DAYS),
  })
  .refine((plan) => new Set(plan.categoryCodes).size === plan.categoryCodes.length, { message: 'must not repeat a category', path: ['categoryCodes'] })
  .refine((plan) => new Set(plan.regionCodes).size === plan.regionCodes.length, { message: 'must not repeat a region', path: ['regionCodes'] });

export type SamplingPlanInput = z.infer<typeof SamplingPlanInputSchema>;

export interface SamplingPlan extends SamplingPlanInput {
  /** `regulator:<enrollment id>` of the inspection body that recorded it. */
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/**
 * Whether a plan covers an enterprise whose region, and the regions above it in the region table,
 * are `regionChain` (nearest first): a plan for a city covers its districts.
 *
 * @example
 * planCoversRegion({ regionCodes: ['330100'] }, ['330106', '330100', '330000']) // true
 */
export const planCoversRegion = (plan: Pick<SamplingPlanInput, 'regionCodes'>, regionChain: readonly string[]): boolean => regionChain.some((code) => plan.regionCodes.includes(code));
