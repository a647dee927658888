import { z } from 'zod';

/**
 * Storage temperatures are integers in tenths of a degree Celsius (−18 °C is −180). Integers keep
 * every endorser's comparisons exact and the canonical JSON free of float formatting.
 */
export const StorageRangeSchema = z
  .strictObject({
    minTenthsC: z.number().int().min(-1000).max(1000),
    maxTenthsC: z.number().int().min(-1000).max(1000),
  })
  .refine((range) => range.minTenthsC <= range.maxTenthsC, 'minTenthsC must not exceed maxTenthsC');

export type StorageRange = z.infer<typeof StorageRangeSchema>;

/**
 * Product categories with their default storage range and excursion tolerance. A lot may narrow
 * (or, with reason, replace) the range; national rules only give these outer bounds:
 * frozen ≤ −18 °C (the −60 °C floor is below any commercial freezer, so in effect no lower bound);
 * chilled above freezing and below 8 °C (GB/T 24616-2019); chilled meat commonly 0–4 °C.
 */
export const ProductCategories = {
  frozen: { range: { minTenthsC: -600, maxTenthsC: -180 }, excursionToleranceMinutes: 30 },
  chilled: { range: { minTenthsC: 0, maxTenthsC: 80 }, excursionToleranceMinutes: 30 },
  chilledMeat: { range: { minTenthsC: 0, maxTenthsC: 40 }, excursionToleranceMinutes: 15 },
} as const satisfies Record<string, { range: StorageRange; excursionToleranceMinutes: number }>;

export type ProductCategory = keyof typeof ProductCategories;
export const productCategoryNames = Object.keys(ProductCategories) as [ProductCategory, ...ProductCategory[]];

/** Whether a temperature lies inside a storage range (bounds included). */
export function isWithinRange(range: StorageRange, tenthsC: number): boolean {
  return tenthsC >= range.minTenthsC && tenthsC <= range.maxTenthsC;
}

/** The narrowest range both allow (for merged lots), or undefined when they do not overlap. */
export function intersectRanges(a: StorageRange, b: StorageRange): StorageRange | undefined {
  const range = { minTenthsC: Math.max(a.minTenthsC, b.minTenthsC), maxTenthsC: Math.min(a.maxTenthsC, b.maxTenthsC) };
  return range.minTenthsC <= range.maxTenthsC ? range : undefined;
}
