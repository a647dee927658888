/**
 * Load process of the readings benchmark: `concurrency` uploaders post bulk uploads of
 * `readingsPerUpload` readings to POST /coldchain/loggers/{id}/readings, each uploader walking the
 * timelines of its own loggers (one reading every `intervalMs`, starting at `startMs`), until the
 * time is up. Answers come after every window is anchored on the ledger, so readings/s is end to end.
 * Bounded in time, loopback only. Prints one JSON line.
 */
export interface ReadingLoadSpec {
  url: string;
  token: string;
  loggers: string[];
  concurrency: number;
  readingsPerUpload: number;
  seconds: number;
  startMs: number;
  intervalMs: number;
}

export interface ReadingLoadResult {
  seconds: number;
  uploads: number;
  readings: number;
  windows: number;
  failed: number;
  latenciesMs: number[];
  /** Time spent building request bodies in this process (not part of the gateway's work). */
  buildMs: number;
  /** The gateway's Server-Timing steps (hash, lookup, store, anchor, receipt), summed over the uploads. */
  stepsMs: Record<string, number>;
  firstError?: string;
}

const offset8 = 8 * 3_600_000;

/** The body of one upload, built as a string: readings `r<epoch ms>` (unique per logger) at −20.0 … −18.6 °C. */
export function readingUploadBody(first: number, count: number, startMs: number, intervalMs: number): string {
  const parts: string[] = [];
  for (let n = first; n < first + count; n++) {
    const millis = startMs + n * intervalMs;
    const time = `${new Date(millis + offset8).toISOString().slice(0, 23)}+08:00`;
    parts.push(`{"readingId":"r${millis}","time":"${time}","tenthsC":${-200 + (n % 15)}}`);
  }
  return `{"readings":[${parts.join(',')}]}`;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as ReadingLoadSpec;
  const latenciesMs: number[] = [];
  let readings = 0;
  let windows = 0;
  let failed = 0;
  let buildMs = 0;
  const stepsMs: Record<string, number> = {};
  let firstError: string | undefined;
  const started = Date.now();
  const deadline = started + spec.seconds * 1000;
  const next = new Map(spec.loggers.map((logger) => [logger, 0]));

  const worker = async (w: number): Promise<void> => {
    const mine = spec.loggers.filter((_, i) => i % spec.concurrency === w);
    if (mine.length === 0) {
      return;
    }
    for (let turn = 0; Date.now() < deadline; turn++) {
      const loggerId = mine[turn % mine.length];
      const first = next.get(loggerId) ?? 0;
      const b0 = performance.now();
      const body = readingUploadBody(first, spec.readingsPerUpload, spec.startMs, spec.intervalMs);
      buildMs += performance.now() - b0;
      const t0 = performance.now();
      try {
        const response = await fetch(`${spec.url}/coldchain/loggers/${encodeURIComponent(loggerId)}/readings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${spec.startMs}-${loggerId.slice(-12)}-${first}` },
          body,
        });
        const answer = (await response.json()) as { stored?: number; anchors?: unknown[]; detail?: string };
        if (response.status === 201) {
          latenciesMs.push(performance.now() - t0);
          readings += answer.stored ?? 0;
          windows += answer.anchors?.length ?? 0;
          next.set(loggerId, first + spec.readingsPerUpload);
          for (const part of (response.headers.get('server-timing') ?? '').split(',')) {
            const [step, duration] = part.trim().split(';dur=');
            if (step && duration) stepsMs[step] = (stepsMs[step] ?? 0) + Number(duration);
          }
        } else {
          failed++;
          firstError ??= `${response.status} ${answer.detail ?? JSON.stringify(answer).slice(0, 300)}`;
        }
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, (_, w) => worker(w)));
  const result: ReadingLoadResult = { seconds: (Date.now() - started) / 1000, uploads: latenciesMs.length, readings, windows, failed, latenciesMs, buildMs, stepsMs, firstError };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
