import { pino } from 'pino';
import { Metrics } from '../../gateway/src/metrics';
import { verifyTraceCode } from '../../gateway/src/qr';
import type { ResolverServices } from '../../gateway/src/routes/resolver';
import type { GatewayServices } from '../../gateway/src/services';

type Stub = ((...args: unknown[]) => Stub) & { readonly [key: string]: Stub };

/**
 * Something that answers every property read, call and `new` with another such thing: enough for the
 * route builders, which only keep references to services while the app is built. A request that
 * reached a service would get nonsense, so tests send only what middleware answers alone.
 */
function stub(): Stub {
  const target = (() => stub()) as Stub;
  return new Proxy(target, {
    // `then` stays undefined, so an awaited stub is not mistaken for a promise.
    get: (_target, property) => (property === 'then' ? undefined : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
}

/** Gateway services for building the Express app without a network: plain values where the app reads values. */
export function stubServices(): GatewayServices {
  const plain: Partial<GatewayServices> = {
    log: pino({ level: 'silent' }),
    anonymousRateLimitPerMinute: 10_000,
    enterpriseWritesPerMinute: 10_000,
    trustProxy: false,
    publicHttps: false,
    resolverBase: 'https://id.example.cn',
  };
  const others = stub();
  return new Proxy(plain, { get: (target, property: string) => (property in target ? target[property as keyof GatewayServices] : others[property]) }) as GatewayServices;
}

/**
 * The resolver's few services, without a network or a store: codes are verified against no keys
 * (so none is authentic), scans are not counted, and no item has facts, as for identifiers no
 * handler serves.
 */
export function resolverServices(): ResolverServices {
  const noFacts = (): Promise<undefined> => Promise.resolve(undefined);
  return {
    consumerViews: { lot: noFacts, unit: noFacts },
    drugCodes: { verify: (code) => Promise.resolve({ code, verdict: 'unknown' }), codeOfGs1: () => Promise.resolve(undefined) },
    projection: { mayBeOutOfDate: () => false },
    codeVerdicts: { verify: (url) => verifyTraceCode(url.href, { keys: [] }) },
    scans: { record: () => undefined },
    resolverBase: 'https://id.example.cn',
    publicHttps: false,
    trustProxy: false,
    metrics: new Metrics(),
    log: pino({ level: 'silent' }),
  };
}
