/**
 * Whether a region lies within any of `covered` (itself, or below one of them), walking up the region
 * table through `parentOf`. Bounded: China's hierarchy is province → city → county, and a cycle in
 * bad data stops at the bound instead of looping.
 */
export function regionWithin(regionCode: string, covered: readonly string[], parentOf: (code: string) => string | undefined): boolean {
  return regionChain(regionCode, parentOf).some((code) => covered.includes(code));
}

/** The region and the regions above it, nearest first (at most {@link MAX_REGION_DEPTH}). */
export function regionChain(regionCode: string, parentOf: (code: string) => string | undefined): string[] {
  const chain: string[] = [];
  for (let code: string | undefined = regionCode; code !== undefined && chain.length < MAX_REGION_DEPTH && !chain.includes(code); code = parentOf(code)) {
    chain.push(code);
  }
  return chain;
}

export const MAX_REGION_DEPTH = 5;
