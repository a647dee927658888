import type { Context } from 'fabric-contract-api';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of the sampling domain. Reads are by key only.
 *
 * | key                          | value        | read by                                             |
 * | ---------------------------- | ------------ | --------------------------------------------------- |
 * | `tl.sample.plan` [planId]    | SamplingPlan | every sample of the plan (categories, regions, window) |
 * | `tl.sample` [sampleId]       | Sample       | objection, re-test, finality; the clue intake        |
 * | `tl.sample.draw` [drawId]    | Draw         | the reveal                                          |
 */
export const samplingPlanKey = (ctx: Context, planId: string): string => ledgerKey(ctx, KeyTypes.samplingPlan, planId);
export const sampleKey = (ctx: Context, sampleId: string): string => ledgerKey(ctx, KeyTypes.sample, sampleId);
export const drawKey = (ctx: Context, drawId: string): string => ledgerKey(ctx, KeyTypes.samplingDraw, drawId);
