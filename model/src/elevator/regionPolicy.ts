import { z } from 'zod';

const RegionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code');

/**
 * What a region's regulator decides for the lifts in it: how many workers a visit needs on site
 * (local rules, commonly 2), whether the region counts as a city for the entrapment arrival limit
 * (30 minutes in cities, an hour elsewhere), the length of the rescue code posted in cars (6 digits
 * in Shenzhen, 5 in Zhangzhou), and how many faults in how many days count as repeated.
 */
export const RegionPolicyInputSchema = z.strictObject({
  region: RegionCodeSchema,
  workersOnSite: z.number().int().min(1).max(6).default(2),
  urban: z.boolean().default(true),
  /** Overrides the 30/60-minute default of `urban`. */
  rescueArrivalLimitMinutes: z.number().int().min(5).max(240).optional(),
  rescueCodeLength: z.number().int().min(4).max(8).default(6),
  repeatedFaults: z.number().int().min(2).max(20).default(3),
  repeatedFaultDays: z.number().int().min(1).max(90).default(30),
});

export type RegionPolicyInput = z.infer<typeof RegionPolicyInputSchema>;

export interface RegionPolicy extends RegionPolicyInput {
  setBy: string;
  setAt: string;
}

/** The policy of a region no regulator has set one for. */
export function defaultRegionPolicy(region: string): RegionPolicyInput {
  return { region, workersOnSite: 2, urban: true, rescueCodeLength: 6, repeatedFaults: 3, repeatedFaultDays: 30 };
}

/** Minutes within which a rescuer must reach a trapped passenger under the policy. */
export function rescueArrivalLimitMinutes(policy: RegionPolicyInput): number {
  return policy.rescueArrivalLimitMinutes ?? (policy.urban ? 30 : 60);
}
