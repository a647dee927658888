/**
 * What `npm run bench:store` measures, from the environment. Every count is a parameter so a run can
 * be shrunk for a quick look (`BENCH_STORE_DOCS=1000`) or a writer count changed without editing code.
 */
export interface StoreBenchSettings {
  /** Journeys per workload (`BENCH_STORE_DOCS`). */
  docs: number;
  /** Parallel writers of the write rows (`BENCH_STORE_WRITERS`). */
  writers: number;
  /** Parallel readers of the point-read row (`BENCH_STORE_READERS`). */
  readers: number;
  /** Journeys per insert call of the baseline row (`BENCH_STORE_INSERT_BATCH`). */
  insertBatch: number;
  /** Parallel single `replaceOne` levels of write shape (b) (`BENCH_STORE_PARALLEL_REPLACES`, e.g. `4,8`). */
  parallelReplaces: number[];
  /** Changed journeys per projected block for the block-wise write shapes and the `$in` batch read (`BENCH_STORE_BLOCK`). */
  block: number;
  /** Operations per unordered `bulkWrite` call to try (`BENCH_STORE_BULK_SIZES`); sizes above the gateway's limit run last. */
  bulkSizes: number[];
  /** Runs of the nested-field query (`BENCH_STORE_QUERY_RUNS`). */
  queryRuns: number;
  /** A row stops after this long even if its journeys are not all done (`BENCH_STORE_MAX_SECONDS`). */
  maxSecondsPerRow: number;
  /** One store call that has not answered after this long counts as a hang (`BENCH_STORE_CALL_TIMEOUT_SECONDS`). */
  callTimeoutSeconds: number;
}

/** A positive whole number from the environment, or the default; anything else is refused by name. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${text}"`);
  return value;
}

/** A comma-separated list of positive whole numbers, sorted and without repeats. */
function counts(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const values = text.split(',').map((part) => count({ [name]: part }, name, 0));
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * The settings of one run; `mustInclude` bulk sizes are always measured (the size the gateway uses
 * today), whatever `BENCH_STORE_BULK_SIZES` lists.
 *
 * @example
 * const settings = storeBenchSettings(process.env, { bulkSize: MAX_BULK_OPERATIONS });
 * // BENCH_STORE_BULK_SIZES=100,200 → settings.bulkSizes = [50, 100, 200]
 */
export function storeBenchSettings(env: NodeJS.ProcessEnv, defaults: { bulkSize: number }): StoreBenchSettings {
  const bulkSizes = [...new Set([defaults.bulkSize, ...counts(env, 'BENCH_STORE_BULK_SIZES', [])])].sort((a, b) => a - b);
  return {
    docs: count(env, 'BENCH_STORE_DOCS', 10_000),
    writers: count(env, 'BENCH_STORE_WRITERS', 4),
    readers: count(env, 'BENCH_STORE_READERS', 8),
    insertBatch: count(env, 'BENCH_STORE_INSERT_BATCH', 10),
    parallelReplaces: counts(env, 'BENCH_STORE_PARALLEL_REPLACES', [4, 8]),
    block: count(env, 'BENCH_STORE_BLOCK', defaults.bulkSize),
    bulkSizes,
    queryRuns: count(env, 'BENCH_STORE_QUERY_RUNS', 3),
    maxSecondsPerRow: count(env, 'BENCH_STORE_MAX_SECONDS', 60),
    callTimeoutSeconds: count(env, 'BENCH_STORE_CALL_TIMEOUT_SECONDS', 30),
  };
}
