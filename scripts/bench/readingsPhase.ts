import { usccCheckCharacter } from '../../model/src';
import { ReadingUploadSchema, prepareReadings } from '../../gateway/src/readings';
import type { NetworkLayout } from '../../network/src/layout';
import { step } from '../../network/src/progress';
import { BENCH_BRAND, delegateBenchBrand } from './benchBrand';
import { registerBenchEnterprise } from './benchEnterprise';
import { adminToken, onboardThroughGateway } from '../demoData';
import { runLoadProcess, type ThroughputRow } from './harness';
import { readingUploadBody, type ReadingLoadResult, type ReadingLoadSpec } from './readingLoad';
import { percentile } from './stats';

/**
 * The readings half of the cold-chain benchmark: one enterprise with `loggers` loggers, each attached
 * to a frozen lot of its own, then bulk uploads from a separate load process, answered after every
 * window is stored and anchored. Also times, in this process, what the gateway does per reading before
 * any I/O (JSON parse, validation, canonical bytes + leaf hash) on one upload of the same shape.
 */
export interface ReadingsPhaseResult {
  rows: ThroughputRow[];
  notes: Record<string, unknown>;
}

const LOGGERS = Number(process.env.BENCH_READING_LOGGERS ?? 32);
const LEVELS = (process.env.BENCH_READINGS_LEVELS ?? '10800x16,10800x32')
  .split(',')
  .map((level) => level.split('x').map(Number) as [number, number]);
const INTERVAL_MS = 1_000;
const HOUR = 3_600_000;

async function post(base: string, token: string, path: string, body: unknown, key: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const answer = { status: response.status, body: (await response.json()) as unknown };
  if (answer.status !== 201) {
    throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer;
}

export async function readingsPhase(layout: NetworkLayout, runId: string, seconds: number): Promise<ReadingsPhaseResult> {
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const first17 = '91330100BENCHR001';
  const enterpriseId = first17 + usccCheckCharacter(first17);
  const token = await onboardThroughGateway(
    layout,
    await adminToken(layout),
    { id: enterpriseId, name: 'Benchmark Reefer Fleet', kinds: ['producer', 'coldStore'], region: '330100', licences: [], enrollmentId: 'bench-readings' },
    `bench-onboarding-${enterpriseId}`,
  );
  // Its lots carry the bench brand's GTIN, under a delegation of the brand's prefix.
  await delegateBenchBrand(layout, await registerBenchEnterprise(layout, BENCH_BRAND), enterpriseId);
  const firstHour = Math.floor((Date.now() - 24 * LEVELS.length * HOUR - 2 * HOUR) / HOUR) * HOUR;
  const attachedAt = `${new Date(firstHour - HOUR + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
  step('bench', `registering ${LOGGERS} loggers, each attached to a frozen lot`);
  const loggers = Array.from({ length: LOGGERS }, (_, i) => `urn:epc:id:giai:4000001.${runId}.${i}`);
  const queue = [...loggers.keys()];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const lot = await post(base, token, '/coldchain/lots', {
        gtin: '09521234543213', lotNumber: `R${runId}${i}`.slice(0, 20), product: 'Frozen lamb shoulder', category: 'frozen', lotType: 'domestic',
        originCountry: 'CN', producer: 'Inner Mongolia plant 2', quantity: 1000, unit: 'kg', productionDate: '2026-09-01', expiryDate: '2028-09-01',
      }, `bench-lot-${runId}-${i}`);
      const lotId = (lot.body as { result: { lots: { id: string }[] } }).result.lots[0].id;
      await post(base, token, '/coldchain/loggers', { loggerId: loggers[i], description: `reefer ${i}` }, `bench-logger-${runId}-${i}`);
      await post(base, token, '/coldchain/loggers/attachments', { loggerId: loggers[i], lotId, eventTime: attachedAt }, `bench-attach-${runId}-${i}`);
    }
  }));

  const rows: ThroughputRow[] = [];
  const steps: Record<string, unknown>[] = [];
  for (const [index, [readingsPerUpload, concurrency]] of LEVELS.entries()) {
    step('bench', `readings: ${readingsPerUpload} per upload (1 s apart), ${concurrency} uploaders, ${LOGGERS} loggers, ${seconds}s`);
    const spec: ReadingLoadSpec = {
      url: base, token, loggers, concurrency, readingsPerUpload, seconds, startMs: firstHour + index * 24 * HOUR, intervalMs: INTERVAL_MS,
    };
    const result = await runLoadProcess<ReadingLoadResult>('readingLoad.js', spec, seconds + 120);
    if (result.firstError) step('bench', `  ${result.failed} failed; first error: ${result.firstError}`);
    step('bench', `  ${(result.readings / result.seconds).toFixed(0)} readings/s in ${result.uploads} uploads (${result.windows} windows)`);
    rows.push({
      label: `readings stored+anchored (HTTP), ${readingsPerUpload}/upload, c=${concurrency}`,
      perSecond: result.readings / result.seconds,
      p50Ms: percentile(result.latenciesMs, 50),
      p99Ms: percentile(result.latenciesMs, 99),
      completed: result.readings,
      failed: result.failed,
    });
    const perReadingUs = Object.fromEntries(Object.entries(result.stepsMs).map(([name, ms]) => [name, Number(((ms * 1000) / Math.max(1, result.readings)).toFixed(2))]));
    steps.push({ readingsPerUpload, concurrency, uploads: result.uploads, windowsAnchored: result.windows, gatewayStepMsSummed: result.stepsMs, perReadingMicroseconds: perReadingUs });
  }
  return { rows, notes: { readingLevels: steps, readingCpuBeforeIo: cpuBeforeIo(LEVELS[0][0]) } };
}

/** JSON.parse, schema validation, canonical bytes + leaf hash of one upload, in µs per reading (best of 5). */
function cpuBeforeIo(count: number): Record<string, number> {
  const body = readingUploadBody(0, count, Date.now() - 30 * HOUR, INTERVAL_MS);
  const best = { parse: Infinity, validate: Infinity, hash: Infinity };
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const parsed = JSON.parse(body) as unknown;
    const t1 = performance.now();
    const upload = ReadingUploadSchema.parse(parsed);
    const t2 = performance.now();
    prepareReadings('urn:epc:id:giai:4000001.1', upload, undefined);
    const t3 = performance.now();
    best.parse = Math.min(best.parse, t1 - t0);
    best.validate = Math.min(best.validate, t2 - t1);
    best.hash = Math.min(best.hash, t3 - t2);
  }
  const us = (ms: number): number => Number(((ms * 1000) / count).toFixed(2));
  return { readings: count, parseUs: us(best.parse), validateUs: us(best.validate), hashUs: us(best.hash) };
}
