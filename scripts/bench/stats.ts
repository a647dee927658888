/** Percentile by nearest rank over unsorted samples; undefined for no samples. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) {
    return undefined;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return rankOf(sorted, p);
}

function rankOf(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Upper bounds (ms) of the latency histogram's buckets: a 1-2-5 series, so one bench row stays a
 * few hundred bytes of JSON whatever the sample count. The last bucket holds everything above 60 s.
 */
export const HISTOGRAM_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 60_000] as const;

/** Count of samples per bucket: `counts[i]` holds samples ≤ `boundsMs[i]` (and above the bound before); the extra last count is the overflow. */
export interface LatencyHistogram {
  boundsMs: number[];
  counts: number[];
}

export function latencyHistogram(samples: readonly number[], boundsMs: readonly number[] = HISTOGRAM_BOUNDS_MS): LatencyHistogram {
  const counts = new Array<number>(boundsMs.length + 1).fill(0);
  for (const sample of samples) {
    const index = boundsMs.findIndex((bound) => sample <= bound);
    counts[index === -1 ? boundsMs.length : index]++;
  }
  return { boundsMs: [...boundsMs], counts };
}

/** What a bench row keeps of its latency samples. */
export interface LatencySummary {
  count: number;
  p50Ms: number | undefined;
  p90Ms: number | undefined;
  p99Ms: number | undefined;
  maxMs: number | undefined;
  histogram: LatencyHistogram;
}

export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number | undefined => (sorted.length === 0 ? undefined : rankOf(sorted, p));
  return {
    count: sorted.length,
    p50Ms: at(50),
    p90Ms: at(90),
    p99Ms: at(99),
    maxMs: sorted.at(-1),
    histogram: latencyHistogram(sorted),
  };
}
