import type { ThroughputRow } from '../harness';
import { summariseLatencies } from '../stats';

/** What a set of parallel workers did: journeys done, calls' latencies, and whether the store hung. */
export interface WorkerRun {
  /** Journeys (documents) written or read. */
  completed: number;
  /** Calls that threw (the store refused them); the run goes on. */
  failed: number;
  seconds: number;
  /** One sample per store call (a call may carry many journeys). */
  latenciesMs: number[];
  /** A call went unanswered for the call timeout: the store is taken as hung and the workers stopped. */
  hung: boolean;
  /** The row's time budget ran out before every call was made. */
  cutShort: boolean;
  firstError?: string;
}

export interface WorkerPlan {
  workers: number;
  /** Calls to make; call `i` is `call(i)`, which answers how many journeys it handled. */
  calls: number;
  budgetMs: number;
  callTimeoutMs: number;
}

const HUNG = Symbol('hung');

/** Resolves to {@link HUNG} when `promise` has not settled after `ms`; the promise itself is left to its fate. */
function orHung<T>(promise: Promise<T>, ms: number): Promise<T | typeof HUNG> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

/**
 * Runs `plan.calls` store calls on `plan.workers` parallel workers, each taking the next call when its
 * last one answered, until all are made, the budget runs out, or one call hangs. A hang stops every
 * worker at once: on FerretDB it is the whole database that stops answering, not one call.
 *
 * @example
 * const run = await runWorkers({ workers: 4, calls: 1000, budgetMs: 60_000, callTimeoutMs: 30_000 }, async (i) => {
 *   await collection.insertMany(journeys.slice(i * 10, i * 10 + 10));
 *   return 10;
 * });
 */
export async function runWorkers(plan: WorkerPlan, call: (index: number) => Promise<number>): Promise<WorkerRun> {
  const run: WorkerRun = { completed: 0, failed: 0, seconds: 0, latenciesMs: [], hung: false, cutShort: false };
  const started = performance.now();
  const deadline = started + plan.budgetMs;
  let next = 0;
  let stopHung: () => void = () => undefined;
  const stoppedByHang = new Promise<void>((resolve) => {
    stopHung = resolve;
  });
  const worker = async (): Promise<void> => {
    while (next < plan.calls && !run.hung) {
      if (performance.now() > deadline) {
        run.cutShort = true;
        return;
      }
      const index = next++;
      const callStarted = performance.now();
      try {
        const outcome = await orHung(call(index), plan.callTimeoutMs);
        if (outcome === HUNG) {
          run.hung = true;
          stopHung();
          return;
        }
        run.completed += outcome;
        run.latenciesMs.push(performance.now() - callStarted);
      } catch (error) {
        run.failed += 1;
        run.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.race([Promise.all(Array.from({ length: Math.min(plan.workers, plan.calls) }, worker)), stoppedByHang]);
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

/**
 * A report row from a worker run: journeys per second over the run's wall time, latency per call. A
 * hung run reads 0/s and says so in its label, so the table shows it instead of a stale figure.
 */
export function rowOf(label: string, run: WorkerRun, extra: Partial<ThroughputRow> = {}): ThroughputRow & { hung?: boolean; firstError?: string } {
  const latency = summariseLatencies(run.latenciesMs);
  const notes = [run.hung ? `HUNG (a call unanswered for the call timeout, after ${run.completed} journeys)` : '', run.cutShort ? `time budget reached after ${run.completed} journeys` : ''].filter(Boolean);
  return {
    label: notes.length > 0 ? `${label} — ${notes.join('; ')}` : label,
    perSecond: run.hung || run.seconds === 0 ? 0 : run.completed / run.seconds,
    p50Ms: latency.p50Ms,
    p90Ms: latency.p90Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
    histogram: latency.histogram,
    completed: run.completed,
    failed: run.failed,
    ...(run.hung ? { hung: true } : {}),
    ...(run.firstError ? { firstError: run.firstError } : {}),
    ...extra,
  };
}
