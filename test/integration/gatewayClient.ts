import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateSigningKeys, TokenService, type Principal } from '../../gateway/src/auth';
import { gatewayConfigFile, gatewayDataDir } from '../../network/src/gatewayConfig';
import { adminToken } from '../../scripts/demoData';
import { testLayout, uniqueId, uniquePallet, uniqueUscc } from './testNetwork';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string;
}

/** Calls the test network's gateway over HTTP, as a client would. */
export async function api<T = Record<string, unknown>>(route: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}${route}`, {
    method: request.method ?? (request.body !== undefined || request.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export const testAdminToken = (): Promise<string> => adminToken(testLayout());

/** A token signed with the gateway's key but chosen claims and lifetime (expired tokens, odd roles). */
export async function craftedToken(principal: Principal, ttl: string): Promise<string> {
  return new TokenService(await loadOrCreateSigningKeys(gatewayDataDir(testLayout()))).issue(principal, ttl);
}

export interface OnboardedEnterprise {
  id: string;
  token: string;
  enrollmentId: string;
  mspId: string;
  body: Record<string, unknown>;
}

/** Onboards a fresh cold store through POST /admin/enterprises. */
export async function onboardEnterprise(custody: 'custodial' | 'non-custodial' = 'custodial', kinds = ['coldStore'], region = '330100'): Promise<OnboardedEnterprise> {
  const id = uniqueUscc();
  const enrollmentId = uniqueId('gw');
  const answer = await api('/admin/enterprises', {
    token: await testAdminToken(),
    idempotencyKey: uniqueId('onboard'),
    body: { id, name: `Gateway test ${enrollmentId}`, kinds, region, enrollmentId, custody },
  });
  if (answer.status !== 201) {
    throw new Error(`onboarding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const identity = answer.body.identity as { mspId: string };
  return { id, token: answer.body.token as string, enrollmentId, mspId: identity.mspId, body: answer.body };
}

/** The gateway's configuration file of the test network, for running a projector beside it. */
export function gatewayConfig(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(gatewayConfigFile(testLayout()), 'utf8')) as Record<string, unknown>;
}

/**
 * Writes a copy of the gateway config pointing at another database; returns its path. Projectors on
 * such a database hold a short lease (reproject waits one lease for the previous holder to stop).
 */
export function configWithDatabase(database: string, overrides: Record<string, unknown> = {}): string {
  const config: Record<string, unknown> = { ...gatewayConfig(), projectorLeaseSeconds: 3, ...overrides };
  config.mongoUri = String(config.mongoUri).replace(/\/[^/]*$/, `/${database}`);
  const file = path.join(testLayout().stateDir, `gateway-${database}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

export function traceEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: uniqueId('gw-ev'),
    subjectId: uniquePallet(),
    bizStep: 'receiving',
    eventTime: new Date(Date.now() - 30_000).toISOString(),
    ...overrides,
  };
}

export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
