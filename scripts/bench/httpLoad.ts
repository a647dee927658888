import autocannon from 'autocannon';
import fs from 'node:fs';

/**
 * HTTP load process for benchmarks (autocannon), bounded in time, loopback only. Writes get a unique
 * event and Idempotency-Key per request. Prints one JSON line.
 */
export interface HttpLoadSpec {
  url: string;
  path: string;
  method: 'GET' | 'POST';
  connections: number;
  seconds: number;
  token?: string;
  /** For POST /trace/events: prefix of generated event ids. */
  writeRunId?: string;
  /** A file of request paths, one per line, taken in turn (many distinct keys instead of `path`). */
  pathsFile?: string;
  accept?: string;
}

export interface HttpLoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as HttpLoadSpec;
  let sequence = 0;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (spec.token) headers.authorization = `Bearer ${spec.token}`;
  if (spec.accept) headers.accept = spec.accept;
  const paths = spec.pathsFile ? fs.readFileSync(spec.pathsFile, 'utf8').split('\n').filter((line) => line.length > 0) : undefined;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [
      {
        method: spec.method,
        path: spec.path,
        headers,
        setupRequest: (request) => {
          if (paths) return { ...request, path: paths[sequence++ % paths.length] };
          if (!spec.writeRunId) return request;
          const n = sequence++;
          const event = { eventId: `${spec.writeRunId}-${n}`, subjectId: `bench/${spec.writeRunId}/${n}`, bizStep: 'storing', eventTime: new Date().toISOString(), details: { temperatureC: -18.5 } };
          return { ...request, headers: { ...headers, 'idempotency-key': `${spec.writeRunId}-${n}` }, body: JSON.stringify(event) };
        },
      },
    ],
  });
  const answer: HttpLoadResult = {
    requestsPerSecond: result.requests.total / (result.duration || spec.seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
